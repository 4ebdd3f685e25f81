"""Contact persons' functions, Fachbereiche and Fachgruppen in the page's language: English and
Arabic on the demo's seed page, German (marked ``lang="de"``) where a translation is missing;
the same in v2, v3 and the people endpoints; edited in the admin by the Fachredaktion."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils.html import escape
from wagtail.test.utils.form_data import nested_form_data, streamfield

from demo import content, translations
from organisation.models import Fachbereich
from people.models import ContactPerson, Fachgruppe
from topics.models import TopicPage

PERSONS = "/admin/snippets/people/contactperson"
ROLE = content.CONTACT_PERSONS[0][2]  # "Fachreferentin Migration und Flüchtlingsarbeit"
EN_ROLE = translations.ROLE["en"]["role"]
AR_ROLE = translations.ROLE["ar"]["role"]
EN_FACHBEREICH = translations.FACHBEREICH["en"]["name"]
AR_FACHBEREICH = translations.FACHBEREICH["ar"]["name"]
EN_FACHGRUPPE = translations.FACHGRUPPE["en"]["name"]
AR_FACHGRUPPE = translations.FACHGRUPPE["ar"]["name"]


def seeds():
    german = TopicPage.objects.get(slug="fluechtlingsarbeit")
    return {page.locale.language_code: page for page in german.get_translations(inclusive=True)}


def html_of(client, page):
    response = client.get(page.get_url_parts()[2])
    assert response.status_code == 200
    return response.content.decode()


def client_as(username):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def in_admin_html(text, html):
    """``text`` in an admin page, as HTML or inside the stream's JSON (non-ASCII escaped)."""
    return text in html or json.dumps(text)[1:-1] in html or escape(text) in html


def role_paragraphs(html):
    """The contact cards' function lines: ``(attributes, text)``."""
    return re.findall(r'<p class="contact-card__role"([^>]*)>([^<]*)</p>', html)


# -- The rendered site ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "role", "fachbereich", "fachgruppe"),
    [
        ("en", EN_ROLE, EN_FACHBEREICH, EN_FACHGRUPPE),
        ("ar", AR_ROLE, AR_FACHBEREICH, AR_FACHGRUPPE),
    ],
)
def test_the_translated_seed_page_shows_functions_and_names_in_its_language(
    demo, client, code, role, fachbereich, fachgruppe
):
    html = html_of(client, seeds()[code])
    assert role_paragraphs(html) == [("", role), ("", role)]
    assert f"<li>Fachbereich {fachbereich}</li>" in html
    assert f"Fachgruppe {fachgruppe} (Fachgruppenleitung: David Alexander Konrad)" in html
    assert ROLE not in html and content.FACHBEREICH not in html.split("<main", 1)[1]


def test_the_german_page_is_german_without_language_marks(demo, client):
    html = html_of(client, seeds()["de"])
    assert role_paragraphs(html) == [("", ROLE), ("", ROLE)]
    assert f"<li>Fachbereich {content.FACHBEREICH}</li>" in html
    assert EN_ROLE not in html and AR_ROLE not in html


def test_where_a_translation_is_missing_the_german_text_is_shown_marked_as_german(demo, client):
    # Leichte Sprache has no translations in the demo: everything German, marked lang="de".
    html = html_of(client, seeds()["de-x-ls"])
    assert role_paragraphs(html) == [(' lang="de"', ROLE), (' lang="de"', ROLE)]
    assert f'<li>Fachbereich <span lang="de">{content.FACHBEREICH}</span></li>' in html
    assert f'Fachgruppe <span lang="de">{content.FACHGRUPPE}</span>' in html
    # Arabic without the function's translation of one person: German, left to right.
    person = ContactPerson.objects.get(last_name="Steffen")
    person.translations = [
        item for item in person.translations.raw_data if item["value"]["language"] != "ar"
    ]
    person.save_revision().publish()
    html = html_of(client, seeds()["ar"])
    assert role_paragraphs(html) == [("", AR_ROLE), (' lang="de" dir="ltr"', ROLE)]


def test_the_english_topics_overview_names_the_fachbereich_in_english(demo, client):
    topics = seeds()["en"].get_parent()
    html = html_of(client, topics)
    assert f"Fachbereich {EN_FACHBEREICH}</h2>" in html


def test_a_contact_named_only_by_its_function_is_headed_by_the_german_function_marked(demo, client):
    from topics.models import TopicPageContactPerson

    contact = ContactPerson.objects.filter(first_name="", last_name="").first()
    english = seeds()["en"]
    TopicPageContactPerson.objects.create(page=english, person=contact, sort_order=5)
    html = html_of(client, english)
    assert f'<h3 class="contact-card__name" lang="de">{contact.role}</h3>' in html


