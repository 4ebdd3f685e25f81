"""Two app instances on one PostgreSQL and one Redis: a publish through one is served by the
other on its very next request.

Two gunicorn processes run the production settings against the test database (committed data:
``transactional_db``) and share a Redis database (``TEST_REDIS_URL``, default database 12 on
127.0.0.1). Both are warmed until they answer from the response cache; then a draft is
published through the first one's API, and the second one is asked again.
"""

import os
import secrets
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from tests.waiting import answers, wait_until
from topics.factories import TopicPageFactory

# Committed data (the instances read it), and the data migrations' rows (root page, site)
# restored afterwards.
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    # Empties the Redis database that tests/cms/test_settings.py uses too: never at once.
    pytest.mark.xdist_group("redis-test-database"),
]

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/12")


MAKE_TOKEN = (
    "from django.contrib.auth import get_user_model; from wagtail.models import APIToken; "
    "user = get_user_model().objects.get(username='redaktion'); "
    "print(APIToken.create_token(user=user, name='Zwei Instanzen')[1])"
)


def redis_reachable():
    import redis

    try:
        return redis.Redis.from_url(REDIS_URL, socket_timeout=1).ping()
    except redis.RedisError:
        return False


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url, method="GET", headers=None, body=None):
    request = urllib.request.Request(
        url,
        method=method,
        data=body,
        headers={"X-Forwarded-Proto": "https", **(headers or {})},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


@pytest.fixture
def instances(tmp_path, collected_static):
    if not redis_reachable():
        pytest.skip(f"needs Redis at {REDIS_URL} (set TEST_REDIS_URL)")
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    db = settings.DATABASES["default"]
    database_url = (
        f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "127.0.0.1",
        # The public address of both (a load balancer's); the test reaches each directly.
        "SITE_BASE_URL": "https://cms.example.org",
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "STATIC_ROOT": str(collected_static),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "SECURE_SSL_REDIRECT": "false",
        "TRUSTED_PROXIES": "127.0.0.1",  # the requests play the proxy (X-Forwarded-Proto)
    }
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    ports = [free_port(), free_port()]
    processes = [
        subprocess.Popen(
            [gunicorn, "cms.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for port in ports
    ]
    bases = [f"http://127.0.0.1:{port}" for port in ports]
    try:
        for base in bases:
            wait_until(
                answers(lambda base=base: get(f"{base}/robots.txt")),
                timeout=60,
                message=f"{base} starts",
            )
        yield bases, env
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=20)
        redis.Redis.from_url(REDIS_URL).flushdb()


def test_a_publish_through_one_instance_is_served_by_the_other_at_once(
    instances, topic_index, django_user_model
):
    (first, second), env = instances
    topic = TopicPageFactory(parent=topic_index, title="Erste Fassung", slug="thema")
    django_user_model.objects.create_superuser("redaktion", "r@example.org", "pw")
    # Tokens are hashed with the SECRET_KEY: made under the instances' settings.
    token = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", MAKE_TOKEN],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()[-1]
    urls = [
        f"/api/v3/pages/{topic.pk}/",
        f"/api/v2/pages/{topic.pk}/",
        "/themen/thema/",
        "/api/v3/page-by-path/?html_path=/themen/thema/",
        "/api/v3/topics/",
        "/api/v3/search/?q=Fassung",
    ]

    for base in (first, second):
        for url in urls:
            get(base + url)
            status, headers, body = get(base + url)
            assert status == 200, (base, url, body[:300])
            assert headers["X-Response-Cache"] == "hit", (base, url)
            assert "Erste" in body  # (search marks the searched word: <mark>Fassung</mark>)

    topic.title = "Zweite Fassung"
    topic.save_revision()  # a draft: nothing public changes yet
    status, _, body = get(second + urls[0])
    assert "Erste Fassung" in body

    status, _, body = get(
        f"{first}/api/v3/pages/{topic.pk}/actions/publish/",
        method="POST",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert status == 200, body[:500]

    for url in urls:
        status, headers, body = get(second + url)
        assert status == 200, url
        assert "Zweite" in body, url
        assert "Erste" not in body, url
