"""PostgreSQL only: ``search_document``, a narrow projection of Wagtail's search index.

One row per ``wagtailsearch_indexentry`` with an integer object id: the entry's type, object id
(as a number), title vector and one precomputed ``document`` vector (title || body), with a GIN
index on (content type, ``document``) (btree_gin, search/migrations/0003). The title norm stays
in Wagtail's entry, read only for the candidates ranked in full: Wagtail rewrites the norms after
every batch, and copying them would write every row twice.

Wagtail's entries are wide (title, body and autocomplete vectors and the plain title and body
text: ~170 MB for 31,000 entries, most of it PDF text), so a query that reads many of them (a
word found in 29,500 of 31,000 documents) reads thousands of pages, and computes ``title || body``
again for each entry. Here rows are a quarter of that, and the site search
(search/backends/postgres.py) counts and ranks all types in one query.

Triggers keep it in step with Wagtail's index, whatever writes to it: Wagtail's signal handlers,
``update_index``, ``rebuild`` (insert, update, delete and truncate). Nothing else writes here.
"""

from django.db import migrations

# Borrowed: see cms/borrowed.py (database objects on Wagtail's tables)
CREATE = """
CREATE TABLE IF NOT EXISTS search_document (
    entry_id integer PRIMARY KEY,
    content_type_id integer NOT NULL,
    object_id bigint NOT NULL,
    title tsvector NOT NULL,
    document tsvector NOT NULL
);
-- (content type, document): each type's matches without reading the other types' rows.
CREATE INDEX IF NOT EXISTS search_document_type_document_gin
    ON search_document USING gin (content_type_id, document);
CREATE INDEX IF NOT EXISTS search_document_object ON search_document (content_type_id, object_id);

CREATE OR REPLACE FUNCTION search_document_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM search_document WHERE entry_id = OLD.id;
        RETURN OLD;
    END IF;
    IF NEW.object_id !~ '^[0-9]{1,18}$' THEN
        DELETE FROM search_document WHERE entry_id = NEW.id;
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.title = OLD.title AND NEW.body = OLD.body
            AND NEW.object_id = OLD.object_id AND NEW.content_type_id = OLD.content_type_id
            AND NEW.id = OLD.id THEN
        -- Nothing copied changed (Wagtail refreshes the title norms after each batch).
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.id <> OLD.id THEN
        DELETE FROM search_document WHERE entry_id = OLD.id;
    END IF;
    INSERT INTO search_document (entry_id, content_type_id, object_id, title, document)
    VALUES (NEW.id, NEW.content_type_id, NEW.object_id::bigint, NEW.title, NEW.title || NEW.body)
    ON CONFLICT (entry_id) DO UPDATE SET
        content_type_id = EXCLUDED.content_type_id,
        object_id = EXCLUDED.object_id,
        title = EXCLUDED.title,
        document = EXCLUDED.document;
    RETURN NEW;
END;
$$;

CREATE OR REPLACE FUNCTION search_document_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE search_document;
    RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS search_document_sync ON wagtailsearch_indexentry;
CREATE TRIGGER search_document_sync
    AFTER INSERT OR UPDATE OR DELETE ON wagtailsearch_indexentry
    FOR EACH ROW EXECUTE FUNCTION search_document_sync();
DROP TRIGGER IF EXISTS search_document_truncate ON wagtailsearch_indexentry;
CREATE TRIGGER search_document_truncate
    AFTER TRUNCATE ON wagtailsearch_indexentry
    FOR EACH STATEMENT EXECUTE FUNCTION search_document_truncate();

INSERT INTO search_document (entry_id, content_type_id, object_id, title, document)
SELECT id, content_type_id, object_id::bigint, title, title || body
FROM wagtailsearch_indexentry WHERE object_id ~ '^[0-9]{1,18}$'
ON CONFLICT (entry_id) DO NOTHING;
ANALYZE search_document;
"""

DROP = """
DROP TRIGGER IF EXISTS search_document_sync ON wagtailsearch_indexentry;
DROP TRIGGER IF EXISTS search_document_truncate ON wagtailsearch_indexentry;
DROP FUNCTION IF EXISTS search_document_sync();
DROP FUNCTION IF EXISTS search_document_truncate();
DROP TABLE IF EXISTS search_document;
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_indexentry_type_document_gin"),
        ("wagtailsearch", "__latest__"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
