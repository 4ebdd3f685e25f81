"""Contact persons and Fachgruppen belong to a Fachbereich of the organisation app.

A new installation adds the columns. An installation from before already has them, made by
people 0001 as it was then (with the Fachbereich in this app), and their foreign keys point at
the table organisation 0001 took over: they are adopted as they are, values kept.
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
        ("people", "0003_contactperson_name_or_role"),
        ("organisation", "0001_initial"),
    ]

    operations = [
        AddFieldUnlessPresent(
            model_name="contactperson",
            name="fachbereich",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="contact_persons",
                to="organisation.fachbereich",
                verbose_name="Fachbereich",
            ),
        ),
        AddFieldUnlessPresent(
            model_name="fachgruppe",
            name="fachbereich",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="fachgruppen",
                to="organisation.fachbereich",
                verbose_name="Fachbereich",
            ),
        ),
    ]
