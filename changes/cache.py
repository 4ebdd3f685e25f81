"""The shared cache without Redis: Django's database cache, writing many keys in one statement.

Django's ``DatabaseCache`` writes key by key, each write a count, a savepoint, a read and an
insert or update. The response cache creates the versions of the tags a response is new to
and moves the versions of a change's tags together (``httpcache.cache``): here that is one
``INSERT … ON CONFLICT DO UPDATE`` on the table whatever the number of keys.
"""

import base64
import pickle
from datetime import UTC, datetime

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache
from django.db import router

from .models import SharedCacheEntry


class SharedDatabaseCache(DatabaseCache):
    """``DatabaseCache`` on ``changes``' table whose ``set_many`` is one upsert. It does not
    cull: the shared cache holds small versions and counters (``MAX_ENTRIES`` is far above
    them), and a culled version would only cost a miss."""

    # Borrowed: see cms/borrowed.py (changes.cache:SharedDatabaseCache.set_many): the row
    # format of DatabaseCache._base_set (pickled, base64 text; "no timeout" as the largest
    # datetime), so that Django's own get/get_many read what this writes.
    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        if not data:
            return []
        if self._table != SharedCacheEntry._meta.db_table:
            return super().set_many(data, timeout=timeout, version=version)
        timeout = self.get_backend_timeout(timeout)
        if timeout is None:
            expires = datetime.max.replace(tzinfo=UTC)
        else:
            expires = datetime.fromtimestamp(timeout, tz=UTC)
        expires = expires.replace(microsecond=0)
        rows = [
            SharedCacheEntry(
                cache_key=self.make_and_validate_key(key, version=version),
                value=base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1"),
                expires=expires,
            )
            for key, value in data.items()
        ]
        SharedCacheEntry.objects.using(router.db_for_write(self.cache_model_class)).bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["cache_key"],
            update_fields=["value", "expires"],
        )
        return []