# -- The APIs -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "role", "fachbereich", "fachgruppe"),
    [
        ("en", EN_ROLE, EN_FACHBEREICH, EN_FACHGRUPPE),
        ("ar", AR_ROLE, AR_FACHBEREICH, AR_FACHGRUPPE),
        ("de-x-ls", ROLE, content.FACHBEREICH, content.FACHGRUPPE),
        ("de", ROLE, content.FACHBEREICH, content.FACHGRUPPE),
    ],
)
def test_page_details_give_the_text_in_the_page_s_language_or_german(
    demo, client, code, role, fachbereich, fachgruppe
):
    page = seeds()[code]
    language = "de" if code in ("de", "de-x-ls") else code
    for version in ("v2", "v3"):
        detail = client.get(f"/api/{version}/pages/{page.pk}/").json()
        persons = detail["contact_persons"]
        assert [(p["role"], p["role_language"]) for p in persons] == [(role, language)] * 2
        assert [p["name"] for p in persons] == ["Janine Metelmann", "Sarah Steffen"]
        assert (detail["fachbereich"]["name"], detail["fachbereich"]["name_language"]) == (
            fachbereich,
            language,
        )
        [group] = detail["fachgruppen"]
        assert (group["name"], group["name_language"]) == (fachgruppe, language)
        assert group["fachbereich"]["name"] == fachbereich
        assert group["lead"]["name"] == "David Alexander Konrad"


def test_people_endpoints_answer_in_the_requested_language_with_german_fallback(demo, client):
    person = ContactPerson.objects.get(last_name="Metelmann")
    url = f"/api/v3/people/contact-persons/{person.pk}/"
    assert client.get(url, {"locale": "en"}).json()["role"] == EN_ROLE
    assert client.get(url, {"locale": "ar"}).json()["role_language"] == "ar"
    for query in ({}, {"locale": "de"}, {"locale": "fa"}):
        data = client.get(url, query).json()
        assert (data["role"], data["role_language"]) == (ROLE, "de"), query
    listing = client.get("/api/v3/people/contact-persons/", {"locale": "en", "limit": 100})
    roles = {item["id"]: item["role"] for item in listing.json()["items"]}
    assert roles[person.pk] == EN_ROLE
    fachbereiche = client.get("/api/v3/people/fachbereiche/", {"locale": "ar"}).json()["items"]
    names = {item["name"]: item["name_language"] for item in fachbereiche}
    assert names[AR_FACHBEREICH] == "ar"
    assert names["Altenhilfe und Pflege"] == "de"  # not translated in the demo
    fachgruppen = client.get("/api/v3/people/fachgruppen/", {"locale": "en"}).json()["items"]
    seed = next(item for item in fachgruppen if item["name"] == EN_FACHGRUPPE)
    assert seed["fachbereich"]["name"] == EN_FACHBEREICH
    assert seed["lead"]["role_language"] == "de"  # the lead has no function to translate


def test_an_unknown_language_is_a_404_with_a_message_and_bad_input_a_4xx(demo, client):
    for path in ("contact-persons/", "fachbereiche/", "fachgruppen/"):
        response = client.get(f"/api/v3/people/{path}", {"locale": "xx"})
        assert response.status_code == 404
        assert "xx" in response.json()["detail"]
        assert client.get(f"/api/v3/people/{path}", {"locale": "x" * 50}).status_code in (
            400,
            422,
        )
        assert client.get(f"/api/v3/people/{path}", {"locale": "e\x00n"}).status_code == 400


# -- The admin ------------------------------------------------------------------------------------


def person_form(person, entries, **more):
    shown = person.get_latest_revision_as_object()
    return nested_form_data(
        {
            "academic_title": "",
            "first_name": shown.first_name,
            "last_name": shown.last_name,
            "role": shown.role,
            "translations": streamfield([("translation", entry) for entry in entries]),
            "email": shown.email,
            "phone": "",
            "fachbereich": shown.fachbereich_id,
            "photo": "",
            "responsible_editor": "",
            "next_review_date": "",
            **more,
        }
    )


def entry(language, role, note=""):
    return {"language": language, "role": role, "note": note}


