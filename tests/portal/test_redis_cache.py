"""The Redis cache (CACHE_URL=redis://...): Django's backend, one client a server."""

import os

import pytest
from django.core.cache import cache, caches

from portal.redis_cache import SharedClientRedisCache

pytestmark = pytest.mark.skipif(
    not os.environ.get("CACHE_URL", "").startswith("redis"),
    reason="needs Redis: set CACHE_URL=redis://...",
)


def test_the_portal_caches_in_redis_through_one_client():
    assert isinstance(caches["default"], SharedClientRedisCache)
    client = cache._cache.get_client(write=True)
    assert cache._cache.get_client("any key") is client
    assert cache._cache.get_client(write=False) is client  # one server


def test_the_cache_reads_writes_counts_and_forgets():
    cache.set("shared-client:a", {"rows": [1, 2]}, 30)
    assert cache.get("shared-client:a") == {"rows": [1, 2]}
    assert cache.add("shared-client:a", "other", 30) is False
    assert cache.add("shared-client:n", 1, 30) is True
    assert cache.incr("shared-client:n", 4) == 5
    cache.set_many({"shared-client:b": "b", "shared-client:c": "c"}, 30)
    assert cache.get_many(["shared-client:b", "shared-client:c", "missing"]) == {
        "shared-client:b": "b",
        "shared-client:c": "c",
    }
    cache.delete_many(["shared-client:a", "shared-client:b"])
    assert cache.get("shared-client:a") is None and cache.get("shared-client:c") == "c"
