"""PostgreSQL restarted under load: two gunicorn workers keep serving, requests fail only while
the database is down (with the German 503 page or problem+json), the workers reconnect by
themselves, and a publish made just before the restart is there afterwards.

The database is a throwaway cluster (tests/ops/services.py) loaded with a dump of the test
database; the app runs the production settings under gunicorn, as in production.
"""

import os
import secrets
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.models import APIToken

from tests.waiting import wait_until
from topics.factories import TopicPageFactory

from .services import ThrowawayPostgres, free_port, wait_for_port

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ROOT = Path(__file__).resolve().parents[2]
SECRET = secrets.token_urlsafe(60)


def get(url, method="GET", headers=None):
    request = urllib.request.Request(
        url, method=method, headers={"X-Forwarded-Proto": "https", **(headers or {})}
    )
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


@pytest.fixture
def content(topic_index, django_user_model, settings):
    settings.SECRET_KEY = SECRET  # API tokens are hashed with the instances' key
    topic = TopicPageFactory(parent=topic_index, title="Vor dem Neustart", slug="thema")
    user = django_user_model.objects.create_superuser("redaktion", "r@example.org", "pw")
    token = APIToken.create_token(user=user, name="Neustart")[1]
    topic.title = "Nach dem Neustart"
    topic.save_revision()  # a draft, published through the app just before the restart
    return topic, token


@pytest.fixture
def app(content, tmp_path, collected_static):
    """The test database copied into a throwaway cluster, served by gunicorn (2 workers)."""
    cluster = ThrowawayPostgres()
    server = None
    try:
        cluster.init()
        url = cluster.url
        server, base = serve(url, tmp_path, collected_static)
        yield base, cluster, server
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        cluster.close()


def serve(database_url, tmp_path, static_root):
    db = settings.DATABASES["default"]
    source = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    dump = subprocess.run(
        ["pg_dump", "--no-owner", f"{source}/{db['NAME']}"], check=True, capture_output=True
    ).stdout
    subprocess.run(
        ["psql", "-q", "-v", "ON_ERROR_STOP=1", database_url],
        input=dump,
        check=True,
        capture_output=True,
    )
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": SECRET,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_BASE_URL": f"http://127.0.0.1:{port}",
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(static_root),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "SECURE_SSL_REDIRECT": "false",
        "TRUSTED_PROXIES": "127.0.0.1",  # the requests play the proxy (X-Forwarded-Proto)
        "RESPONSE_CACHE_TIMEOUT": "0",  # every read goes to the database
        "HEALTH_PROBE_TOKEN": "probe",  # the readiness details below
    }
    env.pop("REDIS_URL", None)
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    server = subprocess.Popen(
        [gunicorn, "cms.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, timeout=60)
    except RuntimeError:
        server.terminate()
        raise
    return server, f"http://127.0.0.1:{port}"


def test_postgres_restart_under_load(app, content):
    base, cluster, server = app
    topic, token = content
    urls = ["/themen/thema/", f"/api/v3/pages/{topic.pk}/", f"/api/v2/pages/{topic.pk}/"]
    for url in urls:
        assert get(base + url)[0] == 200, url

    results = []  # (monotonic time, url, status, content type, body head)
    stop = threading.Event()

    def load(offset):
        n = offset
        while not stop.is_set():
            url = urls[n % len(urls)]
            n += 1
            try:
                status, headers, body = get(base + url)
                results.append((time.monotonic(), url, status, headers["Content-Type"], body))
            except OSError as error:
                results.append((time.monotonic(), url, None, "", str(error)))

    threads = [threading.Thread(target=load, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    try:
        wait_until(lambda: len(results) >= 12, timeout=60, message="load before the restart")
        # A publish made just before the database goes away.
        status, _, body = get(
            f"{base}/api/v3/pages/{topic.pk}/actions/publish/",
            method="POST",
            headers={"Authorization": f"Bearer {token}"},
        )
        assert status == 200, body[:500]
        went_down = time.monotonic()
        cluster.stop("immediate")  # as a crash or a failover: no clean shutdown
        wait_until(
            lambda: any(r[0] > went_down and r[2] != 200 for r in list(results)),
            timeout=60,
            message="a request meets the outage",
        )
        down_status = get(
            base + "/health/ready/?format=json", headers={"X-Health-Probe-Token": "probe"}
        )
        cluster.start()
        came_back = time.monotonic()
        wait_until(
            lambda: sum(r[0] > came_back + 1 for r in list(results)) >= 12,
            timeout=60,
            message="load after the restart",
        )
    finally:
        stop.set()
        for thread in threads:
            thread.join()

    assert server.poll() is None  # the app was not restarted
    before = [r for r in results if r[0] < went_down]
    during = [r for r in results if went_down <= r[0] <= came_back + 1]
    after = [r for r in results if r[0] > came_back + 1]
    assert before and after
    assert all(r[2] == 200 for r in before), [r[:3] for r in before if r[2] != 200]
    assert all(r[2] == 200 for r in after), [r[:3] for r in after if r[2] != 200]
    failed = [r for r in during if r[2] != 200]
    assert failed, "the outage was not seen at all"
    for _, url, status, content_type, body in failed:
        assert status == 503, (url, status, body[:200])
        if url.startswith("/api/"):
            assert content_type == "application/problem+json"
            assert "vorübergehend nicht erreichbar" in body
        else:
            assert "Vorübergehend nicht erreichbar" in body
    assert down_status[0] == 503 and "Database" in down_status[2]
    # The publish made just before the crash is there, in the page and in the API.
    for url in urls:
        status, _, body = get(base + url)
        assert status == 200 and "Nach dem Neustart" in body, url
        assert "Vor dem Neustart" not in body, url
    print(
        f"\n{len(before)} before, {len(during)} while down ({len(failed)} failed), "
        f"{len(after)} after"
    )
