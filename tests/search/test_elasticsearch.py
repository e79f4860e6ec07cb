"""The Elasticsearch backend against a real server; skipped without ELASTICSEARCH_URL.

No Elasticsearch server can be installed on the development machines, so these
tests have not been run here; see docs/search.md.
"""

import os
import uuid

import pytest
from django.core.management import call_command
from haystack import connections
from haystack.utils.loading import ConnectionHandler

from search import engine

URL = os.environ.get("ELASTICSEARCH_URL")
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not URL, reason="set ELASTICSEARCH_URL to run against a server"),
]


@pytest.fixture
def es_backend(settings, make_article):
    settings.HAYSTACK_CONNECTIONS = {
        "default": {
            "ENGINE": "search.backends.elasticsearch_cjk.ChineseElasticsearchEngine",
            "URL": URL,
            "INDEX_NAME": f"portal-test-{uuid.uuid4().hex[:8]}",
        }
    }
    original = connections.connections_info
    connections.connections_info = settings.HAYSTACK_CONNECTIONS
    connections._connections = ConnectionHandler(
        settings.HAYSTACK_CONNECTIONS
    )._connections
    backend = connections["default"].get_backend()
    yield backend
    backend.conn.indices.delete(index=backend.index_name, ignore=[404])
    connections.connections_info = original


def test_chinese_and_english_search_with_audience(es_backend, make_article):
    make_article(
        "宽带专线故障排查", "如果宽带专线中断，请检查光猫。", language="zh-hans"
    )
    make_article("Secret tender", "tender", restricted_segments=["government"])
    make_article("Resetting routers", "Reset the router.")
    call_command("update_index", verbosity=0)
    es_backend.conn.indices.refresh(index=es_backend.index_name)
    public = frozenset({"public"})
    zh = es_backend.portal_search(engine.SearchSpec(query="专线", audience=public))
    assert zh.hits[0].title == "宽带专线故障排查"
    en = es_backend.portal_search(
        engine.SearchSpec(query="reset router", audience=public)
    )
    assert en.hits[0].title == "Resetting routers"
    hidden = es_backend.portal_search(
        engine.SearchSpec(query="tender", audience=public)
    )
    assert hidden.total == 0
