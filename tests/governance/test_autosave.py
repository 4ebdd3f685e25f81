"""Wagtail 8's autosave of new content, as a Fachbereich editor does it (issue 20, must-show 4).

The admin's autosave posts the create form (``Accept: application/json``) half a second after
the editor's first keystrokes, with required fields deferred; the page exists from then on and
the form goes on in the page's editor (it fetches ``…/edit/?_w_hydrate_create_view=1``). The
first draft of a topic page used to be saved without a Fachbereich (the field is a chooser,
empty until chosen). A Fachbereich editor's permissions reach only their Fachbereich's pages,
so the editor lost the page they had just begun: the editor answered with a redirect to the
dashboard ("Sie haben leider keinen Zugang zu diesem Bereich"), autosave stopped with "Ein
Serverfehler ist aufgetreten", "Entwurf speichern" led to the dashboard. Now the editor's
only Fachbereich is chosen for them, and a draft without one is refused like any invalid form.
"""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Locale
from wagtail.test.utils.form_data import querydict_from_html

from organisation.models import Fachbereich
from people.models import ContactPerson
from topics.models import TopicIndexPage, TopicPage

OWN = "Migration und Flüchtlingsarbeit"
JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def fachredaktion(demo):
    client = Client()
    client.force_login(get_user_model().objects.get(username="fachredaktion"))
    return client


def create_form(client, url, form_id):
    """The create form as the browser has it when the autosave posts it."""
    response = client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id=form_id)
    for stream in ("body", "further_information"):  # rendered by JavaScript, empty
        data.setdefault(f"{stream}-count", "0")
    return data


def test_a_new_topic_pages_first_autosave_leaves_it_with_its_editor(fachredaktion):
    index = TopicIndexPage.objects.get(locale=Locale.get_default())
    url = f"/admin/pages/add/topics/topicpage/{index.pk}/"
    data = create_form(fachredaktion, url, "page-edit-form")
    assert data["fachbereich"] == str(Fachbereich.objects.get(name=OWN).pk)  # chosen for them

    data["title"] = "Wohn"  # the first keystrokes
    data["slug"] = "wohn"  # the admin's script fills it from the title
    saved = fachredaktion.post(url, data, **JSON)
    assert saved.status_code == 200, saved.content[:300]
    answer = saved.json()
    page = TopicPage.objects.get(pk=answer["pk"])
    assert page.fachbereich.name == OWN and not page.live

    hydrated = fachredaktion.get(answer["hydrate_url"])
    assert hydrated.status_code == 200, hydrated.get("Location")

    edit = answer["url"]
    data = querydict_from_html(fachredaktion.get(edit).content.decode(), form_id="page-edit-form")
    for stream in ("body", "further_information"):
        data.setdefault(f"{stream}-count", "0")
    data["title"] = "Wohnraum für Geflüchtete"
    data["overwrite_revision_id"] = str(answer["revision_id"])
    assert fachredaktion.post(edit, data, **JSON).json()["success"] is True  # autosave again
    data.pop("overwrite_revision_id")
    saved = fachredaktion.post(edit, data)  # "Entwurf speichern"
    assert saved.status_code == 302 and saved["Location"] == edit
    assert TopicPage.objects.filter(title__startswith="Wohn").count() == 1
    assert TopicPage.objects.get(pk=page.pk).get_latest_revision_as_object().title == (
        "Wohnraum für Geflüchtete"
    )


def test_a_draft_without_fachbereich_is_refused_not_orphaned(fachredaktion):
    index = TopicIndexPage.objects.get(locale=Locale.get_default())
    url = f"/admin/pages/add/topics/topicpage/{index.pk}/"
    data = create_form(fachredaktion, url, "page-edit-form")
    data["title"] = "Ohne Fachbereich"
    data["slug"] = "ohne-fachbereich"
    data["fachbereich"] = ""
    refused = fachredaktion.post(url, data, **JSON)
    assert refused.status_code == 400
    assert refused.json()["error_code"] == "validation_error"
    assert not TopicPage.objects.filter(title="Ohne Fachbereich").exists()


def test_a_new_contact_persons_first_autosave_leaves_it_with_its_editor(fachredaktion):
    url = "/admin/snippets/people/contactperson/add/"
    response = fachredaktion.get(url)
    html = response.content.decode()
    form_id = "w-editor-form" if 'id="w-editor-form"' in html else None
    data = querydict_from_html(html, form_id=form_id)
    assert data["fachbereich"] == str(Fachbereich.objects.get(name=OWN).pk)
    data["last_name"] = "Muster"
    saved = fachredaktion.post(url, data, **JSON)
    assert saved.status_code == 200, saved.content[:300]
    person = ContactPerson.objects.get(pk=saved.json()["pk"])
    assert person.fachbereich.name == OWN
    assert fachredaktion.get(saved.json()["url"]).status_code == 200
