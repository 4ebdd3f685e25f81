"""PostgreSQL only: pg_trgm, and trigram GIN indexes on the titles "Meinten Sie …?" reads.

search/spelling.py asks for titles containing a word similar to the typed one (``title %> word``);
these indexes let PostgreSQL answer that without reading every title. Debian's PostgreSQL ships
the extension (package postgresql-contrib is part of the server package).
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

# Borrowed: see cms/borrowed.py (database objects on Wagtail's tables)
INDEXES = {
    "search_page_title_trgm": ("wagtailcore_page", "title"),
    "search_publication_title_trgm": ("documents_publication", "title"),
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, (table, column) in INDEXES.items():
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({column} gin_trgm_ops)"
            )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_indexentry_title_body_gin"),
        ("wagtailcore", "0001_initial"),
        ("documents", "0001_initial"),
    ]

    operations = [TrigramExtension(), migrations.RunPython(create, drop, elidable=False)]
