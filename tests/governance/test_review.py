"""Owners and review dates: the overdue report, the dashboard, reminders, one-click review."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import PageLogEntry

from governance.models import review_interval
from governance.reminders import send_review_reminders
from people.factories import ContactPersonFactory
from topics.factories import TopicPageFactory

from .conftest import login

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
PAST = TODAY - datetime.timedelta(days=3)
FUTURE = TODAY + datetime.timedelta(days=30)


@pytest.fixture
def content(topic_index, migration, pflege, editor, make_user):
    """Due: two pages and a person of the editor, one page of a second owner (an editor of
    Pflege). Not due: a page reviewed later, a draft, a page without owner whose date is in
    the future."""
    from governance.models import FachbereichRole

    from .conftest import group_of

    kollege = make_user("kollege", group_of(pflege, FachbereichRole.Role.EDITORS))
    due = {
        "fluechtlinge": TopicPageFactory(
            parent=topic_index,
            title="Flüchtlingsarbeit",
            fachbereich=migration,
            responsible_editor=editor,
            next_review_date=PAST,
        ),
        "integration": TopicPageFactory(
            parent=topic_index,
            title="Integrationskurse",
            fachbereich=migration,
            responsible_editor=editor,
            next_review_date=TODAY,
        ),
        "person": ContactPersonFactory(
            first_name="Erika",
            last_name="Muster",
            fachbereich=migration,
            responsible_editor=editor,
            next_review_date=PAST,
        ),
        "pflege": TopicPageFactory(
            parent=topic_index,
            title="Altenpflege",
            fachbereich=pflege,
            responsible_editor=kollege,
            next_review_date=PAST,
        ),
    }
    TopicPageFactory(
        parent=topic_index,
        title="Später",
        fachbereich=migration,
        responsible_editor=editor,
        next_review_date=FUTURE,
    )
    TopicPageFactory(
        parent=topic_index,
        title="Entwurf",
        fachbereich=migration,
        live=False,
        responsible_editor=editor,
        next_review_date=PAST,
    )
    return {"due": due, "kollege": kollege}


def listed(html):
    names = [
        "Flüchtlingsarbeit",
        "Integrationskurse",
        "Erika Muster",
        "Altenpflege",
        "Später",
        "Entwurf",
    ]
    return {name for name in names if f">{name}</a>" in html}


def test_publishing_sets_the_review_date_a_year_ahead(topic_index):
    page = TopicPageFactory(parent=topic_index)
    assert page.next_review_date == TODAY + review_interval()
    chosen = TopicPageFactory(parent=topic_index, next_review_date=FUTURE)
    assert chosen.next_review_date == FUTURE


def test_the_report_lists_exactly_the_due_items_with_filters(central, content, migration):
    client = login(central)
    url = "/admin/ueberpruefung/"
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert listed(html) == {"Flüchtlingsarbeit", "Integrationskurse", "Erika Muster", "Altenpflege"}
    assert "4 Inhalte sind fällig" in html

    html = client.get(url, {"fachbereich": migration.pk}).content.decode()
    assert listed(html) == {"Flüchtlingsarbeit", "Integrationskurse", "Erika Muster"}
    html = client.get(url, {"owner": content["kollege"].pk}).content.decode()
    assert listed(html) == {"Altenpflege"}


def test_the_dashboard_shows_the_editor_their_due_content(editor, content):
    html = login(editor).get("/admin/").content.decode()
    assert "Ihre Inhalte: Überprüfung fällig" in html
    assert listed(html) == {"Flüchtlingsarbeit", "Integrationskurse", "Erika Muster"}


def test_one_reminder_per_owner_and_none_on_a_second_run(editor, content):
    mail.outbox.clear()
    assert send_review_reminders() == 2
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert set(by_recipient) == {editor.email, content["kollege"].email}
    mine = by_recipient[editor.email]
    assert mine.subject == "Überprüfung fällig: 3 Inhalte"
    for title in ("Flüchtlingsarbeit", "Integrationskurse", "Erika Muster"):
        assert title in mine.body
    assert "Altenpflege" not in mine.body and "Später" not in mine.body
    assert "Guten Tag" in mine.body
    assert f"/admin/pages/{content['due']['fluechtlinge'].pk}/edit/" in mine.body

    assert send_review_reminders() == 0
    assert len(mail.outbox) == 2
    # The next day they are due again.
    assert send_review_reminders(today=TODAY + datetime.timedelta(days=1)) == 2


def test_geprueft_unveraendert_in_one_click_is_in_the_audit_log(editor, content):
    page = content["due"]["fluechtlinge"]
    client = login(editor)
    response = client.post(
        f"/admin/ueberpruefung/geprueft/topics/topicpage/{page.pk}/", {"next": "/admin/"}
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.next_review_date == TODAY + review_interval()
    entry = PageLogEntry.objects.get(page=page, action="governance.reviewed")
    assert entry.user == editor
    assert entry.data["previous_review_date"] == PAST.isoformat()
    history = client.get(f"/admin/pages/{page.pk}/history/").content.decode()
    assert "Geprüft, unverändert" in history
    assert "Flüchtlingsarbeit" not in listed(client.get("/admin/").content.decode())

    person = content["due"]["person"]
    response = client.post(f"/admin/ueberpruefung/geprueft/people/contactperson/{person.pk}/")
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.next_review_date == TODAY + review_interval()


def test_nobody_confirms_content_they_may_not_edit(editor, content):
    page = content["due"]["pflege"]
    response = login(editor).post(f"/admin/ueberpruefung/geprueft/topics/topicpage/{page.pk}/")
    assert response.status_code in (302, 403)  # Wagtail sends a refused request home
    page.refresh_from_db()
    assert page.next_review_date == PAST
    assert not PageLogEntry.objects.filter(page=page, action="governance.reviewed").exists()


def test_the_review_interval_is_a_setting(settings, topic_index, editor, content):
    """REVIEW_INTERVAL_DAYS: publishing without a date, "Geprüft, unverändert" and the help
    text of the field in the editor all follow it."""
    settings.REVIEW_INTERVAL_DAYS = 90
    page = TopicPageFactory(parent=topic_index)
    assert page.next_review_date == TODAY + datetime.timedelta(days=90)

    due = content["due"]["fluechtlinge"]
    client = login(editor)
    client.post(f"/admin/ueberpruefung/geprueft/topics/topicpage/{due.pk}/")
    due.refresh_from_db()
    assert due.next_review_date == TODAY + datetime.timedelta(days=90)
    editor_html = client.get(f"/admin/pages/{due.pk}/edit/").content.decode()
    assert "Leer lassen: 90 Tage nach der Veröffentlichung." in editor_html


def test_the_report_shows_a_fachbereich_its_own_and_offers_no_members(
    editor, reviewer, central, content, make_user
):
    """A Fachbereich's editors and reviewers see the due content of their Fachbereich (and
    are told so); the Redaktion sees all. The owner filter offers admin users only, never a
    front-end member (who only logs in to read protected pages)."""
    member = make_user("mitglied")
    for user in (editor, reviewer):
        response = login(user).get("/admin/ueberpruefung/")
        html = response.content.decode()
        assert listed(html) == {"Flüchtlingsarbeit", "Integrationskurse", "Erika Muster"}
        assert "Sie sehen die Inhalte Ihrer Fachbereiche: Migration und Flüchtlingsarbeit" in html
        form = response.context["form"]
        assert [f.name for f in form.fields["fachbereich"].queryset] == [
            "Migration und Flüchtlingsarbeit"
        ]
    response = login(central).get("/admin/ueberpruefung/")
    assert "Altenpflege" in listed(response.content.decode())
    owners = set(response.context["form"].fields["owner"].queryset)
    assert {editor, content["kollege"], central, reviewer} <= owners
    assert member not in owners
    # A member chosen by hand is refused by the filter, not listed.
    refused = login(central).get("/admin/ueberpruefung/", {"owner": member.pk})
    assert refused.status_code == 200
    assert "owner" in refused.context["form"].errors
