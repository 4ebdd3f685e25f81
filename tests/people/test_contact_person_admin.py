"""Contact persons are edited once in the admin and shown wherever pages use them."""

import pytest
from wagtail.test.utils.form_data import nested_form_data

from people.factories import ContactPersonFactory, FachgruppeFactory
from people.models import ContactPerson
from topics.factories import (
    TopicPageContactPersonFactory,
    TopicPageFachgruppeFactory,
    TopicPageFactory,
)

BASE = "/admin/snippets/people/contactperson"


def person_form(person, **overrides):
    data = {
        "academic_title": person.academic_title,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "role": person.role,
        "email": person.email,
        "phone": person.phone,
        "fachbereich": person.fachbereich_id or "",
        "photo": "",
    }
    data.update(overrides)
    return nested_form_data(data)


@pytest.fixture
def person_on_two_pages(topic_index):
    person = ContactPersonFactory(first_name="Janine", last_name="Beispiel", role="Referentin")
    pages = [TopicPageFactory(parent=topic_index, slug=f"thema-{i}") for i in (1, 2)]
    for page in pages:
        TopicPageContactPersonFactory(page=page, person=person)
    return person, pages


def test_editing_a_person_once_changes_every_page(admin_client, client, person_on_two_pages):
    person, pages = person_on_two_pages
    response = admin_client.post(
        f"{BASE}/edit/{person.pk}/",
        person_form(person, role="Fachreferentin Wohnen", **{"action-publish": "1"}),
    )
    assert response.status_code == 302
    for page in pages:
        html = client.get(page.url).content.decode()
        assert "Fachreferentin Wohnen" in html
        assert ">Referentin<" not in html


def test_a_draft_change_stays_off_the_site_until_published(
    admin_client, client, person_on_two_pages
):
    person, pages = person_on_two_pages
    admin_client.post(f"{BASE}/edit/{person.pk}/", person_form(person, role="Neue Rolle"))
    person.refresh_from_db()
    assert person.has_unpublished_changes
    assert "Neue Rolle" not in client.get(pages[0].url).content.decode()
    assert person.revisions.count() >= 1


def test_a_person_never_published_is_not_shown(client, topic_index):
    page = TopicPageFactory(parent=topic_index)
    person = ContactPersonFactory(first_name="Nur", last_name="Entwurf", live=False)
    TopicPageContactPersonFactory(page=page, person=person)
    assert "Nur Entwurf" not in client.get(page.url).content.decode()


def test_admin_search_finds_a_person(admin_client):
    ContactPersonFactory(first_name="Janine", last_name="Metelmann")
    ContactPersonFactory(first_name="Sarah", last_name="Steffen")
    html = admin_client.get(f"{BASE}/", {"q": "Metelmann"}).content.decode()
    assert "Janine Metelmann" in html
    assert "Sarah Steffen" not in html


def test_preview_renders_unsaved_changes(admin_client):
    person = ContactPersonFactory(first_name="Janine", last_name="Metelmann", role="Alt")
    preview_url = f"{BASE}/preview/{person.pk}/"
    response = admin_client.post(preview_url, person_form(person, role="Vorschau-Rolle"))
    assert response.json()["is_valid"]
    html = admin_client.get(preview_url).content.decode()
    assert "Vorschau-Rolle" in html
    person.refresh_from_db()
    assert person.role == "Alt"


def test_deleting_a_used_person_warns_first_and_pages_still_render(
    admin_client, client, person_on_two_pages
):
    person, pages = person_on_two_pages
    confirm = admin_client.get(f"{BASE}/delete/{person.pk}/").content.decode()
    assert f"{BASE}/usage/{person.pk}/" in confirm
    assert "wird 2 Mal referenziert" in confirm
    usage = admin_client.get(f"{BASE}/usage/{person.pk}/").content.decode()
    for page in pages:
        assert page.title in usage

    assert admin_client.post(f"{BASE}/delete/{person.pk}/").status_code == 302
    assert not ContactPerson.objects.filter(pk=person.pk).exists()
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200
        assert "Janine Beispiel" not in response.content.decode()
        assert admin_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


