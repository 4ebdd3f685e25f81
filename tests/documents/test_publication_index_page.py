"""/publikationen/: filters by topic, type, year and language with exact results and counts."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from documents.factories import PublicationFactory, PublicationIndexPageFactory
from httpcache import cache
from topics.factories import TopicPageFactory


@pytest.fixture
def library(home_page, topic_index, private_collection):
    """Seven public publications over two topics, three types, three years, two languages,
    and one private one that must never show."""
    page = PublicationIndexPageFactory(parent=home_page)
    flucht = TopicPageFactory(parent=topic_index, title="Flüchtlingsarbeit", slug="flucht")
    pflege = TopicPageFactory(parent=topic_index, title="Pflege", slug="pflege")
    rows = [
        ("Leitfaden Beratung", "broschuere", "2025-03-01", "de", [flucht]),
        ("Checkliste Anhörung", "arbeitshilfe", "2024-09-15", "de", [flucht]),
        ("Unterbringung", "positionspapier", "2024-05-20", "de", [flucht, pflege]),
        ("Pflegereform", "positionspapier", "2025-01-22", "de", [pflege]),
        ("Pflege in leichter Sprache", "broschuere", "2023-11-04", "de-x-ls", [pflege]),
        ("Welcome guide", "broschuere", "2025-06-30", "en", [flucht]),
        ("Ohne Thema", "arbeitshilfe", "2023-02-01", "de", []),
    ]
    for title, kind, day, language, topics in rows:
        PublicationFactory(
            title=title,
            publication_type=kind,
            publication_date=date.fromisoformat(day),
            language=language,
            topics=topics,
        )
    PublicationFactory(
        title="Interne Arbeitshilfe",
        publication_type="arbeitshilfe",
        publication_date=date(2025, 2, 2),
        collection=private_collection,
        topics=[flucht],
    )
    return page


def titles(response):
    html = response.content.decode()
    return re.findall(r'class="publication-item__title"><a [^>]*>([^<]+)</a>', html)


def option(response, name, label):
    """The count shown for one option of one filter, e.g. option(r, "art", "Broschüre")."""
    html = response.content.decode()
    select = re.search(rf'<select id="filter-{name}".*?</select>', html, re.S).group(0)
    match = re.search(rf">{re.escape(label)} \((\d+)\)</option>", select)
    return int(match.group(1)) if match else None


def heading(response):
    html = response.content.decode()
    return re.search(r'class="publication-results__count">([^<]+)<', html).group(1)


def test_unfiltered_lists_every_public_publication_newest_first(client, library):
    response = client.get("/publikationen/")
    assert response.status_code == 200
    assert titles(response) == [
        "Welcome guide",
        "Leitfaden Beratung",
        "Pflegereform",
        "Checkliste Anhörung",
        "Unterbringung",
        "Pflege in leichter Sprache",
        "Ohne Thema",
    ]
    assert heading(response) == "7 Publikationen"
    assert "Interne Arbeitshilfe" not in response.content.decode()
    assert option(response, "art", "Arbeitshilfe") == 2  # not 3: the private one is not counted
    assert option(response, "thema", "Flüchtlingsarbeit") == 4
    assert option(response, "thema", "Pflege") == 3
    assert option(response, "jahr", "2025") == 3
    assert option(response, "sprache", "Englisch") == 1


@pytest.mark.parametrize(
    "query, expected",
    [
        (
            "thema=flucht",
            {"Welcome guide", "Leitfaden Beratung", "Checkliste Anhörung", "Unterbringung"},
        ),
        ("thema=pflege", {"Pflegereform", "Unterbringung", "Pflege in leichter Sprache"}),
        ("art=positionspapier", {"Pflegereform", "Unterbringung"}),
        ("jahr=2024", {"Checkliste Anhörung", "Unterbringung"}),
        ("sprache=de-x-ls", {"Pflege in leichter Sprache"}),
        ("thema=flucht&art=broschuere", {"Welcome guide", "Leitfaden Beratung"}),
        ("thema=flucht&art=broschuere&jahr=2025&sprache=en", {"Welcome guide"}),
        ("thema=pflege&jahr=2024&art=positionspapier", {"Unterbringung"}),
        ("art=jahresbericht", set()),
    ],
)
def test_filters_show_exactly_the_matching_publications(client, library, query, expected):
    response = client.get(f"/publikationen/?{query}")
    assert response.status_code == 200
    assert set(titles(response)) == expected
    assert len(titles(response)) == len(expected)
    count = len(expected)
    assert heading(response) == f"{count} Publikation{'' if count == 1 else 'en'} gefunden"


def test_counts_of_each_filter_take_the_other_filters_into_account(client, library):
    response = client.get("/publikationen/?thema=pflege")
    # Within Pflege: one Broschüre, two Positionspapiere; the other topic keeps its own count.
    assert option(response, "art", "Broschüre") == 1
    assert option(response, "art", "Positionspapier") == 2
    assert option(response, "art", "Arbeitshilfe") is None  # would show nothing: not offered
    assert option(response, "thema", "Flüchtlingsarbeit") == 4
    assert option(response, "jahr", "2024") == 1
    assert option(response, "sprache", "Leichte Sprache") == 1
    assert 'value="pflege" selected' in response.content.decode()


def test_filter_urls_are_plain_get_forms(client, library):
    html = client.get("/publikationen/").content.decode()
    assert (
        '<form class="publication-filters filter-bar" method="get" action="/publikationen/"' in html
    )
    # No script of its own: only the header search's suggestions (progressive enhancement).
    assert html.count("<script") == 1
    assert '<script src="/static/search/autocomplete.js" defer></script>' in html


@pytest.mark.parametrize(
    "query", ["jahr=abc", "art=kochbuch", "sprache=xx", "thema=gibt-es-nicht", "jahr=99999"]
)
def test_invalid_filter_values_get_a_400_with_a_german_message(client, library, query):
    response = client.get(f"/publikationen/?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Diese Filter können nicht angewendet werden" in html
    assert titles(response) == []


def test_listing_shows_type_date_format_and_german_size(client, home_page):
    PublicationIndexPageFactory(parent=home_page)
    PublicationFactory(
        title="Jahresbericht 2024",
        publication_type="jahresbericht",
        publication_date=date(2025, 3, 14),
        file_size=1_258_291,
        page_count=48,
        is_accessible=True,
    )
    html = client.get("/publikationen/").content.decode()
    assert (
        '<span class="badge badge--publication">Jahresbericht</span> '
        '<time datetime="2025-03-14">März 2025</time>'
    ) in html
    assert "PDF, 1,2\xa0MB, 48 Seiten, barrierefrei" in html  # no break before MB


def test_pagination_keeps_the_filters(client, home_page):
    page = PublicationIndexPageFactory(parent=home_page)
    for day in range(1, 31):
        PublicationFactory(publication_type="arbeitshilfe", publication_date=date(2024, 1, day))
    PublicationFactory(publication_type="broschuere", publication_date=date(2024, 2, 1))
    first = client.get("/publikationen/?art=arbeitshilfe")
    assert len(titles(first)) == page.page_size == 12
    assert heading(first) == "30 Publikationen gefunden"
    assert 'href="?art=arbeitshilfe&amp;seite=2" rel="next"' in first.content.decode()
    last = client.get("/publikationen/?art=arbeitshilfe&seite=3")
    assert len(titles(last)) == 6
    beyond = client.get("/publikationen/?art=arbeitshilfe&seite=99")
    assert titles(beyond) == titles(last)  # out of range: the last page, not an error
    # A link in the search page's old form (?page=) is sent to the same page once for good.
    old = client.get("/publikationen/?art=arbeitshilfe&page=3")
    assert (old.status_code, old["Location"]) == (301, "/publikationen/?art=arbeitshilfe&seite=3")


def render_queries(client):
    cache.forget_everything()  # measure the work, not the cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/publikationen/?thema=thema&seite=1")
    assert response.status_code == 200
    return len(queries), len(titles(response))


def test_query_count_does_not_grow_with_the_number_of_publications(
    client, home_page, topic_index, on_commit
):
    """3 and 30 publications (with generated covers and their renditions) cost the same."""
    PublicationIndexPageFactory(parent=home_page)
    topic = TopicPageFactory(parent=topic_index, slug="thema")
    with on_commit():  # extraction renders the covers
        for _ in range(3):
            PublicationFactory(topics=[topic], publication_date=date(2024, 5, 1))
    client.get("/publikationen/?thema=thema&seite=1")  # creates the cover renditions once
    cache.forget_everything()  # measure the work, not the cache
    few, shown = render_queries(client)  # the request's queries (not the invalidation)
    assert few <= 25, f"{few} queries"
    assert shown == 3

    with on_commit():
        for _ in range(27):
            PublicationFactory(topics=[topic], publication_date=date(2024, 5, 1))
    client.get("/publikationen/?thema=thema&seite=1")
    many, shown = render_queries(client)
    assert shown == 12  # a full page
    print(f"queries: 3 publications -> {few}, 30 publications -> {many}")
    assert many == few
