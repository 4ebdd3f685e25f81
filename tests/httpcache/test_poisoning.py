"""The response cache answers only what the request would have produced.

Each request is first made against an empty cache (its own answer); then every other request
variant is made first, so that it may store an entry, and the request is asked again: it must
get its own answer, never a foreign one. And variants that change nothing share one entry,
while parameters no view reads create none.
"""

import pytest
from django.core.cache import caches

from httpcache import cache
from topics.factories import TopicPageFactory

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"
ACCEPTS = {"none": None, "html": "text/html", "any": "*/*", "json": "application/json"}
ACCEPTS["browser"] = BROWSER


@pytest.fixture
def topic(topic_index):
    return TopicPageFactory(parent=topic_index, title="Flüchtlingsarbeit", slug="fluechtlinge")


def outputs(topic):
    path = "/themen/fluechtlinge/"
    return {
        "v2": f"/api/v2/pages/{topic.pk}/",
        "v3": f"/api/v3/pages/{topic.pk}/",
        "v2-find": f"/api/v2/pages/find/?html_path={path}",
        "v3-find": f"/api/v3/pages/find/?html_path={path}",
        "by-path": f"/api/v3/page-by-path/?html_path={path}",
        "html": path,
        "listing": "/api/v3/topics/",
    }


def ask(client, url, accept=None, **headers):
    if accept:
        headers["Accept"] = accept
    response = client.get(url, headers=headers)
    return response


def answer(response):
    return (
        response.status_code,
        response.get("Content-Type"),
        response.get("Location"),
        response.content,
    )


def entries():
    """Forget every stored entry (the versions stay): the next request builds its answer."""
    caches["default"].clear()


OUTPUTS = ["v2", "v3", "v2-find", "v3-find", "by-path", "html", "listing"]


@pytest.mark.parametrize("output", OUTPUTS)
def test_no_accept_header_gets_an_answer_stored_for_another(client, topic, output):
    url = outputs(topic)[output]
    own = {}
    for name, accept in ACCEPTS.items():
        entries()
        own[name] = answer(ask(client, url, accept))
    for first_name, first in ACCEPTS.items():
        entries()
        ask(client, url, first)
        for name, accept in ACCEPTS.items():
            assert answer(ask(client, url, accept)) == own[name], (output, first_name, name)
    if output == "v2":
        # No browsable HTML API in production settings: JSON for whoever accepts it, 406 for a
        # client that accepts only HTML, never stored.
        assert own["browser"][1] == "application/json"
        assert own["html"][0] == 406
        assert ask(client, url, "text/html").get("X-Response-Cache") is None


def test_host_spellings_of_one_site_share_one_entry(client, topic, settings):
    settings.ALLOWED_HOSTS = ["testserver", "other.example.org"]
    url = outputs(topic)["v3"]
    first = ask(client, url, HTTP_HOST="testserver")
    assert first.get("X-Response-Cache") is None
    for host in ("TESTSERVER", "testserver.", "testserver:80", "TestServer.:80"):
        response = client.get(url, HTTP_HOST=host)
        assert response["X-Response-Cache"] == "hit", host
        assert response.content == first.content
    # Another host is another site (its absolute URLs may differ): its own entry.
    assert client.get(url, HTTP_HOST="other.example.org").get("X-Response-Cache") is None
    # And a host the site does not serve gets 400, stores nothing.
    assert client.get(url, HTTP_HOST="evil.example.net").status_code == 400


def test_https_and_http_are_apart(client, topic):
    url = outputs(topic)["html"]
    ask(client, url)
    assert ask(client, url)["X-Response-Cache"] == "hit"
    assert client.get(url, secure=True).get("X-Response-Cache") is None


def test_reordered_parameters_share_an_entry_repeated_ones_keep_their_order(client, topic):
    find = "/api/v2/pages/find/"
    first = client.get(f"{find}?html_path=/themen/fluechtlinge/&fields=title")
    assert first.status_code == 302
    again = client.get(f"{find}?fields=title&html_path=/themen/fluechtlinge/")
    assert again["X-Response-Cache"] == "hit"
    assert again["Location"] == first["Location"]
    # A repeated parameter's values keep their order (a view may read the last one): the
    # other order is another entry.
    one = client.get("/api/v3/topics/?limit=2&limit=3")
    other = client.get("/api/v3/topics/?limit=3&limit=2")
    assert other.get("X-Response-Cache") is None
    assert client.get("/api/v3/topics/?limit=2&limit=3")["X-Response-Cache"] == "hit"
    assert one.status_code == other.status_code


