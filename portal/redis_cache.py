"""Django's Redis cache backend, with one Redis client a server.

Django's client builds a new `redis.Redis` for every cache call, and its
constructor fills a table of some 170 response callbacks: about 60 µs a call,
a third of a millisecond on a signed-in page that reads the cache six times.
A `redis.Redis` is safe to share between threads (each command takes a
connection from the pool), so one a connection pool is enough.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class SharedClientRedisCache(RedisCache):
    """`django.core.cache.backends.redis.RedisCache` over the client above."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
