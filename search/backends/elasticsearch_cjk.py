"""Haystack's Elasticsearch 7 backend with Chinese/English analysis and the portal's
query path (the same `portal_search` / `portal_autocomplete` as the Whoosh backend).

Text fields use a custom analyzer: the standard tokenizer, CJK width folding,
lower-casing, CJK bigrams (the built-in `cjk` analyzer's approach) and English stop
words and stemming. Facet and audience fields are keywords. The `elasticsearch`
7.17 client talks to Elasticsearch 7, and to Elasticsearch 8 when the environment
sets ELASTIC_CLIENT_APIVERSIONING=1 (compatibility headers); see docs/search.md.
Not run on the development machines (no Elasticsearch server there): its tests run
only when ELASTICSEARCH_URL is set.
"""

import html

from haystack.backends.elasticsearch7_backend import (
    Elasticsearch7SearchBackend,
    Elasticsearch7SearchEngine,
)
from whoosh.analysis import STOP_WORDS

from search import engine
from search.backends.whoosh_cjk import EXPANSION_WEIGHT, FIELD_BOOSTS, PHRASE_WEIGHT

TEXT_ANALYZER = "portal_text"
PAIR_ANALYZER = "portal_pairs"
# The Whoosh analyzer's stop words, removed before the pairs are formed (as a
# character filter: a stop token filter would leave gaps the shingles fill).
STOP_WORDS_PATTERN = r"\b(?:" + "|".join(sorted(STOP_WORDS)) + r")\b"
# True when every audience clause of the document shares a key with params.keys.
AUDIENCE_SCRIPT = """
for (String clause : doc['audience']) {
  boolean held = false;
  for (String key : clause.splitOnToken('|')) {
    if (params.keys.contains(key)) { held = true; break; }
  }
  if (!held) { return false; }
}
return doc['audience'].size() > 0;
"""
KEYWORD_FIELDS = {
    "type",
    "language",
    "family",
    "category",
    "segments",
    "audience",
    "external_id",
    "url",
    "summary",
}