def test_deleting_a_used_fachgruppe_warns_first_and_pages_still_render(
    admin_client, client, topic_index
):
    fachgruppe = FachgruppeFactory(name="Wohnen und Leben")
    page = TopicPageFactory(parent=topic_index)
    TopicPageFachgruppeFactory(page=page, fachgruppe=fachgruppe)
    base = "/admin/snippets/people/fachgruppe"
    confirm = admin_client.get(f"{base}/delete/{fachgruppe.pk}/").content.decode()
    assert f"{base}/usage/{fachgruppe.pk}/" in confirm
    assert "wird 1 Mal referenziert" in confirm
    assert page.title in admin_client.get(f"{base}/usage/{fachgruppe.pk}/").content.decode()

    assert "Fachgruppe Wohnen und Leben" in client.get(page.url).content.decode()
    assert admin_client.post(f"{base}/delete/{fachgruppe.pk}/").status_code == 302
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Wohnen und Leben" not in response.content.decode()
    assert admin_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


def test_deleting_a_fachgruppe_lead_keeps_the_fachgruppe(admin_client, client, topic_index):
    fachgruppe = FachgruppeFactory(name="Migration")
    lead = fachgruppe.lead
    page = TopicPageFactory(parent=topic_index)
    TopicPageFachgruppeFactory(page=page, fachgruppe=fachgruppe)
    assert admin_client.post(f"{BASE}/delete/{lead.pk}/").status_code == 302
    html = client.get(page.url).content.decode()
    assert "Fachgruppe Migration" in html
    assert "Fachgruppenleitung" not in html


def test_admin_is_german(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert 'lang="de"' in html
    assert "Verband" in html  # our snippet menu
    assert "Seiten" in html


ROLE_ONLY = "Referentin Kinder- und Jugendhilfe (Beispiel)"


def test_a_contact_named_only_by_its_function_is_saved_and_shown_by_it(
    admin_client, client, topic_index
):
    data = person_form(
        ContactPerson(), role=ROLE_ONLY, email="jugendhilfe@example.org", **{"action-publish": "1"}
    )
    response = admin_client.post(f"{BASE}/add/", data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    person = ContactPerson.objects.get(role=ROLE_ONLY)
    assert (person.first_name, person.last_name, person.live) == ("", "", True)
    assert str(person) == ROLE_ONLY
    # The admin lists and chooses it by its function.
    listing = admin_client.get(f"{BASE}/").content.decode()
    assert ROLE_ONLY in listing
    page = TopicPageFactory(parent=topic_index, slug="jugendhilfe")
    TopicPageContactPersonFactory(page=page, person=person)
    html = client.get(page.url).content.decode()
    assert f'<h3 class="contact-card__name">{ROLE_ONLY}</h3>' in html
    assert html.count(ROLE_ONLY) == 1  # the heading; no role line repeating it
    assert "contact-card__initials" not in html  # no empty avatar
    assert 'href="mailto:jugendhilfe@example.org"' in html


def test_a_contact_needs_a_name_or_a_function(admin_client):
    message = "Bitte geben Sie einen Namen oder eine Funktion an."
    response = admin_client.post(
        f"{BASE}/add/", person_form(ContactPerson(), email="leer@example.org")
    )
    assert response.status_code == 200
    assert not ContactPerson.objects.exists()
    form = response.context["form"]
    assert message in " ".join(form.errors["last_name"])
    assert message in " ".join(form.errors["role"])
    assert "__all__" not in form.errors  # said at the fields, not again above the form
    assert message in response.content.decode()

    response = admin_client.post(
        f"{BASE}/add/", person_form(ContactPerson(), academic_title="Dr.", role="Referentin")
    )
    assert response.status_code == 200
    assert response.context["form"].errors["academic_title"] == [
        "Ein akademischer Titel steht nur vor einem Namen."
    ]
    # A name alone is enough, as before.
    response = admin_client.post(
        f"{BASE}/add/", person_form(ContactPerson(), first_name="Janine", last_name="Beispiel")
    )
    assert response.status_code == 302


def test_the_database_refuses_a_contact_without_name_and_function(db):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        ContactPerson.objects.create(first_name="", last_name="", role="")
