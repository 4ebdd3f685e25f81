"""PostgreSQL only: each ``search_document`` row notes its object's language.

``language`` is the site language the entry was indexed in (``""``: the default language), set
by the project's index (search/backends/postgres.py ``LanguageIndex``) right after Wagtail writes
the entry; the triggers (0004) leave it alone on updates and insert new rows as the default
language until the index sets it. The search matches and ranks every row with the query compiled
in its language's configuration (search/languages.py).

Entries written before this column existed were all indexed in the default configuration, so
``""`` is right for them until ``manage.py update_index`` indexes every translation in its own
language (README, "Search").
"""

from django.db import migrations

ADD = """
ALTER TABLE search_document ADD COLUMN IF NOT EXISTS language text NOT NULL DEFAULT '';
-- The entries of the other languages (few): the search reads them apart from the default's.
CREATE INDEX IF NOT EXISTS search_document_other_languages
    ON search_document (content_type_id, language) WHERE language <> '';
"""
DROP = """
DROP INDEX IF EXISTS search_document_other_languages;
ALTER TABLE search_document DROP COLUMN IF EXISTS language;
"""


def add(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(ADD)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("search", "0004_search_document")]

    operations = [migrations.RunPython(add, drop, elidable=False)]