class ChineseElasticsearchSearchBackend(Elasticsearch7SearchBackend):
    DEFAULT_SETTINGS = {
        "settings": {
            "index": {"max_ngram_diff": 2},
            "analysis": {
                "char_filter": {
                    "portal_stop_words": {
                        "type": "pattern_replace",
                        "pattern": STOP_WORDS_PATTERN,
                        "replacement": " ",
                        "flags": "CASE_INSENSITIVE",
                    }
                },
                "filter": {
                    "english_stop": {"type": "stop", "stopwords": "_english_"},
                    "english_stemmer": {"type": "stemmer", "language": "english"},
                    "word_pairs": {
                        "type": "shingle",
                        "min_shingle_size": 2,
                        "max_shingle_size": 2,
                        "output_unigrams": False,
                    },
                },
                "analyzer": {
                    TEXT_ANALYZER: {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": [
                            "cjk_width",
                            "lowercase",
                            "cjk_bigram",
                            "english_stop",
                            "english_stemmer",
                        ],
                    },
                    # Adjacent word pairs, the Whoosh backend's `pairs` field.
                    PAIR_ANALYZER: {
                        "type": "custom",
                        "char_filter": ["portal_stop_words"],
                        "tokenizer": "standard",
                        "filter": [
                            "cjk_width",
                            "lowercase",
                            "cjk_bigram",
                            "english_stemmer",
                            "word_pairs",
                        ],
                    },
                },
            },
        }
    }

    def build_schema(self, fields):
        content_field_name, mapping = super().build_schema(fields)
        for name, field_mapping in mapping.items():
            if name in KEYWORD_FIELDS:
                field_mapping.clear()
                field_mapping["type"] = "keyword"
            elif field_mapping.get("type") == "text":
                field_mapping["analyzer"] = TEXT_ANALYZER
        if content_field_name in mapping:
            mapping[content_field_name]["fields"] = {
                "pairs": {"type": "text", "analyzer": PAIR_ANALYZER}
            }
        return content_field_name, mapping

    # The portal's query path -------------------------------------------------

    def _audience_filter(self, audience: frozenset[str]) -> list[dict]:
        if engine.audience_everything(audience):
            return []
        # Every clause of a document's audience ("segment:sme|segment:government",
        # "group:12") must share a key with the reader's (see search.audience).
        script = {"source": AUDIENCE_SCRIPT, "params": {"keys": sorted(audience)}}
        return [{"script": {"script": script}}]

    def portal_search(self, spec: engine.SearchSpec) -> engine.Outcome:
        if not self.setup_complete:
            self.setup()
        fields = [f"{name}^{boost}" for name, boost in FIELD_BOOSTS.items()]
        should = [
            {
                "multi_match": {
                    "query": expansion,
                    "fields": fields,
                    "boost": EXPANSION_WEIGHT,
                }
            }
            for expansion in spec.expansions
        ]
        # Phrase matching: the query's adjacent word pairs found adjacent in the
        # text, scored like words (as the Whoosh backend's `pairs` field).
        should.append(
            {"match": {"text.pairs": {"query": spec.query, "boost": PHRASE_WEIGHT}}}
        )
        query = {
            "bool": {
                "should": [
                    {"multi_match": {"query": spec.query, "fields": fields}},
                    *should,
                ],
                "minimum_should_match": 1,
                "filter": self._audience_filter(spec.audience),
            }
        }
        selections = {
            name: {"term": {name: value}} for name, value in spec.filters.items()
        }
        aggregations = {}
        if spec.with_facets:
            for name in engine.FACET_FIELDS:
                others = [f for other, f in selections.items() if other != name]
                aggregations[name] = {
                    "filter": {"bool": {"filter": others}},
                    "aggs": {"values": {"terms": {"field": name, "size": 50}}},
                }
        body = {
            "query": query,
            "post_filter": {"bool": {"filter": list(selections.values())}},
            "from": spec.offset,
            "size": spec.limit,
            "track_total_hits": True,
            "aggs": aggregations,
            "highlight": {
                "fields": {"text": {"fragment_size": 220, "number_of_fragments": 1}},
                "pre_tags": ["\x02"],
                "post_tags": ["\x03"],
            },
            "suggest": {"text": spec.query, "spelling": {"term": {"field": "text"}}},
        }
        if spec.sort == "date":
            body["sort"] = [{"published": {"order": "desc"}}, "_score"]
        raw = self.conn.search(index=self.index_name, body=body)
        hits = [self._hit(item) for item in raw["hits"]["hits"]]
        facets = {
            name: {
                bucket["key"]: bucket["doc_count"]
                for bucket in raw.get("aggregations", {})[name]["values"]["buckets"]
            }
            for name in aggregations
        }
        total = raw["hits"]["total"]["value"]
        return engine.Outcome(
            total=total,
            hits=hits,
            facets=facets,
            suggestion=self._suggestion(spec.query, raw) if total < 3 else None,
        )

    @staticmethod
    def _hit(item) -> engine.Hit:
        source = item["_source"]
        fragments = item.get("highlight", {}).get("text")
        if fragments:
            snippet = (
                html.escape(fragments[0])
                .replace("\x02", "<mark>")
                .replace("\x03", "</mark>")
            )
        else:
            snippet = html.escape(
                (source.get("summary") or source.get("text", ""))[:220]
            )
        return engine.Hit(
            doc_id=item["_id"],
            title=source.get("title", ""),
            url=source.get("url", ""),
            type=source.get("type", ""),
            language=source.get("language", ""),
            external_id=source.get("external_id") or "",
            score=round(float(item.get("_score") or 0.0), 4),
            snippet=snippet,
            published=source.get("published") or "",
        )

    @staticmethod
    def _suggestion(query: str, raw) -> str | None:
        corrected, changed = query, False
        for entry in raw.get("suggest", {}).get("spelling", []):
            if entry["options"]:
                corrected = corrected.replace(
                    entry["text"], entry["options"][0]["text"]
                )
                changed = True
        return corrected if changed else None

    def portal_autocomplete(
        self, *, prefix: str, audience: frozenset[str], language: str, limit: int
    ) -> list[engine.Suggestion]:
        if not self.setup_complete:
            self.setup()
        filters = self._audience_filter(audience)
        if language:
            filters.append({"term": {"language": language}})
        body = {
            "query": {
                "bool": {
                    "must": {"match_phrase_prefix": {"title": prefix}},
                    "filter": filters,
                }
            },
            "size": limit,
            "_source": ["title", "url", "type"],
        }
        raw = self.conn.search(index=self.index_name, body=body)
        return [
            engine.Suggestion(
                title=item["_source"]["title"],
                url=item["_source"]["url"],
                type=item["_source"]["type"],
            )
            for item in raw["hits"]["hits"]
        ]


class ChineseElasticsearchEngine(Elasticsearch7SearchEngine):
    backend = ChineseElasticsearchSearchBackend
