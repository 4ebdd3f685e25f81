"""The review workflow end to end through the admin: "Fachliche Prüfung" by the reviewers of the
page's Fachbereich, then "Redaktion", which publishes; a rejection returns the page with the
comment; German e-mails."""

import pytest
from django.core import mail
from django.test import Client
from wagtail.models import TaskState

from governance.models import FachbereichRole

from .conftest import group_of, login, topic_form

pytestmark = pytest.mark.django_db


def submit(editor, page, **fields):
    response = login(editor).post(
        f"/admin/pages/{page.pk}/edit/", topic_form(page, **{"action-submit": "1", **fields})
    )
    assert response.status_code == 302
    page.refresh_from_db()
    return page.current_workflow_task_state


def act(user, page, state, action, comment=""):
    return login(user).post(
        f"/admin/pages/workflow/action/{page.pk}/{action}/{state.pk}/", {"comment": comment}
    )


def test_submit_review_publish(editor, reviewer, other_reviewer, central, own_page):
    anonymous = Client()
    mail.outbox.clear()
    state = submit(editor, own_page, title="Flüchtlingsarbeit 2026")
    assert state.task.name == "Fachliche Prüfung"
    assert not own_page.live or own_page.title == "Flüchtlingsarbeit"

    # The reviewers of this Fachbereich get a German mail; the other Fachbereich's do not.
    recipients = [m.to for m in mail.outbox]
    assert [reviewer.email] in recipients
    assert [other_reviewer.email] not in recipients
    review_mail = next(m for m in mail.outbox if m.to == [reviewer.email])
    assert "Flüchtlingsarbeit 2026" in review_mail.subject
    assert "zur Freigabe" in review_mail.subject or "eingereicht" in review_mail.subject, (
        review_mail.subject
    )
    assert f"/admin/pages/{own_page.pk}/" in review_mail.body

    # It waits on the dashboard of this Fachbereich's reviewer only.
    assert "Flüchtlingsarbeit 2026" in login(reviewer).get("/admin/").content.decode()
    assert "Flüchtlingsarbeit 2026" not in login(other_reviewer).get("/admin/").content.decode()

    # A reviewer of another Fachbereich cannot approve.
    assert act(other_reviewer, own_page, state, "approve").status_code in (302, 403)
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_IN_PROGRESS

    # The Fachbereich's reviewer approves; the Redaktion's task comes next.
    assert act(reviewer, own_page, state, "approve").status_code == 302
    own_page.refresh_from_db()
    redaktion_state = own_page.current_workflow_task_state
    assert redaktion_state.task.name == "Redaktion"
    assert (
        anonymous.get("/themen/fluechtlingsarbeit/")
        .content.decode()
        .count("Flüchtlingsarbeit 2026")
        == 0
    )

    # The reviewer is not the Redaktion.
    assert act(reviewer, own_page, redaktion_state, "approve").status_code in (302, 403)
    redaktion_state.refresh_from_db()
    assert redaktion_state.status == TaskState.STATUS_IN_PROGRESS

    assert act(central, own_page, redaktion_state, "approve").status_code == 302
    own_page.refresh_from_db()
    assert own_page.live and own_page.title == "Flüchtlingsarbeit 2026"
    assert own_page.current_workflow_task_state is None
    assert "Flüchtlingsarbeit 2026" in anonymous.get("/themen/fluechtlingsarbeit/").content.decode()


def test_rejection_returns_the_page_with_the_comment(editor, reviewer, own_page):
    state = submit(editor, own_page, title="Entwurf")
    mail.outbox.clear()
    comment = "Bitte die Zahlen von 2025 ergänzen."
    assert act(reviewer, own_page, state, "reject", comment).status_code == 302
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_REJECTED and state.comment == comment

    rejection = [m for m in mail.outbox if m.to == [editor.email]]
    assert len(rejection) == 1
    assert comment in rejection[0].body
    assert "abgelehnt" in rejection[0].subject or "abgelehnt" in rejection[0].body

    own_page.refresh_from_db()
    assert not own_page.live or own_page.title == "Flüchtlingsarbeit"
    editor_view = login(editor).get(f"/admin/pages/{own_page.pk}/edit/")
    assert editor_view.status_code == 200
    assert comment in editor_view.content.decode()


def test_a_rejection_reaches_the_responsible_editor_too(
    editor, reviewer, central, make_user, migration, own_page
):
    """The Redaktion submits a page another editor is responsible for: the rejection goes to
    the submitter (Wagtail's mail) and to the responsible editor (who will make the change),
    each once, with the comment; not to the reviewer who rejected."""
    colleague = make_user("kollegin", group_of(migration, FachbereichRole.Role.EDITORS))
    type(own_page).objects.filter(pk=own_page.pk).update(responsible_editor=colleague)
    own_page.refresh_from_db()
    response = login(central).post(
        f"/admin/pages/{own_page.pk}/edit/",
        topic_form(own_page, **{"action-submit": "1", "responsible_editor": colleague.pk}),
    )
    assert response.status_code == 302
    own_page.refresh_from_db()
    state = own_page.current_workflow_task_state
    mail.outbox.clear()
    comment = "Bitte die Ansprechpersonen prüfen."
    assert act(reviewer, own_page, state, "reject", comment).status_code == 302

    by_recipient = {}
    for message in mail.outbox:
        for address in message.to:
            by_recipient.setdefault(address, []).append(message)
    assert set(by_recipient) == {central.email, colleague.email}
    for address, messages in by_recipient.items():
        assert len(messages) == 1, address
        assert comment in messages[0].body
        assert f"/admin/pages/{own_page.pk}/" in messages[0].body


def test_a_contact_person_goes_through_the_same_review(editor, reviewer, central, migration):
    from people.factories import ContactPersonFactory

    from .test_roles import person_form

    person = ContactPersonFactory(first_name="Eva", last_name="Eigen", fachbereich=migration)
    base = "/admin/snippets/people/contactperson"
    mail.outbox.clear()
    response = login(editor).post(
        f"{base}/edit/{person.pk}/",
        person_form(person, role="Referentin", **{"action-submit": "1"}),
    )
    assert response.status_code == 302
    person.refresh_from_db()
    state = person.current_workflow_task_state
    assert state.task.name == "Fachliche Prüfung"
    assert [reviewer.email] in [m.to for m in mail.outbox]

    for user in (reviewer, central):
        state = person.current_workflow_task_state
        url = f"{base}/workflow/action/{person.pk}/approve/{state.pk}/"
        assert login(user).post(url, {"comment": ""}).status_code == 302
        person.refresh_from_db()
    assert person.live and person.role == "Referentin"
    assert not person.has_unpublished_changes
