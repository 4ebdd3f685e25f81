"""The project's search backend: Wagtail's database backend, with its query side changed.

Configured in ``WAGTAILSEARCH_BACKENDS`` as ``search.backends``; like Wagtail's own
``wagtail.search.backends.database`` it picks the class for the database in use. The index stays
Wagtail's (``IndexEntry``, kept in step by Wagtail's signal handlers and ``update_index``), and so
does the interface (``backend.search(query, queryset)``, ``.count()``, ``annotate_score()``), which
editors' promotions and the query report rely on. What changes:

- PostgreSQL: words, phrases and exclusions are compiled with ``websearch_to_tsquery`` in the
  configured text search configuration (Wagtail builds raw lexemes and ``phraseto_tsquery``).
  Ranking is bounded: Wagtail ranks every match with ``ts_rank`` over the title and the whole
  body, which costs one detoasted body vector per match (26,000 for a broad word); here the
  matches are first ordered by the rank of their small title vector alone, and only the best
  ``RANK_CANDIDATES`` of them are ranked in full (see ``BoundedRankCompiler.search``).
- SQLite: FTS5 has no German stemmer, so the index stores title and body stemmed with the
  Snowball algorithm of ``SEARCH_CONFIG`` (search/stemming.py), and words and phrases are stemmed
  the same way when querying: "Geflüchtete" finds "geflüchteten" there too. Autocomplete keeps
  the unstemmed text (prefixes of what is typed).
"""

from django.db import connection
from wagtail.search.backends.database.fallback import DatabaseSearchBackend


def SearchBackend(params):  # noqa: N802 – the name Wagtail looks up in a backend module
    # Each module imports only its database's Wagtail backend (their models exist only there).
    if connection.vendor == "postgresql":
        from .postgres import PostgresBackend

        return PostgresBackend(params)
    if connection.vendor == "sqlite":
        from wagtail.search.backends.database.sqlite.utils import (
            fts5_available,
            fts_table_exists,
        )

        if fts5_available() and fts_table_exists():
            from .sqlite import SQLiteBackend

            return SQLiteBackend(params)
    return DatabaseSearchBackend(params)
