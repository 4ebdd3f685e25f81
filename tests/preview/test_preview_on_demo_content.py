"""Preview as the editors do it, on the demo content (contact persons, Fachgruppen, topics and
publications in the database): the admin's preview panel, the revision view and the frontend
preview API all answer 200 and show the editor's unsaved change.

The preview of a page with unsaved child rows reads modelcluster's in-memory relations; these
tests failed with a 500 (``Wert „…“ muss eine Ganzzahl sein``) while the related objects
existed in the database."""

from urllib.parse import parse_qs, urlsplit

from django.contrib.auth import get_user_model
from django.test import Client

from home.models import HomePage
from people.models import ContactPerson
from tests.admin_forms import edit_form_data, stream_items
from topics.models import TopicPage

FRONTEND = "https://frontend.example.org/preview"


def client_as(username):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def preview(client, page, data, mode=""):
    url = f"/admin/pages/{page.pk}/edit/preview/"
    posted = client.post(url, data)
    assert posted.status_code == 200, posted.content[:500]
    assert posted.json() == {"is_valid": True, "is_available": True}
    return client.get(url, {"mode": mode})


def with_new_heading(data, heading):
    index = next(i for i, kind in stream_items(data, "body") if kind == "section")
    data[f"body-{index}-value-heading"] = heading
    return data


def test_fachredaktion_previews_the_seed_page_with_an_edited_heading(demo):
    page = TopicPage.objects.get(slug="fluechtlingsarbeit")
    client = client_as("fachredaktion")
    data = with_new_heading(edit_form_data(client, page), "Ungespeicherte Überschrift")
    response = preview(client, page, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ungespeicherte Überschrift" in html
    # The related content of the demo is there: the contact persons and the Fachgruppe.
    for person in page.contact_person_links.all():
        assert person.person.role in html


def test_the_preview_shows_an_added_and_a_removed_contact_person(demo):
    page = TopicPage.objects.get(slug="fluechtlingsarbeit")
    client = client_as("fachredaktion")
    data = edit_form_data(client, page)
    shown = [data[f"contact_person_links-{i}-person"] for i in range(2)]
    removed = ContactPerson.objects.get(pk=shown[0])
    added = ContactPerson.objects.filter(live=True).exclude(pk__in=shown).first()
    data["contact_person_links-0-DELETE"] = "on"
    total = int(data["contact_person_links-TOTAL_FORMS"])
    data.update(
        {
            f"contact_person_links-{total}-person": str(added.pk),
            f"contact_person_links-{total}-ORDER": str(total),
            f"contact_person_links-{total}-id": "",
            "contact_person_links-TOTAL_FORMS": str(total + 1),
        }
    )
    html = preview(client, page, data).content.decode()
    assert added.role in html
    assert f"{removed.first_name} {removed.last_name}" not in html


def test_zentralredaktion_previews_the_home_page(demo):
    page = HomePage.objects.get(locale__language_code="de")  # the German one of four
    client = client_as("zentralredaktion")
    data = edit_form_data(client, page)
    data["intro"] = "Eine ungespeicherte Begrüßung."
    response = preview(client, page, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Eine ungespeicherte Begrüßung." in html
    # The featured topics (an in-memory relation in the preview) are shown as cards.
    for link in page.featured_topics.all():
        assert link.topic.title in html


def test_the_revision_view_renders_the_seed_page(demo):
    page = TopicPage.objects.get(slug="fluechtlingsarbeit")
    revision = page.latest_revision
    response = client_as("fachredaktion").get(
        f"/admin/pages/{page.pk}/revisions/{revision.pk}/view/"
    )
    assert response.status_code == 200
    assert "Soziale Beratung für Geflüchtete" in response.content.decode()


def test_the_frontend_preview_api_serves_the_unsaved_seed_page(demo, settings):
    settings.FRONTEND_PREVIEW_URL = FRONTEND
    page = TopicPage.objects.get(slug="fluechtlingsarbeit")
    client = client_as("fachredaktion")
    data = with_new_heading(edit_form_data(client, page), "Entwurf für das Frontend")
    response = preview(client, page, data, mode="frontend")
    assert response.status_code == 302
    token = parse_qs(urlsplit(response["Location"]).query)["token"][0]
    api = Client().get(f"/api/v3/preview/{page.pk}/", {"token": token})
    assert api.status_code == 200, api.content[:500]
    headings = [block["value"].get("heading") for block in api.json()["body"]]
    assert "Entwurf für das Frontend" in headings
    assert "Entwurf für das Frontend" not in Client().get(page.url).content.decode()
