"""The search API: shape, type filter, pagination, counts, same results as the page, budgets."""

import re

import pytest

from documents.factories import PublicationFactory
from home.factories import StandardPageFactory
from httpcache import cache
from organisation.factories import FachbereichFactory
from people.factories import ContactPersonFactory, FachgruppeFactory
from topics.factories import TopicPageContactPersonFactory, TopicPageFactory

WORD = "Quartiersarbeit"
# Per search request: per type a count and a ranked query, the public-page and public-collection
# checks, URL resolution per snippet type, promotions and the hit for the report.
QUERY_BUDGET = 32


@pytest.fixture
def many(topic_index):
    """13 topic pages, 4 persons (one shown on a topic page) and a Fachgruppe with the word."""
    pages = [
        TopicPageFactory(parent=topic_index, title=f"{WORD} {n:02d}", slug=f"q{n}", body=[])
        for n in range(13)
    ]
    persons = [ContactPersonFactory(role=f"Referentin {WORD}") for _ in range(4)]
    TopicPageContactPersonFactory(page=pages[0], person=persons[0])
    FachgruppeFactory(name=f"Fachgruppe {WORD}")
    return pages


def test_response_shape(many, search_api):
    body = search_api(q=WORD, limit=3).json()
    assert set(body) == {
        "query",
        "type",
        "locale",
        "count",
        "counts",
        "promotions",
        "items",
        "suggestion",
    }
    assert body["query"] == WORD
    assert body["locale"] == "de"
    assert body["count"] == 18
    assert body["counts"] == [
        {"type": "topic", "label": "Themen", "count": 13},
        {"type": "page", "label": "Seiten", "count": 0},
        {"type": "person", "label": "Ansprechpersonen", "count": 4},
        {"type": "fachgruppe", "label": "Fachgruppen", "count": 1},
        {"type": "publication", "label": "Publikationen", "count": 0},
    ]
    assert len(body["items"]) == 3
    for item in body["items"]:
        assert set(item) == {"type", "type_label", "title", "excerpt", "url", "trail", "locale"}
        assert item["locale"] == "de"


def test_urls_of_each_type(many, search_api):
    items = search_api(q=WORD, limit=50).json()["items"]
    by_type = {}
    for item in items:
        by_type.setdefault(item["type"], []).append(item["url"])
    # Absolute, as every URL of the API (WAGTAILAPI_BASE_URL).
    assert all(re.fullmatch(r"http://testserver/themen/q\d+/", url) for url in by_type["topic"])
    # Persons and Fachgruppen link to a public topic page showing them, or nowhere.
    assert sorted(by_type["person"]) == [
        "",
        "",
        "",
        "http://testserver/themen/q0/#topic-contacts-heading",
    ]
    assert by_type["fachgruppe"] == [""]


def test_filter_by_type(many, search_api):
    body = search_api(q=WORD, type="person").json()
    assert body["type"] == "person"
    assert body["count"] == 4
    assert {i["type"] for i in body["items"]} == {"person"}
    # The counts of the other types are still given, for the filter links.
    assert {c["type"]: c["count"] for c in body["counts"]}["topic"] == 13


def test_pagination_walks_every_hit_once(many, search_api):
    seen = []
    for offset in range(0, 20, 5):
        items = search_api(q=WORD, limit=5, offset=offset).json()["items"]
        seen += [(i["type"], i["title"], i["url"]) for i in items]
    assert len(seen) == 18
    assert len(set(seen)) == 18


def test_page_and_api_return_the_same_results(many, search_api, search_page):
    for number in (1, 2):
        api_titles = [
            i["title"]
            for i in search_api(q=WORD, limit=10, offset=(number - 1) * 10).json()["items"]
        ]
        html = search_page(q=WORD, seite=number).content.decode()
        page_titles = re.findall(r'<h3>(?:<a href="[^"]*">)?([^<]+)', html)
        assert page_titles == api_titles


def test_suggestions_complete_the_last_word(demo, client):
    response = client.get("/api/v3/search/autocomplete/", {"q": "Metel"})
    assert response.status_code == 200
    assert response.json()["items"] == [
        {
            "type": "person",
            "type_label": "Ansprechperson",
            "title": "Janine Metelmann",
            "url": "http://testserver/themen/fluechtlingsarbeit/#topic-contacts-heading",
            "locale": "de",
        }
    ]
    titles = [
        i["title"]
        for i in client.get("/api/v3/search/autocomplete/", {"q": "Flücht"}).json()["items"]
    ]
    assert "Flüchtlingsarbeit" in titles


def test_endpoints_are_in_the_openapi_document(db, client):
    paths = client.get("/api/v3/openapi.json").json()["paths"]
    assert "/api/v3/search/" in paths
    assert "/api/v3/search/autocomplete/" in paths
    parameters = {p["name"] for p in paths["/api/v3/search/"]["get"]["parameters"]}
    assert parameters == {"q", "type", "limit", "offset", "locale", "locale_only"}


def test_query_count_does_not_grow_with_the_hits(
    topic_index, search_api, django_assert_max_num_queries
):
    def make(n, prefix):
        for i in range(n):
            fachbereich = FachbereichFactory()
            page = TopicPageFactory(
                parent=topic_index,
                title=f"{prefix} {WORD}",
                slug=f"{prefix}{i}",
                fachbereich=fachbereich,
            )
            person = ContactPersonFactory(role=f"{prefix} {WORD}", fachbereich=fachbereich)
            TopicPageContactPersonFactory(page=page, person=person)
            FachgruppeFactory(name=f"{prefix} {WORD} {i}", fachbereich=fachbereich)
            StandardPageFactory(
                parent=topic_index.get_parent(), title=f"{prefix} {WORD}", slug=f"s-{prefix}{i}"
            )
            publication = PublicationFactory(title=f"{prefix} {WORD}", full_text="Text")
            publication.tags.add(f"Schlagwort {prefix}")

    make(1, "Dorf")
    cache.forget_everything()  # measure the work, not the cache
    with django_assert_max_num_queries(QUERY_BUDGET) as few:
        assert search_api(q=f"Dorf {WORD}").json()["count"] == 5
    make(10, "Metropole")
    cache.forget_everything()  # measure the work, not the cache
    with django_assert_max_num_queries(QUERY_BUDGET) as many_hits:
        assert search_api(q=f"Metropole {WORD}", limit=50).json()["count"] == 50
    # (The second search may find more in the cache: e.g. which queries have promotions.)
    assert len(many_hits.captured_queries) <= len(few.captured_queries)


def test_a_contact_named_only_by_its_function_is_found_and_suggested_by_it(db, client):
    role = "Referentin Kinder- und Jugendhilfe (Beispiel)"
    ContactPersonFactory(first_name="", last_name="", role=role, email="")
    ContactPersonFactory(first_name="Janine", last_name="Jugendhelferin", role="Referentin")
    body = client.get("/api/v3/search/", {"q": "Jugendhilfe", "type": "person"}).json()
    assert [(i["title"], i["excerpt"]) for i in body["items"]] == [(role, "")]
    suggested = client.get("/api/v3/search/autocomplete/", {"q": "Kinder Jugend"}).json()
    assert [(i["type"], i["title"]) for i in suggested["items"]] == [("person", role)]
    # A named contact is suggested by its name, not by its function.
    suggested = client.get("/api/v3/search/autocomplete/", {"q": "Referent"}).json()
    assert [i["title"] for i in suggested["items"]] == [role]
    suggested = client.get("/api/v3/search/autocomplete/", {"q": "Jugendhelf"}).json()
    assert [i["title"] for i in suggested["items"]] == ["Janine Jugendhelferin"]
