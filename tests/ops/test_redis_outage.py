"""Redis away: the site and the API keep answering from the database, and nothing stale is
served once Redis is back.

Against a real, throwaway ``redis-server`` (tests/ops/services.py): stopped (connections
refused) and paused (a partition: the port is open, nothing answers, the data survives).
"""

import time

import pytest
from django.core.cache import caches

from tests.waiting import wait_until
from topics.factories import TopicPageFactory

from .services import ThrowawayRedis


@pytest.fixture
def redis_server(settings):
    server = ThrowawayRedis()
    server.start()
    settings.CACHES = {
        "default": {
            "BACKEND": "ops.cache.DegradingRedisCache",
            "LOCATION": server.url,
            "OPTIONS": {"RECOVERY_INTERVAL": 0.2, "RETRY_AFTER": 2, "socket_timeout": 0.3},
        }
    }
    # As with REDIS_URL set (cms/settings/base.py): Redis is also the shared cache.
    settings.RESPONSE_CACHE_VERSIONS = settings.RATELIMIT_USE_CACHE = "default"
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def topic(topic_index):
    return TopicPageFactory(parent=topic_index, title="Erste Fassung", slug="thema")


def urls(page):
    return [page.url, f"/api/v2/pages/{page.pk}/", f"/api/v3/pages/{page.pk}/"]


def warm(client, page):
    for url in urls(page):
        client.get(url)
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["X-Response-Cache"] == "hit", url


def wait_for_repair():
    """Until this process has emptied the cache after its lost writes and asks Redis again."""
    cache = caches["default"]
    wait_until(lambda: not cache._lost_writes and cache._available(), timeout=10)
    assert not cache._lost_writes and cache._available()


def publish(topic, title, django_capture_on_commit_callbacks):
    topic.title = title
    with django_capture_on_commit_callbacks(execute=True):
        topic.save_revision().publish()


def test_redis_stopped_site_and_api_still_answer(client, redis_server, topic, caplog):
    warm(client, topic)
    redis_server.stop()
    for url in [*urls(topic), "/api/v3/topics/", "/api/v3/navigation/", "/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.get("X-Response-Cache") is None, url
    assert "Erste Fassung" in client.get(topic.url).content.decode()
    assert any("answering without the cache" in r.getMessage() for r in caplog.records)

    ready = client.get(
        "/health/ready/?format=json", headers={"X-Health-Probe-Token": "test-probe-token"}
    )
    assert ready.status_code == 503
    assert any("Cache" in name and "unreachable" in value for name, value in ready.json().items())

    redis_server.start()  # empty (no persistence): it fills again
    wait_for_repair()
    warm(client, topic)
    assert client.get("/health/ready/").status_code == 200


def test_a_change_made_while_redis_was_away_is_served_once_it_is_back(
    client, redis_server, topic, django_capture_on_commit_callbacks
):
    warm(client, topic)
    redis_server.pause()  # the old entries and tag versions stay in Redis
    publish(topic, "Zweite Fassung", django_capture_on_commit_callbacks)  # invalidation lost
    for url in urls(topic):
        started = time.monotonic()
        response = client.get(url)
        # A hanging Redis costs its timeout once per RETRY_AFTER, not on every cache call.
        assert time.monotonic() - started < 1.5, url
        assert response.status_code == 200, url
        assert "Zweite Fassung" in response.content.decode(), url

    redis_server.resume()
    # Another process reading now would still find the old entries: the repair empties the
    # cache from a background thread within RECOVERY_INTERVAL, without waiting for traffic.
    raw = redis_server.client()
    wait_until(lambda: raw.dbsize() == 0, timeout=10, message="the repair empties Redis")
    assert raw.dbsize() == 0

    for url in urls(topic):
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert "Zweite Fassung" in body and "Erste Fassung" not in body, url
    warm(client, topic)


def test_without_the_repair_the_old_entries_would_be_served(
    client, redis_server, topic, django_capture_on_commit_callbacks
):
    """The control: what the repair prevents is real. Restoring the old entries' tag versions
    (as if the repair had not run) brings the old page back."""
    warm(client, topic)
    raw = redis_server.client()
    before = {key: raw.get(key) for key in raw.keys("*")}
    redis_server.pause()
    publish(topic, "Zweite Fassung", django_capture_on_commit_callbacks)
    redis_server.resume()
    wait_until(lambda: raw.dbsize() == 0, timeout=10, message="the repair empties Redis")
    raw.mset(before)
    assert "Erste Fassung" in client.get(topic.url).content.decode()
