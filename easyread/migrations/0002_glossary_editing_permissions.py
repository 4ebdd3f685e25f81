"""The central Redaktion adds, changes and deletes glossary terms (governance/roles.py,
``register_shared_snippet``). An installation from before has the group without them: given here.
A new installation has no group yet; governance creates it with them after migrating."""

from django.db import migrations

REDAKTION_GROUP = "Redaktion"  # governance.roles.REDAKTION_GROUP, as it was when this was written
ACTIONS = ("add", "change", "delete")  # governance.roles.SHARED_SNIPPET_ACTIONS


def grant(apps, schema_editor):
    db = schema_editor.connection.alias
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    group = Group.objects.using(db).filter(name=REDAKTION_GROUP).first()
    if group is None:
        return
    # The permissions themselves are made after migrating (post_migrate): made here if missing.
    content_type, _created = ContentType.objects.using(db).get_or_create(
        app_label="easyread", model="glossaryterm"
    )
    for action in ACTIONS:
        permission, _created = Permission.objects.using(db).get_or_create(
            content_type=content_type,
            codename=f"{action}_glossaryterm",
            defaults={"name": f"Can {action} Wörterbuch-Eintrag"},
        )
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("easyread", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