def test_parameters_the_page_does_not_read_create_no_entry(client, topic):
    path = outputs(topic)["html"]
    stored = []
    original = cache.save

    def counting(key, *args, **kwargs):
        entry = original(key, *args, **kwargs)
        if entry is not None:
            stored.append(key)
        return entry

    import httpcache.middleware as middleware

    middleware.cache.save = counting
    try:
        plain = client.get(path)
        for n in range(20):
            response = client.get(f"{path}?x{n}=1")
            assert response.status_code == 200
            assert response.get("X-Response-Cache") is None
            assert response.content == plain.content
        # Tracking parameters change nothing on the site: the plain entry answers.
        for query in ("utm_source=newsletter&utm_medium=mail", "fbclid=abc", "gclid=1"):
            response = client.get(f"{path}?{query}")
            assert response["X-Response-Cache"] == "hit", query
    finally:
        middleware.cache.save = original
    assert len(stored) == 1, stored


def test_the_apis_store_no_answer_to_a_tracking_parameter(client, topic):
    """v3 rejects an unknown parameter (400); v2's detail ignores it: either way nothing is
    stored for it (it would be one entry per campaign)."""
    for name in ("v2", "v3", "v2-find", "v3-find", "by-path"):
        url = outputs(topic)[name]
        url += ("&" if "?" in url else "?") + "utm_source=newsletter"
        first = client.get(url)
        assert first.status_code in (200, 302, 400), (name, first.content[:200])
        assert client.get(url).get("X-Response-Cache") is None, name


def test_a_response_that_sets_a_cookie_is_not_stored_and_a_bogus_cookie_reads_the_cache(
    client, topic
):
    path = outputs(topic)["html"]
    client.cookies["sessionid"] = "bogus-session-key-0123456789"
    response = client.get(path)
    assert response.status_code == 200
    # Django's session middleware deletes a cookie that names no session: a cookie is set.
    assert "sessionid" in response.cookies
    assert response.get("X-Response-Cache") is None
    del client.cookies["sessionid"]
    assert client.get(path).get("X-Response-Cache") is None  # nothing was stored
    assert client.get(path)["X-Response-Cache"] == "hit"
    client.cookies["sessionid"] = "another-bogus-session-key-0123"
    bogus = client.get(path)
    assert bogus["X-Response-Cache"] == "hit"  # no valid session: the anonymous answer


def test_a_bogus_bearer_token_gets_the_anonymous_cached_answer(client, topic):
    url = outputs(topic)["v3"]
    client.get(url)
    response = client.get(url, headers={"Authorization": "Bearer nonsense"})
    assert response["X-Response-Cache"] == "hit"
    response = client.get(url, headers={"Authorization": "Basic Zm9vOmJhcg=="})
    assert response["X-Response-Cache"] == "hit"


def test_the_worst_case_of_entries_one_client_can_create_for_one_page(client, topic, settings):
    """Every spelling one client can invent (hosts, Accept headers, query parameters, cookies)
    stores at most the distinct answers the page really has."""
    settings.ALLOWED_HOSTS = ["testserver"]
    stored = set()
    original = cache.save

    def counting(key, *args, **kwargs):
        entry = original(key, *args, **kwargs)
        if entry is not None:
            stored.add(key)
        return entry

    import httpcache.middleware as middleware

    middleware.cache.save = counting
    try:
        for url in outputs(topic).values():
            for n in range(3):
                for accept in ACCEPTS.values():
                    for host in ("testserver", "TESTSERVER", "testserver.:80"):
                        sep = "&" if "?" in url else "?"
                        ask(client, f"{url}{sep}junk{n}=1", accept, HTTP_HOST=host)
                        ask(client, f"{url}{sep}utm_source={n}", accept, HTTP_HOST=host)
                        ask(client, url, accept, HTTP_HOST=host, HTTP_COOKIE=f"sessionid=x{n}")
    finally:
        middleware.cache.save = original
    # One entry per output (by-path adds the detail it stands for, which v3 already stored).
    assert len(stored) <= len(outputs(topic)), len(stored)
