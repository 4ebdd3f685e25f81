"""Translations in the admin: created by "Übersetzen" as drafts; the Fachbereich roles and the
review workflow hold for every language of a Fachbereich's pages. As the demo's least-privileged
editor ("fachredaktion", Migration und Flüchtlingsarbeit), on the demo content."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Locale, Page

from tests.governance.conftest import topic_form
from topics.models import TopicIndexPage, TopicPage


def client_as(username):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def english(page):
    return page.get_translation(Locale.objects.get(language_code="en")).specific


def test_fachredaktion_edits_the_english_copy_of_its_own_page(demo):
    page = english(TopicPage.objects.get(slug="fluechtlingsarbeit"))
    client = client_as("fachredaktion")
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    response = client.post(
        f"/admin/pages/{page.pk}/edit/", topic_form(page, title="Refugee work (draft)")
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live and page.title == "Refugee work"  # the live page is unchanged
    assert page.get_latest_revision_as_object().title == "Refugee work (draft)"


def test_fachredaktion_cannot_edit_another_fachbereich_s_translation(demo):
    pflege = TopicPage.objects.get(slug="pflege")
    topics = english(TopicIndexPage.objects.get(slug="themen"))
    copy = pflege.copy_for_translation(Locale.objects.get(language_code="en")).specific
    assert copy.get_parent().pk == topics.pk
    client = client_as("fachredaktion")
    assert client.get(f"/admin/pages/{copy.pk}/edit/").status_code in (302, 403)
    response = client.post(f"/admin/pages/{copy.pk}/edit/", topic_form(copy, title="Fremd"))
    assert response.status_code in (302, 403)
    copy.refresh_from_db()
    assert copy.get_latest_revision_as_object().title != "Fremd"


def test_fachredaktion_cannot_publish_a_translation_directly(demo):
    page = english(TopicPage.objects.get(slug="fluechtlingsarbeit"))
    client_as("fachredaktion").post(
        f"/admin/pages/{page.pk}/edit/",
        topic_form(page, title="Sofort live", **{"action-publish": "1"}),
    )
    page.refresh_from_db()
    assert page.title == "Refugee work"


def test_the_review_workflow_applies_to_translations(demo):
    page = english(TopicPage.objects.get(slug="fluechtlingsarbeit"))
    workflow = page.get_workflow()
    assert workflow is not None
    assert workflow == TopicPage.objects.get(slug="fluechtlingsarbeit").get_workflow()


def translate(client, page, locale):
    """The admin's "Übersetzen" form of ``page``, posted for ``locale``."""
    url = f"/admin/translation/submit/page/{page.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"locales": [locale.pk]})
    assert response.status_code == 302, response.status_code
    return page.get_translation(locale).specific


@pytest.mark.parametrize("code", ["fa", "tr"])
def test_uebersetzen_creates_drafts_in_the_other_language(demo, code):
    """The Redaktion translates the home page, the topics overview and the seed page into a
    language without pages (parents first, as Wagtail's form asks): drafts, nothing of them
    public; the Fachredaktion then edits the seed page's copy, but may not translate."""
    locale = Locale.objects.get(language_code=code)
    seed = TopicPage.objects.get(slug="fluechtlingsarbeit")
    central = client_as("zentralredaktion")
    home = translate(central, seed.get_site().root_page, locale)
    topics = translate(central, TopicIndexPage.objects.get(slug="themen"), locale)
    copy = translate(central, seed, locale)
    assert copy.get_parent().pk == topics.pk and topics.get_parent().pk == home.pk
    assert not (home.live or topics.live or copy.live)
    visitor = Client()
    assert visitor.get(f"/{code}/").status_code == 404
    assert f'hreflang="{code}"' not in visitor.get(seed.get_url_parts()[2]).content.decode()
    languages = visitor.get("/api/v3/languages/").json()
    assert next(item for item in languages if item["code"] == code)["home"] is None
    assert copy.pk not in {
        t["id"] for t in visitor.get(f"/api/v3/pages/{seed.pk}/").json()["translations"]
    }
    editor = client_as("fachredaktion")
    assert editor.get(f"/admin/pages/{copy.pk}/edit/").status_code == 200
    url = f"/admin/translation/submit/page/{seed.pk}/"
    ukrainian = Locale.objects.get(language_code="uk")
    # Refused: the admin's redirect to the dashboard (or 403).
    assert editor.post(url, {"locales": [ukrainian.pk]}).status_code in (302, 403)
    assert not seed.get_translations().filter(locale__language_code="uk").exists()


def test_redaktion_has_every_language_s_home(demo):
    homes = Page.objects.filter(depth=2)
    assert homes.count() == 4
    client = client_as("zentralredaktion")
    for home in homes:
        assert client.get(f"/admin/pages/{home.pk}/edit/").status_code == 200, home.slug


def test_translating_a_page_whose_parent_is_not_translated_says_so(demo):
    """Wagtail's form only disables that language; a hand-made request raised a 500."""
    seed = TopicPage.objects.get(slug="fluechtlingsarbeit")
    turkish = Locale.objects.get(language_code="tr")
    central = client_as("zentralredaktion")
    url = f"/admin/translation/submit/page/{seed.pk}/"
    response = central.post(url, {"locales": [turkish.pk]})
    assert response.status_code == 302 and response["Location"] == url
    shown = central.get(url).content.decode()
    assert "Übersetzen Sie zuerst die übergeordnete Seite" in shown
    assert not seed.get_translations().filter(locale=turkish).exists()
