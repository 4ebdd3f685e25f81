"""The project's search backend: Wagtail's database backend, with its query side changed.

Configured in ``WAGTAILSEARCH_BACKENDS`` as ``search.backends``; like Wagtail's own
``wagtail.search.backends.database`` it picks the class for the database in use. The index stays
Wagtail's (``IndexEntry``, kept in step by Wagtail's signal handlers and ``update_index``), and so
does the interface (``backend.search(query, queryset)``, ``.count()``, ``annotate_score()``), which
editors' promotions and the query report rely on. What changes:

- PostgreSQL: words, phrases and exclusions are compiled with ``websearch_to_tsquery`` in the
  configured text search configuration (Wagtail builds raw lexemes and ``phraseto_tsquery``).
  Where Wagtail's backend spends the time (measured on 31,000 documents, EXPLAIN ANALYZE):
  it joins the model to its entries on ``pk::varchar = object_id``, so PostgreSQL reads every
  public object of the type (20,000 publications, ~60 ms) to hash-join them; it filters the type's
  entries by the content type's B-tree and checks ``title || body`` on each (each body vector
  decompressed: ~150 ms for 20,000), never using a GIN index; and it ranks every match in full.
  ``IndexFirstCompiler`` finds the entries through one GIN index on (content type, title || body)
  (search/migrations/0003; a word matching 1,300 publications: ~2 ms), selects the objects by
  primary key and ranks only the best candidates in full (see its ``search``).
  That left a word found in nearly every document ("Beratung": 29,500 of 31,000) slow: every
  entry still had to be read, its row is wide (Wagtail also stores the plain text there), and
  each type was counted and ranked by queries of its own (17 per site search). So the site search
  now reads a narrow projection, ``search_document`` (entry, type, object id as a number, title
  vector, ``title || body`` as one vector; search/migrations/0004), kept in step by triggers on
  ``wagtailsearch_indexentry``, and counts and ranks every type in one statement
  (``PostgresBackend.search_sources``). Chosen over a project index kept in step by signals:
  Wagtail's ``IndexEntry`` already holds the weighted vectors and Wagtail keeps it in step with
  every save and ``update_index``; a trigger follows every writer without a second signal path.
- SQLite: FTS5 has no German stemmer, so the index stores title and body stemmed with the
  Snowball algorithm of ``SEARCH_CONFIG`` (search/stemming.py), and words and phrases are stemmed
  the same way when querying: "Geflüchtete" finds "geflüchteten" there too. Autocomplete keeps
  the unstemmed text (prefixes of what is typed).
"""

from django.db import connection
from wagtail.search.backends.database.fallback import DatabaseSearchBackend


# Borrowed: see cms/borrowed.py (modelsearch SearchBackend, a copy)
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
