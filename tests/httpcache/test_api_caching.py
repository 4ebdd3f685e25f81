"""HTTP caching and CORS on the API: ETag, Cache-Control and 304 for public reads; private,
no-store for anything read with credentials; CORS only for the configured origins."""

import pytest
from wagtail.models import APIToken

from topics.factories import TopicPageFactory

FRONTEND = "https://www.example.org"


@pytest.fixture
def topic(topic_index):
    return TopicPageFactory(parent=topic_index, title="Flüchtlingsarbeit", intro="Erste Fassung")


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_public_read_has_etag_and_answers_304(client, topic, version, settings):
    url = f"/api/{version}/pages/{topic.pk}/"
    response = client.get(url)
    assert response.status_code == 200
    assert response["ETag"]
    assert "public" in response["Cache-Control"]
    assert f"max-age={settings.API_CACHE_MAX_AGE}" in response["Cache-Control"]

    not_modified = client.get(url, headers={"If-None-Match": response["ETag"]})
    assert not_modified.status_code == 304
    assert not_modified.content == b""

    topic.intro = "Zweite Fassung"
    topic.save_revision().publish()
    changed = client.get(url, headers={"If-None-Match": response["ETag"]})
    assert changed.status_code == 200
    assert changed["ETag"] != response["ETag"]


def test_listings_have_etags_too(client, topic):
    for url in ("/api/v3/publications/", "/api/v3/navigation/", "/api/v2/pages/"):
        response = client.get(url)
        assert response["ETag"], url
        assert client.get(url, headers={"If-None-Match": response["ETag"]}).status_code == 304


def test_reads_with_a_bearer_token_are_private(client, topic, django_user_model):
    user = django_user_model.objects.create_superuser("api", "api@example.org", "pw")
    _, token = APIToken.create_token(user=user, name="Integration")
    response = client.get(
        f"/api/v3/pages/{topic.pk}/",
        {"version": "draft"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert not response.has_header("ETag")


def test_reads_in_a_logged_in_session_are_private(admin_client, topic):
    response = admin_client.get(f"/api/v2/pages/{topic.pk}/")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert not response.has_header("ETag")


def test_errors_are_not_cached_publicly(client, db):
    response = client.get("/api/v3/publications/", {"limit": "abc"})
    assert response.status_code == 422
    assert "public" not in response.get("Cache-Control", "")


def test_cors_allows_the_configured_frontend_only(client, topic, settings):
    settings.CORS_ALLOWED_ORIGINS = [FRONTEND]
    url = f"/api/v3/pages/{topic.pk}/"

    allowed = client.get(url, headers={"Origin": FRONTEND})
    assert allowed["Access-Control-Allow-Origin"] == FRONTEND
    assert "ETag" in allowed["Access-Control-Expose-Headers"]

    other = client.get(url, headers={"Origin": "https://evil.example.com"})
    assert not other.has_header("Access-Control-Allow-Origin")

    preflight = client.options(
        url,
        headers={
            "Origin": FRONTEND,
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "authorization",
        },
    )
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Origin"] == FRONTEND
    assert "authorization" in preflight["Access-Control-Allow-Headers"]

    # The rendered site is not part of CORS.
    assert not client.get("/", headers={"Origin": FRONTEND}).has_header(
        "Access-Control-Allow-Origin"
    )
