"""The table of the shared cache when there is no Redis (``DATABASE_SHARED_CACHE`` in
``cms/settings/base.py``).

Django's database cache keeps its entries in a table that ``manage.py createcachetable`` makes;
declared here as a model with the same columns, ``migrate`` makes it (on every database, in
every test run) and no deployment can forget the extra command. What it holds: the response
cache's tag versions and generation, and the rate-limit counters, read and written only
through Django's cache API.
"""

from django.db import models


class SharedCacheEntry(models.Model):
    # Borrowed: see cms/borrowed.py (changes.models:SharedCacheEntry): the columns that
    # createcachetable's Command.create_table gives the database cache's table.
    cache_key = models.CharField(max_length=255, primary_key=True)
    value = models.TextField()
    expires = models.DateTimeField(db_index=True)

    class Meta:
        db_table = "changes_shared_cache"
        verbose_name = "Eintrag des gemeinsamen Caches"
        verbose_name_plural = "Einträge des gemeinsamen Caches"

    def __str__(self):
        return self.cache_key
