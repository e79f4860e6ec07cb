"""The Elasticsearch backend's mapping and query body, checked without a server."""

from search import engine


class _RecordingConnection:
    """Stands in for the Elasticsearch client: records the search body."""

    def __init__(self):
        self.bodies = []

    def search(self, *, index, body):
        self.bodies.append(body)
        return {"hits": {"hits": [], "total": {"value": 0}}, "aggregations": {}}


def test_query_and_mapping_match_the_whoosh_ranking_without_a_server():
    """The query body and mapping carry phrase matching like the Whoosh backend:
    the text's adjacent word pairs, scored with the same weight."""
    from haystack import connections as haystack_connections

    from search.backends.elasticsearch_cjk import (
        PAIR_ANALYZER,
        ChineseElasticsearchSearchBackend,
    )
    from search.backends.whoosh_cjk import PHRASE_WEIGHT

    backend = ChineseElasticsearchSearchBackend(
        "default", URL="http://127.0.0.1:9", INDEX_NAME="portal-unit"
    )
    fields = haystack_connections["default"].get_unified_index().all_searchfields()
    content_field, mapping = backend.build_schema(fields)
    assert mapping[content_field]["fields"]["pairs"]["analyzer"] == PAIR_ANALYZER
    settings = backend.DEFAULT_SETTINGS["settings"]["analysis"]
    assert "word_pairs" in settings["analyzer"][PAIR_ANALYZER]["filter"]

    backend.setup_complete = True
    backend.conn = _RecordingConnection()
    spec = engine.SearchSpec(
        query="router password", audience=frozenset({"*"}), with_facets=False
    )
    backend.portal_search(spec)
    should = backend.conn.bodies[0]["query"]["bool"]["should"]
    assert {
        "match": {"text.pairs": {"query": "router password", "boost": PHRASE_WEIGHT}}
    } in should
