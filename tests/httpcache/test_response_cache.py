"""The response cache from outside: hits cost no query, 304s come from the entry's ETag, the
page by path is one request, and nothing read with credentials is ever shared."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import APIToken, PageViewRestriction

from home.factories import StandardPageFactory
from httpcache import cache
from topics.factories import TopicPageFactory

PASSWORD = "sesam"


@pytest.fixture
def topic(topic_index):
    return TopicPageFactory(parent=topic_index, title="Flüchtlingsarbeit", intro="Erste Fassung")


@pytest.fixture
def locked(home_page):
    page = StandardPageFactory(parent=home_page, title="Nur mit Passwort", slug="passwort")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    return page


def directives(response):
    return {d.strip() for d in response["Cache-Control"].split(",")}


def urls(page):
    path = page.get_url_parts()[2]
    return [
        path,
        f"/api/v2/pages/{page.pk}/",
        f"/api/v3/pages/{page.pk}/",
        f"/api/v3/page-by-path/?html_path={path}",
        "/api/v3/topics/",
        "/api/v3/navigation/",
    ]


def assert_one_read_of_the_versions(captured):
    """Without Redis the tag versions are shared through the database: a hit reads them in one
    query on the shared cache's table (its primary key), and nothing else."""
    (query,) = captured.captured_queries
    assert "changes_shared_cache" in query["sql"] and "cache_key" in query["sql"]


def test_a_warm_read_costs_one_read_of_the_versions_and_says_it_is_a_hit(
    client, topic, django_assert_num_queries
):
    for url in urls(topic):
        first = client.get(url)
        assert first.status_code == 200, url
        assert first.get("X-Response-Cache") is None
        with django_assert_num_queries(1) as captured:
            again = client.get(url)
        assert_one_read_of_the_versions(captured)
        assert again["X-Response-Cache"] == "hit", url
        assert again.content == first.content
        assert again["ETag"] == first["ETag"]
        assert "public" in again["Cache-Control"] and "max-age=" in again["Cache-Control"]
        assert set(again["Vary"].replace(" ", "").split(",")) >= {"Authorization", "Cookie"}


def test_if_none_match_gets_304_from_the_entry_with_one_read_of_the_versions(
    client, topic, django_assert_num_queries
):
    for url in urls(topic):
        etag = client.get(url)["ETag"]
        with django_assert_num_queries(1) as captured:
            response = client.get(url, headers={"If-None-Match": etag})
        assert_one_read_of_the_versions(captured)
        assert response.status_code == 304, url
        assert response.content == b""
        assert response["ETag"] == etag


def test_html_pages_have_cache_control(client, topic, settings):
    response = client.get(topic.url)
    assert directives(response) == {"public", f"max-age={settings.HTML_CACHE_MAX_AGE}"}


def test_the_page_by_path_is_the_detail_in_one_request(client, topic):
    detail = client.get(f"/api/v3/pages/{topic.pk}/")
    by_path = client.get("/api/v3/page-by-path/", {"html_path": topic.url})
    assert by_path.status_code == 200
    assert by_path.json() == detail.json()
    assert by_path["ETag"] == detail["ETag"]
    # It serves the detail's own entry: a fresh path read of a cached detail is a hit on it.
    cache.store().delete(cache.key_for(by_path.wsgi_request))
    assert client.get("/api/v3/page-by-path/", {"html_path": topic.url}).json() == detail.json()
    # Wagtail's find still redirects.
    found = client.get("/api/v3/pages/find/", {"html_path": topic.url})
    assert found.status_code == 302 and f"/api/v3/pages/{topic.pk}/" in found.url


@pytest.mark.parametrize(
    "path",
    ["/gibt/es/nicht/", "/passwort/", "/themen/entwurf/"],
    ids=["missing", "locked", "draft"],
)
def test_the_page_by_path_finds_nothing_hidden(client, topic, locked, path):
    TopicPageFactory(parent=topic.get_parent(), slug="entwurf", live=False)
    response = client.get("/api/v3/page-by-path/", {"html_path": path})
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


# -- Privacy under the cache ---------------------------------------------------------------


def enter_password(client, page):
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    form = soup.select_one("main form")
    response = client.post(form["action"], {"password": PASSWORD, "return_url": page.url})
    assert response.status_code == 302
    assert "Nur mit Passwort" in client.get(page.url).content.decode()


@pytest.fixture
def password_session(client, locked):
    enter_password(client, locked)
    return client


@pytest.fixture
def member(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("mitglied", password="x"))
    return client


@pytest.fixture
def bearer(client, django_user_model):
    user = django_user_model.objects.create_superuser("api", "api@example.org", "pw")
    _, token = APIToken.create_token(user=user, name="Integration")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    return client


READERS = ["password_session", "member", "bearer"]


@pytest.mark.parametrize("reader", READERS)
def test_a_reader_with_credentials_never_gets_a_cached_public_entry(
    reader, request, topic, locked, client
):
    from django.test import Client

    anonymous = Client()
    for url in urls(topic):
        anonymous.get(url)
        assert anonymous.get(url)["X-Response-Cache"] == "hit", url
    credentialed = request.getfixturevalue(reader)
    for url in urls(topic):
        response = credentialed.get(url)
        assert response.status_code == 200, url
        assert response.get("X-Response-Cache") is None, (reader, url)
        assert response["Cache-Control"] == "private, no-store", (reader, url)
        assert not response.has_header("ETag"), (reader, url)


@pytest.mark.parametrize("reader", READERS)
def test_a_reader_with_credentials_never_creates_an_entry(reader, request, topic, locked):
    from django.test import Client

    credentialed = request.getfixturevalue(reader)
    for url in urls(topic) + urls(locked)[:3]:
        credentialed.get(url)
        credentialed.get(url)
    anonymous = Client()
    for url in urls(topic):
        assert anonymous.get(url).get("X-Response-Cache") is None, (reader, url)
    # What the password or the login opened is never handed to an anonymous reader.
    for url in urls(locked)[:3]:
        response = anonymous.get(url)
        assert "Nur mit Passwort" not in response.content.decode() or response.status_code != 200
        assert response.get("X-Response-Cache") is None


def test_a_session_that_passed_a_password_gets_the_restricted_page_privately(
    password_session, locked
):
    response = password_session.get(f"/api/v3/pages/{locked.pk}/")
    # The API reads for the anonymous reader; either way the answer is private.
    assert {"private", "no-store"} <= directives(response)
    html = password_session.get(locked.url)
    assert html.status_code == 200
    assert {"private", "no-store"} <= directives(html)
