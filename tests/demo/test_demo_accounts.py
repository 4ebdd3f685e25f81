"""The demo's editorial accounts: one per role, in the groups of the demo Fachbereich, ready to
try the review workflow."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.http import HttpRequest

from topics.models import TopicPage


@pytest.fixture
def output(db, monkeypatch):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "demo-passwort-123")
    monkeypatch.setenv("DEMO_EDITORIAL_PASSWORD", "redaktion-demo-456")
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    return out.getvalue()


def test_three_accounts_in_their_groups(output, client):
    User = get_user_model()
    groups = {
        user.username: sorted(user.groups.values_list("name", flat=True))
        for user in User.objects.filter(
            username__in=["fachredaktion", "fachpruefung", "zentralredaktion"]
        )
    }
    assert groups == {
        "fachredaktion": ["Migration und Flüchtlingsarbeit – Redaktion"],
        "fachpruefung": ["Migration und Flüchtlingsarbeit – Fachliche Prüfung"],
        "zentralredaktion": ["Redaktion"],
    }
    assert "Konto „fachredaktion“ angelegt (Passwort aus DEMO_EDITORIAL_PASSWORD)." in output
    for username in groups:
        assert client.login(request=HttpRequest(), username=username, password="redaktion-demo-456")
        assert client.get("/admin/").status_code == 200


def test_the_fachbereich_editor_owns_and_edits_the_demo_topic_page(output, client):
    page = TopicPage.objects.get(slug="fluechtlingsarbeit")
    assert page.responsible_editor.username == "fachredaktion"
    client.login(request=HttpRequest(), username="fachredaktion", password="redaktion-demo-456")
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


def test_generated_passwords_are_printed_once(db, monkeypatch):
    monkeypatch.delenv("DEMO_EDITORIAL_PASSWORD", raising=False)
    first, second = io.StringIO(), io.StringIO()
    call_command("load_demo_content", stdout=first)
    call_command("load_demo_content", stdout=second)
    assert "Benutzername „fachpruefung“, Passwort „" in first.getvalue()
    assert "Passwort" not in second.getvalue()
