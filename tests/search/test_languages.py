"""Search per language: each language indexed and searched in its own configuration (stemmer),
the visitor's language first, hidden translations never found; on PostgreSQL and SQLite."""

import logging

import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.models import Locale, Page, PageViewRestriction

from home.factories import StandardPageFactory
from search import languages
from search.stemming import stem
from topics.models import TopicPage

ENGLISH_URL = "http://testserver/en/topics/refugee-work/"
ARABIC_TITLE = "العمل مع اللاجئين"


def items(response):
    assert response.status_code == 200, response.content[:300]
    return response.json()["items"]


def home_of(code):
    german = Locale.objects.get(language_code="de")
    root = Page.objects.get(depth=2, locale=german)
    return Page.objects.get(translation_key=root.translation_key, locale__language_code=code)


def test_an_english_word_finds_the_english_page_with_english_stemming(demo, search_api):
    page = TopicPage.objects.get(locale__language_code="en")
    text = page.intro + str(page.body.raw_data)
    # The page says "traumatised", never "traumatising": only the English stemmer joins them
    # (the German one would not).
    assert "traumatised" in text and "traumatising" not in text
    assert stem("traumatising", "english") == stem("traumatised", "english")
    assert stem("traumatising", "german") != stem("traumatised", "german")

    found = items(search_api(q="traumatising", locale="en"))
    assert [(i["title"], i["locale"], i["url"]) for i in found] == [
        ("Refugee work", "en", ENGLISH_URL)
    ]
    assert "<mark>traumatised</mark>" in found[0]["excerpt"]
    assert found[0]["trail"] == ["Startseite", "Topics"]

    # "refugees" finds the page that (also) says "refugee", marked in the excerpt.
    found = items(search_api(q="refugees", locale="en"))
    assert found[0]["url"] == ENGLISH_URL
    assert "<mark>refugees</mark>" in found[0]["excerpt"]


def test_an_arabic_word_finds_the_arabic_page(demo, search_api):
    page = TopicPage.objects.get(locale__language_code="ar")
    # The page has "the refugees" (اللاجئين); the search word is "refugee" (لاجئ).
    assert "اللاجئين" in page.intro and "لاجئ " not in page.intro
    found = items(search_api(q="لاجئ", locale="ar"))
    assert [(i["title"], i["locale"]) for i in found] == [(ARABIC_TITLE, "ar")]
    assert found[0]["url"] == "http://testserver" + page.url
    assert "<mark>اللاجئين</mark>" in found[0]["excerpt"]
    # Found without the visitor's language too: other languages are never hidden.
    assert [i["title"] for i in items(search_api(q="لاجئ"))] == [ARABIC_TITLE]


def own_first(found, code):
    """The results' languages, and whether those in ``code`` all come first."""
    codes = [i["locale"] for i in found]
    own = [c == code for c in codes]
    return codes, own == sorted(own, reverse=True)


def test_the_visitors_language_ranks_first_the_others_follow(demo, search_api):
    # "Paritätische" is in the German, Leichte Sprache, English and Arabic pages.
    german = items(search_api(q="Paritätische", limit=50))
    codes, ordered = own_first(german, "de")
    assert ordered, codes
    assert codes[0] == "de"
    assert {"de", "de-x-ls", "en", "ar"} <= set(codes)

    english = items(search_api(q="Paritätische", limit=50, locale="en"))
    codes, ordered = own_first(english, "en")
    assert ordered, codes
    assert codes[0] == "en"
    # Not hidden: the same results, only ordered otherwise.
    assert sorted(i["url"] for i in english) == sorted(i["url"] for i in german)

    arabic = search_api(q="Paritätische", limit=50, locale="ar").json()
    assert arabic["locale"] == "ar"
    assert own_first(arabic["items"], "ar")[1]
    assert arabic["items"][0]["locale"] == "ar"

    only = search_api(q="Paritätische", limit=50, locale="en", locale_only="true").json()
    assert {i["locale"] for i in only["items"]} == {"en"}
    assert only["count"] == len(only["items"]) < len(english)


def test_a_german_search_still_ranks_german_first(demo, search_api):
    # "Flüchtlinge" (with its family, "Geflüchtete") is in German and Leichte Sprache pages.
    found = items(search_api(q="Flüchtlinge", limit=50))
    codes, ordered = own_first(found, "de")
    assert ordered, codes
    assert "de-x-ls" in codes
    assert codes[0] == "de"
    # The Leichte Sprache visitor gets its own page first.
    found = items(search_api(q="Flüchtlinge", limit=50, locale="de-x-ls"))
    assert found[0]["locale"] == "de-x-ls"
    assert own_first(found, "de-x-ls")[1]


def test_hidden_translations_are_never_found(demo, search_api, search_page, client):
    word = "Geheimwort"
    english, arabic = home_of("en"), home_of("ar")
    StandardPageFactory(parent=english, title=f"Draft {word}", slug="draft", live=False)
    private = StandardPageFactory(parent=arabic, title=f"Privat {word}", slug="privat")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    secret = StandardPageFactory(parent=english, title=f"Secret {word}", slug="secret")
    PageViewRestriction.objects.create(page=secret, restriction_type="password", password="x")
    live = StandardPageFactory(parent=english, title="Public", slug="public")
    live.title = f"Public {word}"
    live.save_revision()  # a draft of a live page: its new title is not public yet

    for locale in ("", "en", "ar"):
        body = search_api(q=word, locale=locale).json()
        assert (body["items"], body["count"], body["suggestion"]) == ([], 0, ""), locale
        body = search_api(q=word, locale=locale, locale_only="true").json()
        assert (body["items"], body["count"]) == ([], 0), locale
        suggestions = client.get(
            "/api/v3/search/autocomplete/", {"q": word[:5], "locale": locale}
        ).json()["items"]
        assert [i for i in suggestions if word in i["title"]] == [], locale
    html = search_page(q=word, sprache="en").content.decode()
    assert "Keine Treffer" in html and "Draft" not in html and "Secret" not in html


