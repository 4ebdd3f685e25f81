"""Fachbereich editors work on their Fachbereich's content only, through the admin's own views."""

import pytest
from django.contrib.auth.models import Group

from governance.models import FachbereichRole
from organisation.models import Fachbereich
from people.factories import ContactPersonFactory
from topics.models import TopicPage

from .conftest import group_of, login, topic_form

pytestmark = pytest.mark.django_db


def test_each_fachbereich_gets_its_groups_and_keeps_them_in_step(migration):
    names = set(
        Group.objects.filter(fachbereich_role__fachbereich=migration).values_list("name", flat=True)
    )
    assert names == {
        "Migration und Flüchtlingsarbeit – Redaktion",
        "Migration und Flüchtlingsarbeit – Fachliche Prüfung",
    }
    migration.name = "Migration"
    migration.save()
    assert group_of(migration, FachbereichRole.Role.EDITORS).name == "Migration – Redaktion"
    group_ids = list(
        Group.objects.filter(fachbereich_role__fachbereich=migration).values_list("pk", flat=True)
    )
    Fachbereich.objects.get(pk=migration.pk).delete()
    assert not Group.objects.filter(pk__in=group_ids).exists()


def test_editor_edits_a_topic_page_of_their_fachbereich(editor, own_page):
    client = login(editor)
    assert client.get(f"/admin/pages/{own_page.pk}/edit/").status_code == 200
    response = client.post(
        f"/admin/pages/{own_page.pk}/edit/", topic_form(own_page, title="Flüchtlingsarbeit neu")
    )
    assert response.status_code == 302
    own_page.refresh_from_db()
    assert own_page.get_latest_revision_as_object().title == "Flüchtlingsarbeit neu"
    assert own_page.title == "Flüchtlingsarbeit"  # a draft: still the live title


def test_editor_is_refused_on_another_fachbereichs_page(editor, other_page):
    client = login(editor)
    revisions = other_page.revisions.count()
    assert client.get(f"/admin/pages/{other_page.pk}/edit/").status_code == 302  # to the dashboard
    response = client.post(
        f"/admin/pages/{other_page.pk}/edit/", topic_form(other_page, title="Übernommen")
    )
    assert response.status_code in (302, 403)
    other_page.refresh_from_db()
    assert other_page.title == "Altenpflege"
    assert other_page.revisions.count() == revisions
    assert not other_page.has_unpublished_changes


def test_editor_cannot_publish_directly(editor, own_page):
    client = login(editor)
    client.post(
        f"/admin/pages/{own_page.pk}/edit/",
        topic_form(own_page, title="Sofort live", **{"action-publish": "1"}),
    )
    own_page.refresh_from_db()
    assert own_page.title == "Flüchtlingsarbeit"
    assert TopicPage.objects.live().filter(title="Sofort live").count() == 0


def test_editor_cannot_delete(editor, own_page, other_page):
    client = login(editor)
    for page in (own_page, other_page):
        response = client.post(f"/admin/pages/{page.pk}/delete/")
        assert response.status_code in (302, 403)
        assert TopicPage.objects.filter(pk=page.pk).exists()


def test_editor_creates_topic_pages_below_the_index(editor, topic_index, migration):
    client = login(editor)
    page = TopicPage(title="Neu", slug="neu", intro="Einleitung", fachbereich=migration)
    response = client.post(f"/admin/pages/add/topics/topicpage/{topic_index.pk}/", topic_form(page))
    assert response.status_code == 302
    created = TopicPage.objects.get(slug="neu")
    assert not created.live
    # Whoever creates it is responsible for it until someone else is chosen.
    assert created.responsible_editor == editor
    assert created.get_latest_revision_as_object().responsible_editor == editor
    assert client.get(f"/admin/pages/{created.pk}/edit/").status_code == 200


