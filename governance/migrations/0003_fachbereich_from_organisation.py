"""A Fachbereich's roles (its groups) and its collection belong to the organisation app's
Fachbereich.

A new installation adds the columns and the constraint. An installation from before already has
them, made by governance 0001 and 0002 as they were then (with the Fachbereich in the people
app), and their foreign keys point at the table organisation 0001 took over: they are adopted as
they are, values kept.
"""

import django.db.models.deletion
from django.db import migrations, models


def _columns(schema_editor, model):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        columns = connection.introspection.get_table_description(cursor, model._meta.db_table)
    return {column.name for column in columns}


def _constraints(schema_editor, model):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        return connection.introspection.get_constraints(cursor, model._meta.db_table)


class AddFieldUnlessPresent(migrations.AddField):
    """AddField, except where an installation from before issue 19 has the column already."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        model = to_state.apps.get_model(app_label, self.model_name)
        if model._meta.get_field(self.name).column not in _columns(schema_editor, model):
            super().database_forwards(app_label, schema_editor, from_state, to_state)


class AddConstraintUnlessPresent(migrations.AddConstraint):
    """AddConstraint, except where an installation from before issue 19 has it already."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        model = to_state.apps.get_model(app_label, self.model_name)
        if self.constraint.name not in _constraints(schema_editor, model):
            super().database_forwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0002_fachbereich_collection"),
        ("organisation", "0001_initial"),
    ]

    operations = [
        AddFieldUnlessPresent(
            model_name="fachbereichrole",
            name="fachbereich",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="roles",
                to="organisation.fachbereich",
                verbose_name="Fachbereich",
            ),
        ),
        AddConstraintUnlessPresent(
            model_name="fachbereichrole",
            constraint=models.UniqueConstraint(
                fields=("fachbereich", "role"), name="one_group_per_role"
            ),
        ),
        AddFieldUnlessPresent(
            model_name="fachbereichcollection",
            name="fachbereich",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="media_collection",
                to="organisation.fachbereich",
                verbose_name="Fachbereich",
            ),
        ),
    ]