def test_suggestions_are_spelled_as_in_the_visitors_language(demo, search_api):
    topics_de = Page.objects.get(url_path="/home/themen/")
    topics_en = home_of("en").get_children().get(slug="topics")
    StandardPageFactory(parent=topics_de, title="Organisation vor Ort", slug="organisation")
    StandardPageFactory(parent=topics_en, title="Local organization", slug="organization")

    # A misspelling of both words, as close to one as to the other: each visitor is offered
    # their own language's spelling.
    german = search_api(q="Organiation").json()
    english = search_api(q="Organiation", locale="en").json()
    assert german["count"] == english["count"] == 0
    assert german["suggestion"] == "Organisation"
    assert english["suggestion"] == "organization"


def test_the_search_page_takes_the_language_and_marks_other_languages(demo, search_page, client):
    response = search_page(q="Paritätische", sprache="en")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="en" dir="ltr"' in html
    assert 'lang="ar" dir="rtl"' in html
    assert html.index('lang="en" dir="ltr"') < html.index('lang="ar" dir="rtl"')
    # The language is kept by the form and the type filter's links.
    assert '<input type="hidden" name="sprache" value="en">' in html
    assert "&amp;sprache=en" in html

    bad = search_page(q="Paritätische", sprache="xx")
    assert bad.status_code == 400
    assert "Unbekannte Sprache „xx“" in bad.content.decode()

    # The header's search form on an English page sends its language; on a German page not.
    english_page = client.get("/en/topics/refugee-work/").content.decode()
    assert '<input type="hidden" name="sprache" value="en">' in english_page
    german_page = client.get("/themen/fluechtlingsarbeit/").content.decode()
    assert 'name="sprache"' not in german_page


def test_an_unknown_api_locale_is_refused_with_a_message(demo, search_api):
    response = search_api(q="Beratung", locale="xx")
    assert response.status_code == 400
    assert "Unbekannte Sprache" in response.json()["detail"]


def test_the_language_is_part_of_the_cached_answers_key(demo, search_api, search_page):
    first = search_page(q="Paritätische")
    again = search_page(q="Paritätische")
    english = search_page(q="Paritätische", sprache="en")
    english_again = search_page(q="Paritätische", sprache="en")
    assert again["X-Response-Cache"] == "hit"
    assert english_again["X-Response-Cache"] == "hit"
    assert english.content != first.content
    assert english_again.content == english.content

    german = search_api(q="Paritätische")
    english = search_api(q="Paritätische", locale="en")
    assert search_api(q="Paritätische", locale="en")["X-Response-Cache"] == "hit"
    assert german.json()["items"][0]["locale"] == "de"
    assert english.json()["items"][0]["locale"] == "en"


def test_update_index_indexes_each_object_in_its_languages_configuration(demo, search_api):
    call_command("update_index", verbosity=0)
    page = TopicPage.objects.get(locale__language_code="en")
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT d.language, e.body::text FROM search_document d "
                "JOIN wagtailsearch_indexentry e ON e.id = d.entry_id WHERE d.object_id = %s "
                "AND d.content_type_id = %s",
                [page.pk, page.content_type_id],
            )
            language, body = cursor.fetchone()
            assert language == "en"
            assert "'traumatis'" in body  # English stemming ("traumatised")
            cursor.execute(
                "SELECT language, count(*) FROM search_document GROUP BY language",
            )
            by_language = dict(cursor.fetchall())
            assert set(by_language) == {"", "de-x-ls", "en", "ar"}
        else:
            cursor.execute(
                "SELECT body FROM wagtailsearch_indexentry WHERE object_id = %s "
                "AND content_type_id = %s",
                [str(page.pk), page.content_type_id],
            )
            assert " traumatis " in cursor.fetchone()[0]
    assert items(search_api(q="traumatising"))[0]["url"] == ENGLISH_URL


@pytest.fixture
def klingon(settings):
    settings.SEARCH_LANGUAGE_CONFIGS = {**settings.SEARCH_LANGUAGE_CONFIGS, "en": "klingon"}
    languages.config_for.cache_clear()
    yield
    languages.config_for.cache_clear()


@pytest.mark.postgres
def test_a_configuration_the_database_lacks_falls_back_to_simple(db, klingon, caplog):
    from search.checks import check_database_configs

    warnings = check_database_configs(None, databases=["default"])
    assert [w.id for w in warnings] == ["search.W001"]
    assert "klingon" in warnings[0].msg
    with caplog.at_level(logging.WARNING, logger="search.languages"):
        assert languages.config_for("en") == "simple"
    assert "klingon" in caplog.text
    assert languages.config_for("de") == "german"


def test_every_site_language_has_a_configuration(db):
    from search.checks import check_language_configs

    assert check_language_configs(None) == []
    assert dict(languages.language_configs()) == {
        "": "german",
        "de-x-ls": "german",
        "en": "english",
        "ar": "arabic",
        "fa": "simple",
        "uk": "simple",
        "ru": "russian",
        "tr": "turkish",
    }
