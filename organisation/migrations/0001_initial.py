"""The association's Fachbereiche: here since issue 19, in the people app before, rows and ids kept.

A new installation creates the table. An installation from before has the Fachbereiche in
people's table (``people_fachbereich``), made by people's first migration as it was then: this
migration renames that table, which keeps every row and id and the foreign keys that point at
it (contact persons, Fachgruppen, topic pages, governance's roles and collections), and hands
people's content type over, so permissions, the reference index, the search index and the
admin's history stay attached. people 0004, governance 0003 and topics 0003 then add the
relations to it, adopting the columns such an installation already has.

Which case applies is read from the database: no migration of this app's or another's state
knows the old table any more (people 0001 was edited to leave the Fachbereich out, see there).
organisation depends on no app of the project: it stands below them.
"""

import modelsearch.index
from django.db import migrations, models
from django.db.models.functions import Lower

OLD_TABLE = "people_fachbereich"


class CreateModelOrTakeOverTable(migrations.CreateModel):
    """CreateModel, except that an existing people_fachbereich table becomes the model's table."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if OLD_TABLE in schema_editor.connection.introspection.table_names():
            model = to_state.apps.get_model(app_label, self.name)
            schema_editor.alter_db_table(model, OLD_TABLE, model._meta.db_table)
        else:
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def describe(self):
        return f"Create model {self.name}, or take over people's table of it"


def move_content_type(apps, schema_editor):
    """people.fachbereich's content type becomes organisation.fachbereich (same id)."""
    content_types = apps.get_model("contenttypes", "ContentType").objects.using(
        schema_editor.connection.alias
    )
    if not content_types.filter(app_label="organisation", model="fachbereich").exists():
        content_types.filter(app_label="people", model="fachbereich").update(
            app_label="organisation"
        )


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        CreateModelOrTakeOverTable(
            name="Fachbereich",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "name",
                    models.CharField(
                        help_text="Ohne das Wort „Fachbereich“, z. B. „Migration und "
                        "Flüchtlingsarbeit“.",
                        max_length=255,
                        unique=True,
                        verbose_name="Name",
                    ),
                ),
                (
                    "description",
                    models.TextField(
                        blank=True,
                        help_text="Kurze Beschreibung der Aufgaben des Fachbereichs (optional).",
                        verbose_name="Beschreibung",
                    ),
                ),
            ],
            options={
                "verbose_name": "Fachbereich",
                "verbose_name_plural": "Fachbereiche",
                "ordering": [Lower("name")],
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.RunPython(move_content_type, migrations.RunPython.noop, elidable=False),
    ]
