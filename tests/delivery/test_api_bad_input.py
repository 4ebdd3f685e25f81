"""Bad input to the API gets a 4xx with a message that says what is wrong, never a 500."""

import pytest

LONG_SEARCH = "Flüchtling" * 6000  # 60,000 characters

BAD_QUERIES = {
    "limit too high": ({"limit": "100000"}, "100"),
    "negative limit": ({"limit": "-1"}, "limit"),
    "offset not a number": ({"offset": "abc"}, "offset"),
    "unknown filter": ({"colour": "blue"}, "colour"),
    "type not a page type": ({"type": "auth.User"}, "type"),
    "unknown order": ({"order": "bogus"}, ("order", "bogus")),
    "60,000 character search": ({"search": LONG_SEARCH}, "search"),
}

ENDPOINTS = [
    "/api/v2/pages/",
    "/api/v2/documents/",
    "/api/v2/images/",
    "/api/v3/pages/",
    "/api/v3/publications/",
    "/api/v3/people/contact-persons/",
    "/api/v3/people/fachbereiche/",
    "/api/v3/people/fachgruppen/",
    "/api/v3/topics/",
]


def message(response):
    data = response.json()
    return str(data.get("message") or data.get("detail") or "") + str(data.get("errors", ""))


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("case", BAD_QUERIES)
def test_bad_query_gets_a_4xx_with_a_message(db, client, endpoint, case):
    query, expected = BAD_QUERIES[case]
    response = client.get(endpoint, query)
    assert 400 <= response.status_code < 500, (response.status_code, response.content[:300])
    expected = (expected,) if isinstance(expected, str) else expected
    assert any(word in message(response) for word in expected), message(response)


@pytest.mark.parametrize(
    "query",
    [
        {"type": "topics.TopicPage", "slug": "fluechtlingsarbeit"},
        {"title": "Themen"},
        {"child_of": "root", "order": "-title", "search": "Themen", "limit": "5"},
    ],
)
def test_known_v3_page_listing_parameters_still_work(db, client, query):
    assert client.get("/api/v3/pages/", query).status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/api/v3/publications/?year=zwanzig",
        "/api/v3/publications/?year=99999",
        "/api/v3/publications/?language=xx",
        "/api/v3/publications/?topic=-4",
        "/api/v3/people/fachgruppen/?fachbereich=abc",
        "/api/v3/pages/find/?html_path=%00",
        "/api/v2/pages/find/?html_path=/gibt/es/nicht/",
        "/api/v3/pages/find/?html_path=/gibt/es/nicht/",
        "/api/v3/publications/999999/",
        "/api/v3/people/contact-persons/abc/",
    ],
)
def test_wrong_values_and_missing_objects_get_a_4xx(db, client, url):
    response = client.get(url)
    assert 400 <= response.status_code < 500, (response.status_code, response.content[:300])