def test_the_fachredaktion_enters_a_translation_of_its_person_s_function(demo, client):
    person = ContactPerson.objects.get(last_name="Metelmann")
    editor = client_as("fachredaktion")
    form = editor.get(f"{PERSONS}/edit/{person.pk}/").content.decode()
    assert "Übersetzungen" in form and in_admin_html(EN_ROLE, form)
    assert in_admin_html("Beispielübersetzung für die Demo", form)
    entries = [entry("en", EN_ROLE), entry("ar", AR_ROLE), entry("tr", "Uzman danışman")]
    response = editor.post(f"{PERSONS}/edit/{person.pk}/", person_form(person, entries))
    assert response.status_code == 302
    draft = ContactPerson.objects.get(pk=person.pk).get_latest_revision_as_object()
    assert [item["value"]["language"] for item in draft.translations.raw_data] == [
        "en",
        "ar",
        "tr",
    ]
    # A draft: the site shows it after the Redaktion publishes (the review workflow holds).
    url = f"/api/v3/people/contact-persons/{person.pk}/"
    assert client.get(url, {"locale": "tr"}).json()["role_language"] == "de"
    client_as("zentralredaktion").post(
        f"{PERSONS}/edit/{person.pk}/",
        person_form(person, entries, **{"action-publish": "action-publish"}),
    )
    assert client.get(url, {"locale": "tr"}).json()["role"] == "Uzman danışman"


def test_one_translation_per_language_and_another_fachbereich_s_person_refused(demo):
    editor = client_as("fachredaktion")
    person = ContactPerson.objects.get(last_name="Metelmann")
    twice = [entry("en", "One"), entry("en", "Two")]
    response = editor.post(f"{PERSONS}/edit/{person.pk}/", person_form(person, twice))
    assert response.status_code == 200
    message = "Für diese Sprache gibt es schon eine Übersetzung."
    assert in_admin_html(message, response.content.decode())
    assert ContactPerson.objects.get(pk=person.pk).get_latest_revision_as_object().translations
    other = ContactPerson.objects.exclude(fachbereich__name=content.FACHBEREICH).first()
    response = editor.post(
        f"{PERSONS}/edit/{other.pk}/", person_form(other, [entry("en", "Hijacked")])
    )
    assert response.status_code in (302, 403) and response.get("Location", "") != (
        f"{PERSONS}/edit/{other.pk}/"
    )
    assert "Hijacked" not in str(other.get_latest_revision_as_object().translations.raw_data)


def test_a_form_without_the_translations_keeps_them(demo):
    person = ContactPerson.objects.get(last_name="Metelmann")
    data = person_form(person, [], role="Fachreferentin (geändert)")
    data = {key: value for key, value in data.items() if not key.startswith("translations")}
    response = client_as("zentralredaktion").post(
        f"{PERSONS}/edit/{person.pk}/", {**data, "action-publish": "action-publish"}
    )
    assert response.status_code == 302
    person = ContactPerson.objects.get(pk=person.pk)
    assert person.role == "Fachreferentin (geändert)"
    assert len(person.translations.raw_data) == 2


# -- The demo -------------------------------------------------------------------------------------


def test_the_demo_s_seed_translations_are_labelled_for_editors(demo):
    for obj in (
        Fachbereich.objects.get(name=content.FACHBEREICH),
        Fachgruppe.objects.get(name=content.FACHGRUPPE),
        *ContactPerson.objects.filter(last_name__in=["Metelmann", "Steffen"]),
    ):
        entries = [item["value"] for item in obj.translations.raw_data]
        assert [e["language"] for e in entries] == ["en", "ar"], obj
        assert {e["note"] for e in entries} == {"Beispielübersetzung für die Demo"}, obj


def test_the_fachredaktion_translates_its_fachbereich_and_sees_only_the_translations(demo):
    fachbereich = Fachbereich.objects.get(name=content.FACHBEREICH)
    url = f"/admin/snippets/organisation/fachbereich/edit/{fachbereich.pk}/"
    editor = client_as("fachredaktion")
    form = editor.get(url).content.decode()
    assert in_admin_html(EN_FACHBEREICH, form)
    assert 'id="id_name"' not in form and 'id="id_description"' not in form
    entries = [
        {"language": "en", "name": "Migration", "description": "", "note": ""},
        {"language": "uk", "name": "Міграція", "description": "", "note": ""},
    ]
    data = nested_form_data(
        {
            "name": "Umbenannt",  # not in the editor's form: ignored
            "translations": streamfield([("translation", e) for e in entries]),
        }
    )
    assert editor.post(url, data).status_code == 302
    fachbereich.refresh_from_db()
    assert fachbereich.name == content.FACHBEREICH
    assert [e["value"]["language"] for e in fachbereich.translations.raw_data] == ["en", "uk"]
    # Neither adding nor deleting Fachbereiche is theirs.
    assert editor.get("/admin/snippets/organisation/fachbereich/add/").status_code in (302, 403)
    response = editor.post(f"/admin/snippets/organisation/fachbereich/delete/{fachbereich.pk}/")
    assert response.status_code in (302, 403)
    assert Fachbereich.objects.filter(pk=fachbereich.pk).exists()
