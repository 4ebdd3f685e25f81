"""A topic page belongs to a Fachbereich of the organisation app.

A new installation adds the column. An installation from before already has it, made by topics
0001 as it was then (with the Fachbereich in the people app), and its foreign key points at the
table organisation 0001 took over: it is adopted as it is, values kept.
"""

import django.db.models.deletion
from django.db import migrations, models


class AddFieldUnlessPresent(migrations.AddField):
    """AddField, except where an installation from before issue 19 has the column already."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        model = to_state.apps.get_model(app_label, self.model_name)
        connection = schema_editor.connection
        with connection.cursor() as cursor:
            columns = connection.introspection.get_table_description(cursor, model._meta.db_table)
        if model._meta.get_field(self.name).column not in {column.name for column in columns}:
            super().database_forwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [
        ("topics", "0002_topicpage_review"),
        ("organisation", "0001_initial"),
    ]

    operations = [
        AddFieldUnlessPresent(
            model_name="topicpage",
            name="fachbereich",
            field=models.ForeignKey(
                blank=True,
                help_text="Der Fachbereich, dem das Thema im Verband zugeordnet ist.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="topic_pages",
                to="organisation.fachbereich",
                verbose_name="Fachbereich",
            ),
        ),
    ]
