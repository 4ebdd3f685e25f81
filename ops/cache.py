"""Django's Redis cache, degrading instead of failing: while Redis is away the site and the API
answer from the database.

Django's ``RedisCache`` raises on every call when Redis is down, which would turn every request
into a 500. This backend logs the error and answers like an empty cache instead: a read is a
miss, a write is dropped. (A subclass of Django's own backend rather than django-redis with
``IGNORE_EXCEPTIONS``: the same thing in forty lines, without a second Redis client stack, and
with the one thing neither gives — staying *correct* afterwards, below.)

A dropped write may be an invalidation (the response cache's new tag versions, Wagtail deleting
a cached site root): once Redis answers again, entries written before the outage could be served
although a change made during it should have retired them. So a process that lost a write
remembers it and empties the cache (``FLUSHDB``; the Redis database of ``REDIS_URL`` holds
nothing but this cache) as soon as Redis answers again: on its next cache call, and from a
background thread that retries every ``RECOVERY_INTERVAL`` seconds (default 1), so that the
repair does not wait for traffic to reach this very process. Until then the other processes may
serve what was cached before the change, for at most about that interval.

After a failure the backend does not ask Redis again for ``RETRY_AFTER`` seconds (default 2):
while Redis hangs, requests pay ``REDIS_TIMEOUT`` once, not on every cache call.
"""

import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

ERRORS = (RedisError, OSError)


class ReusingRedisCacheClient(RedisCacheClient):
    """Django's client, but one ``redis.Redis`` per connection pool for the process's life.

    Django builds a new ``redis.Redis`` on every cache call (its constructor fills a table of
    several hundred response callbacks): about 0.15 ms each, two calls per request for the
    response cache, half of what a cache hit costs in all. A ``redis.Redis`` on a connection
    pool is safe to share between threads (the pool hands each command its own connection).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    # Borrowed: see cms/borrowed.py (Django's RedisCacheClient.get_client)
    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client


class DegradingRedisCache(RedisCache):
    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS", {}))
        self.recovery_interval = float(options.pop("RECOVERY_INTERVAL", 1.0))
        self.retry_after = float(options.pop("RETRY_AFTER", 2.0))
        # Fail fast: a Redis that does not answer must not hold a request for long.
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 0.5)
        params["OPTIONS"] = options
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
        self._lost_writes = False
        self._lock = threading.Lock()
        self._repairing = False
        self._down_until = 0.0

    # --- after a failure: skip Redis for a moment ------------------------------------------
    def _available(self):
        """False for ``RETRY_AFTER`` seconds after a failure: while Redis hangs, a request
        pays its timeout once, not on every cache call."""
        return time.monotonic() >= self._down_until

    def _failed(self, operation, error):
        logger.error("Cache %s failed, answering without the cache: %s", operation, error)
        self._down_until = time.monotonic() + self.retry_after

    # --- the repair after lost writes ------------------------------------------------------
    def _lost(self):
        with self._lock:
            self._lost_writes = True
            if self._repairing:
                return
            self._repairing = True
        threading.Thread(target=self._repair_loop, name="cache-repair", daemon=True).start()

    def _repair(self):
        """Empty the cache if writes were lost and Redis answers again. True when clean."""
        if not self._lost_writes:
            return True
        try:
            super().clear()  # Django's own: FLUSHDB, raising when Redis is away
        except ERRORS:
            self._down_until = time.monotonic() + self.retry_after
            return False
        with self._lock:
            self._lost_writes = False
        self._down_until = 0.0
        logger.warning("Cache reachable again: emptied it, since writes were lost meanwhile")
        return True

    def _repair_loop(self):
        while True:
            if self._repair():
                with self._lock:
                    if not self._lost_writes:  # nothing lost again meanwhile
                        self._repairing = False
                        return
            else:
                time.sleep(self.recovery_interval)

    def ping(self):
        """Raise when Redis does not answer (for the readiness check): one read through
        Django's own backend, which raises where this one answers like an empty cache."""
        super().has_key("ops:ping")

    # --- reads: a miss -----------------------------------------------------------------------
    def _read(self, operation, default, *args, **kwargs):
        if not self._available() or (self._lost_writes and not self._repair()):
            return default
        try:
            return getattr(super(), operation)(*args, **kwargs)
        except ERRORS as error:
            self._failed(operation, error)
            return default

    def get(self, key, default=None, version=None):
        return self._read("get", default, key, default, version=version)

    def get_many(self, keys, version=None):
        return self._read("get_many", {}, keys, version=version)

    def has_key(self, key, version=None):
        return self._read("has_key", False, key, version=version)

    # --- writes: dropped, and remembered -----------------------------------------------------
    def _write(self, operation, default, *args, **kwargs):
        if not self._available() or (self._lost_writes and not self._repair()):
            self._lost()
            return default
        try:
            return getattr(super(), operation)(*args, **kwargs)
        except ERRORS as error:
            self._failed(operation, error)
            self._lost()
            return default

    def add(self, *args, **kwargs):
        return self._write("add", False, *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._write("set", None, *args, **kwargs)

    def set_many(self, data, *args, **kwargs):
        return self._write("set_many", list(data), data, *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._write("touch", False, *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._write("delete", False, *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._write("delete_many", None, *args, **kwargs)

    def incr(self, *args, **kwargs):
        # Django's incr raises ValueError for a missing key; a lost one looks the same.
        if self._available():
            try:
                return super().incr(*args, **kwargs)
            except ERRORS as error:
                self._failed("incr", error)
        self._lost()
        raise ValueError("cache unavailable")

    def clear(self):
        return self._write("clear", False)
