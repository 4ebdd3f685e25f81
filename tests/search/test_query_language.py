"""Issue 15's must-show searches, on both backends (SQLite's stemmed FTS5 and PostgreSQL):
stemming, phrases, exclusions, "Meinten Sie …?" and promoted results shown once."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search.query import parse
from topics.factories import TopicPageFactory


@pytest.fixture
def pages(topic_index):
    def page(slug, title, intro, **kwargs):
        return TopicPageFactory(
            parent=topic_index, slug=slug, title=title, intro=intro, body=[], **kwargs
        )

    return {
        "unterbringung": page(
            "unterbringung", "Unterbringung", "Wohnraum für geflüchteten Menschen."
        ),
        "sozial": page("sozial", "Sozialdienst", "Wir bieten soziale Beratung für Familien an."),
        "asyl": page(
            "asyl", "Asylverfahren", "Beratung im Asyl: soziale Fragen und Rechtsberatung."
        ),
        "flucht": page("flucht", "Flüchtlingsarbeit", "Beratung und Begleitung vor Ort."),
        "entwurf": page("entwurf", "Zauberwortarbeit", "Beratung.", live=False),
    }


def titles(response):
    return sorted(item["title"] for item in response.json()["items"])


def test_gefluechtete_finds_geflüchteten(pages, search_api):
    response = search_api(q="Geflüchtete")
    assert titles(response) == ["Unterbringung"]
    assert "<mark>geflüchteten</mark>" in response.json()["items"][0]["excerpt"]


def test_a_quoted_phrase_finds_only_documents_with_the_phrase(pages, search_api):
    # Both pages have both words; only one has them next to each other, in this order.
    assert titles(search_api(q="soziale Beratung")) == ["Asylverfahren", "Sozialdienst"]
    response = search_api(q='"soziale Beratung"')
    assert titles(response) == ["Sozialdienst"]
    assert response.json()["count"] == 1
    assert titles(search_api(q='"Beratung soziale"')) == []


def test_a_minus_excludes(pages, search_api):
    assert titles(search_api(q="Beratung")) == [
        "Asylverfahren",
        "Flüchtlingsarbeit",
        "Sozialdienst",
    ]
    response = search_api(q="Beratung -Asyl")
    assert titles(response) == ["Flüchtlingsarbeit", "Sozialdienst"]
    assert response.json()["count"] == 2
    assert titles(search_api(q='Beratung -"soziale Beratung"')) == [
        "Asylverfahren",
        "Flüchtlingsarbeit",
    ]


def test_exclusions_alone_find_nothing(pages, search_api):
    body = search_api(q="-Asyl").json()
    assert body["count"] == 0
    assert body["items"] == []


def test_a_misspelling_gets_a_suggestion(pages, search_api, search_page):
    # Without umlauts the word is found (the stemmer folds them), and its spelling is offered.
    body = search_api(q="Fluchtlingsarbeit").json()
    assert titles_of(body["items"]) == ["Flüchtlingsarbeit"]
    assert body["suggestion"] == "Flüchtlingsarbeit"
    html = search_page(q="Fluchtlingsarbeit").content.decode()
    assert 'Meinten Sie <a href="?q=Fl%C3%BCchtlingsarbeit">Flüchtlingsarbeit</a>?' in html
    # A typo finds nothing: the closest title word is offered, if it finds something.
    body = search_api(q="Flüchtlingsarbiet -Asyl").json()
    assert body["count"] == 0
    assert body["suggestion"] == "Flüchtlingsarbeit -Asyl"
    html = search_page(q="Flüchtlingsarbiet").content.decode()
    assert "Meinten Sie" in html
    assert "Keine Treffer" in html
    # Words spelled as found get no suggestion.
    assert search_api(q="Flüchtlingsarbeit").json()["suggestion"] == ""


def test_a_suggestion_never_comes_from_a_hidden_title(pages, search_api):
    # The draft "Zauberwortarbeit" is the only title like it.
    body = search_api(q="Zauberwortarbiet").json()
    assert body["count"] == 0
    assert body["suggestion"] == ""


def test_a_promoted_result_appears_once(pages, search_api, search_page):
    SearchPromotion.objects.create(query=Query.get("Beratung"), page=pages["flucht"], sort_order=1)
    body = search_api(q="Beratung").json()
    assert [p["title"] for p in body["promotions"]] == ["Flüchtlingsarbeit"]
    assert titles_of(body["items"]) == ["Asylverfahren", "Sozialdienst"]
    assert body["count"] == 2
    # Not on a later page either.
    assert "Flüchtlingsarbeit" not in titles_of(search_api(q="Beratung", offset=1).json()["items"])
    html = search_page(q="Beratung").content.decode()
    assert html.count('href="/themen/flucht/"') == 1


def titles_of(items):
    return sorted(item["title"] for item in items)


@pytest.mark.parametrize(
    ("query", "words", "phrases", "excluded"),
    [
        ('Beratung "soziale Arbeit" -Asyl', ("Beratung",), (("soziale", "Arbeit"),), (("Asyl",),)),
        ('-"a b" c', ("c",), (), (("a", "b"),)),
        ('"Beratung', ("Beratung",), (), ()),  # an unbalanced quote: one word is a word
        ("a:b:c", ("a", "b", "c"), (), ()),
        ("Pflege-Angehörige", ("Pflege", "Angehörige"), (), ()),
        ("- -- ?!", (), (), ()),
        ("' OR 1=1 --", ("OR", "1"), (), ()),
    ],
)
def test_the_query_language(query, words, phrases, excluded):
    parsed = parse(query)
    assert (parsed.words, parsed.phrases, parsed.excluded) == (words, phrases, excluded)
