"""PostgreSQL only: a GIN index on the expression Wagtail's search filters by.

Wagtail's PostgreSQL backend matches ``(title || body) @@ query``; the GIN indexes on ``title``
and ``body`` alone cannot serve that expression, so every search scanned all index entries of a
type. With this index the planner can find the matching entries directly.
"""

from django.db import migrations

# Borrowed: see cms/borrowed.py (database objects on Wagtail's tables)
INDEX = "search_indexentry_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING gin ((title || body))"
        )
        # Statistics on the new expression, so that the planner estimates matches well.
        schema_editor.execute("ANALYZE wagtailsearch_indexentry")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
