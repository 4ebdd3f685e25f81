"""Demo accounts for trying the review workflow at once (issue 11): a Fachbereich editor, a
Fachbereich reviewer and a member of the central Redaktion, each in the groups the governance
app keeps for the demo Fachbereich. Passwords come from DEMO_EDITORIAL_PASSWORD or are
generated and printed once, when the account is created."""

import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from governance.models import FachbereichRole
from governance.roles import REDAKTION_GROUP, sync_all

ACCOUNTS = [
    # username, first name, last name, role (None: the central Redaktion)
    ("fachredaktion", "Demo", "Fachredaktion", FachbereichRole.Role.EDITORS),
    ("fachpruefung", "Demo", "Fachprüfung", FachbereichRole.Role.REVIEWERS),
    ("zentralredaktion", "Demo", "Zentralredaktion", None),
]


def editorial_accounts(fachbereich, write):
    """Creates the groups and the three accounts if missing; returns how many were created.

    The Fachbereich's editor becomes the responsible editor of its topic pages and contact
    persons that have none yet."""
    sync_all()
    User = get_user_model()
    created = 0
    from_env = os.environ.get("DEMO_EDITORIAL_PASSWORD")
    for username, first_name, last_name, role in ACCOUNTS:
        if User.objects.filter(username=username).exists():
            continue
        password = from_env or secrets.token_urlsafe(12)
        user = User.objects.create_user(
            username,
            f"{username}@example.org",
            password,
            first_name=first_name,
            last_name=last_name,
        )
        if role is None:
            user.groups.add(Group.objects.get(name=REDAKTION_GROUP))
        else:
            user.groups.add(FachbereichRole.objects.get(fachbereich=fachbereich, role=role).group)
        created += 1
        if from_env:
            write(f"Konto „{username}“ angelegt (Passwort aus DEMO_EDITORIAL_PASSWORD).")
        else:
            write(
                f"Konto angelegt: Benutzername „{username}“, Passwort „{password}“ "
                "(wird nur dieses eine Mal angezeigt)."
            )
    editor = User.objects.get(username="fachredaktion")
    for related in (fachbereich.topic_pages, fachbereich.contact_persons):
        related.filter(responsible_editor__isnull=True).update(responsible_editor=editor)
    return created
