"""A translation's change reaches every page that names it: the switchers and hreflang of its
siblings in the other languages and their API ``translations``, with the response cache on."""

import pytest

from topics.models import TopicPage

MARK = "Refugee work Frischetest"


@pytest.fixture(autouse=True)
def _announced_at_once(monkeypatch):
    """The demo's transaction never commits: each change is announced at once (as in
    tests/changes/test_freshness.py)."""
    from changes import events

    monkeypatch.setattr(events, "current_batch", lambda: None)


def translations():
    german = TopicPage.objects.get(slug="fluechtlingsarbeit")
    return {page.locale.language_code: page for page in german.get_translations(inclusive=True)}


def reads(client, pages):
    out = {}
    for code, page in pages.items():
        out[f"{code} html"] = client.get(page.get_url_parts()[2])
        out[f"{code} v2"] = client.get(f"/api/v2/pages/{page.pk}/")
        out[f"{code} v3"] = client.get(f"/api/v3/pages/{page.pk}/")
    return out


def test_retitling_the_english_translation_reaches_the_german_and_arabic_pages(demo, client):
    pages = translations()
    others = {code: pages[code] for code in ("de", "ar")}
    for _ in range(2):
        warm = reads(client, others)
    for name, response in warm.items():
        assert response.status_code == 200, name
        assert response.get("X-Response-Cache") == "hit", name
        assert MARK not in response.content.decode(), name
    english = pages["en"]
    english.title = MARK
    english.save_revision().publish()
    for name, response in reads(client, others).items():
        assert response.status_code == 200, name
        assert MARK in response.content.decode(), name


def test_unpublishing_a_translation_takes_it_out_of_the_cached_switchers(demo, client):
    pages = translations()
    arabic_path = pages["ar"].get_url_parts()[2]
    for _ in range(2):
        html = client.get(pages["de"].get_url_parts()[2])
    assert html.get("X-Response-Cache") == "hit"
    assert arabic_path in html.content.decode()
    pages["ar"].unpublish()
    html = client.get(pages["de"].get_url_parts()[2]).content.decode()
    assert arabic_path not in html
    assert 'href="/ar/"' in html  # the switcher leads to the Arabic home page instead
    # Publishing it again brings it back.
    pages["ar"].refresh_from_db()
    pages["ar"].save_revision().publish()
    assert arabic_path in client.get(pages["de"].get_url_parts()[2]).content.decode()


def test_a_changed_translation_of_a_function_or_fachbereich_reaches_the_pages_at_once(demo, client):
    """Editing the English function of a contact person (the Redaktion publishing it in the
    admin) and the English name of the Fachbereich: the English seed page, its v2 and v3
    detail change on the next request; the German page was not touched."""
    from django.contrib.auth import get_user_model
    from django.test import Client
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    from organisation.models import Fachbereich
    from people.models import ContactPerson

    pages = translations()
    english = {"en": pages["en"]}
    for _ in range(2):
        warm = reads(client, {**english, "de": pages["de"]})
    assert all(response.get("X-Response-Cache") == "hit" for response in warm.values())
    person = ContactPerson.objects.get(last_name="Metelmann")
    entries = [
        {**item["value"], "role": f"{item['value']['role']} {MARK}"}
        if item["value"]["language"] == "en"
        else item["value"]
        for item in person.translations.raw_data
    ]
    editor = Client()
    editor.force_login(get_user_model().objects.get(username="zentralredaktion"))
    response = editor.post(
        f"/admin/snippets/people/contactperson/edit/{person.pk}/",
        nested_form_data(
            {
                "academic_title": "",
                "first_name": person.first_name,
                "last_name": person.last_name,
                "role": person.role,
                "translations": streamfield([("translation", e) for e in entries]),
                "email": person.email,
                "phone": "",
                "fachbereich": person.fachbereich_id,
                "photo": "",
                "responsible_editor": "",
                "next_review_date": "",
                "action-publish": "action-publish",
            }
        ),
    )
    assert response.status_code == 302
    for name, response in reads(client, english).items():
        assert response.status_code == 200, name
        assert f"Policy officer for migration and refugee work {MARK}" in (
            response.content.decode()
        ), name
    german = reads(client, {"de": pages["de"]})
    assert all(MARK not in response.content.decode() for response in german.values())

    fachbereich = Fachbereich.objects.get(name="Migration und Flüchtlingsarbeit")
    fachbereich.translations = [
        ("translation", {**item["value"], "name": f"Migration {MARK}"})
        if item["value"]["language"] == "en"
        else ("translation", item["value"])
        for item in fachbereich.translations.raw_data
    ]
    fachbereich.save()
    for name, response in reads(client, english).items():
        assert f"Migration {MARK}" in response.content.decode(), name