def test_reassigning_a_page_moves_it_under_the_other_fachbereichs_control(
    editor, central, make_user, own_page, pflege
):
    pflege_editor = make_user("pflegeredaktion", group_of(pflege, FachbereichRole.Role.EDITORS))
    assert login(pflege_editor).get(f"/admin/pages/{own_page.pk}/edit/").status_code == 302

    response = login(central).post(
        f"/admin/pages/{own_page.pk}/edit/",
        topic_form(own_page, fachbereich=pflege.pk, **{"action-publish": "1"}),
    )
    assert response.status_code == 302
    own_page.refresh_from_db()
    assert own_page.fachbereich == pflege
    assert login(pflege_editor).get(f"/admin/pages/{own_page.pk}/edit/").status_code == 200
    assert login(editor).get(f"/admin/pages/{own_page.pk}/edit/").status_code == 302


def test_redaktion_edits_and_publishes_every_page(central, own_page, other_page):
    client = login(central)
    response = client.post(
        f"/admin/pages/{other_page.pk}/edit/",
        topic_form(other_page, title="Altenpflege 2026", **{"action-publish": "1"}),
    )
    assert response.status_code == 302
    other_page.refresh_from_db()
    assert other_page.title == "Altenpflege 2026" and other_page.live


def person_form(person, **overrides):
    from wagtail.test.utils.form_data import nested_form_data

    data = {
        "academic_title": "",
        "first_name": person.first_name,
        "last_name": person.last_name,
        "role": person.role,
        "email": person.email,
        "phone": "",
        "fachbereich": person.fachbereich_id or "",
        "photo": "",
        "responsible_editor": "",
        "next_review_date": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_editor_edits_only_their_fachbereichs_contact_persons(editor, migration, pflege):
    own = ContactPersonFactory(first_name="Eva", last_name="Eigen", fachbereich=migration)
    other = ContactPersonFactory(first_name="Fritz", last_name="Fremd", fachbereich=pflege)
    client = login(editor)
    base = "/admin/snippets/people/contactperson"
    assert client.get(f"{base}/edit/{own.pk}/").status_code == 200
    assert client.post(f"{base}/edit/{own.pk}/", person_form(own, role="Neu")).status_code == 302
    own.refresh_from_db()
    assert own.has_unpublished_changes and own.role == "Fachreferentin"  # a draft

    assert client.get(f"{base}/edit/{other.pk}/").status_code in (302, 403)
    client.post(f"{base}/edit/{other.pk}/", person_form(other, role="Übernommen"))
    other.refresh_from_db()
    assert other.role == "Fachreferentin" and not other.has_unpublished_changes

    # Publishing and deleting stay with the Redaktion.
    client.post(f"{base}/edit/{own.pk}/", person_form(own, role="Live", **{"action-publish": "1"}))
    own.refresh_from_db()
    assert own.role == "Fachreferentin"
    client.post(f"{base}/delete/{own.pk}/")
    assert type(own).objects.filter(pk=own.pk).exists()


def test_editor_assigns_content_only_to_their_fachbereich(editor, topic_index, migration, pflege):
    client = login(editor)
    page = TopicPage(title="Fremd", slug="fremd", intro="Einleitung", fachbereich=pflege)
    response = client.post(f"/admin/pages/add/topics/topicpage/{topic_index.pk}/", topic_form(page))
    assert response.status_code == 200  # the form again, with the error
    assert not TopicPage.objects.filter(slug="fremd").exists()

    form = client.get(f"/admin/pages/add/topics/topicpage/{topic_index.pk}/").context["form"]
    assert list(form.fields["fachbereich"].queryset) == [migration]

    person = ContactPersonFactory(fachbereich=migration)
    client.post(
        f"/admin/snippets/people/contactperson/edit/{person.pk}/",
        person_form(person, fachbereich=pflege.pk),
    )
    person.refresh_from_db()
    assert person.fachbereich == migration
    assert not person.has_unpublished_changes


def test_redaktion_assigns_any_fachbereich(central, topic_index, migration, pflege):
    form = (
        login(central).get(f"/admin/pages/add/topics/topicpage/{topic_index.pk}/").context["form"]
    )
    assert set(form.fields["fachbereich"].queryset) == {migration, pflege}
