"""A publication's topics are pages (of the types the topics app registers, documents/topics.py).

documents stands below topics and names none of its models. A new installation creates the link
table. An installation from before has it already, made by documents 0001 as it was then, with
the topic pages' ids in a column ``topicpage_id``: its links are copied into the new table, ids
included (a topic page's id is its page's id), so every publication keeps its topics.
"""

from django.core.management.color import no_style
from django.db import migrations, models

LINK_TABLE = "documents_publication_topics"


class AddTopicsKeepingLinks(migrations.AddField):
    """AddField for the many-to-many ``topics``, carrying over the links of an installation
    from before issue 19 (publication to topic page, ``topicpage_id``)."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        connection = schema_editor.connection
        links = []
        if LINK_TABLE in connection.introspection.table_names():
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT id, publication_id, topicpage_id FROM {LINK_TABLE}")
                links = cursor.fetchall()
            schema_editor.execute(f"DROP TABLE {schema_editor.quote_name(LINK_TABLE)}")
        super().database_forwards(app_label, schema_editor, from_state, to_state)
        if links:
            through = to_state.apps.get_model(app_label, self.model_name).topics.through
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {LINK_TABLE} (id, publication_id, page_id) VALUES (%s, %s, %s)",
                    links,
                )
                for sql in connection.ops.sequence_reset_sql(no_style(), [through]):
                    cursor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0003_publication_id_collection"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        AddTopicsKeepingLinks(
            model_name="publication",
            name="topics",
            field=models.ManyToManyField(
                blank=True,
                help_text="Auf diesen Themenseiten wird die Publikation automatisch angezeigt.",
                related_name="tagged_publications",
                to="wagtailcore.page",
                verbose_name="Themen",
            ),
        ),
    ]
