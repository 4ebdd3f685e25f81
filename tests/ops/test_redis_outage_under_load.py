"""Redis stopped while gunicorn serves under load: every request of the rendered page and the
API still answers 200 (from the database), before, during and after the outage, and the app is
not restarted."""

import os
import secrets
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings

from tests.waiting import wait_until
from topics.factories import TopicPageFactory

from .services import ThrowawayRedis, free_port, wait_for_port
from .test_postgres_restart import get

pytestmark = [
    pytest.mark.postgres,  # gunicorn reads the test database from another process
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def app(topic_index, tmp_path, collected_static):
    topic = TopicPageFactory(parent=topic_index, title="Unter Last", slug="thema")
    redis_server = ThrowawayRedis()
    redis_server.start()
    db = settings.DATABASES["default"]
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_BASE_URL": f"http://127.0.0.1:{port}",
        "DATABASE_URL": (
            f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
        ),
        "REDIS_URL": redis_server.url,
        "STATIC_ROOT": str(collected_static),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "SECURE_SSL_REDIRECT": "false",
    }
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
        yield f"http://127.0.0.1:{port}", topic, redis_server, server
    finally:
        server.terminate()
        server.wait(timeout=30)
        redis_server.close()


def test_redis_stopped_under_load_every_request_still_answers(app):
    base, topic, redis_server, server = app
    urls = ["/themen/thema/", f"/api/v3/pages/{topic.pk}/", f"/api/v2/pages/{topic.pk}/"]
    for url in urls:
        get(base + url)
        assert get(base + url)[1]["X-Response-Cache"] == "hit", url

    results = []
    stop = threading.Event()

    def load(offset):
        n = offset
        while not stop.is_set():
            url = urls[n % len(urls)]
            n += 1
            try:
                status, headers, body = get(base + url)
            except OSError as error:
                status, headers, body = None, {}, str(error)
            results.append((time.monotonic(), url, status, headers.get("X-Response-Cache"), body))

    threads = [threading.Thread(target=load, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    try:
        wait_until(lambda: len(results) >= 12, timeout=60, message="load before the outage")
        went_down = time.monotonic()
        redis_server.stop()
        wait_until(
            lambda: sum(r[0] > went_down + 0.5 for r in list(results)) >= 12,
            timeout=60,
            message="load while Redis is down",
        )
        came_back = time.monotonic()
        redis_server.start()
        wait_until(
            lambda: any(r[0] > came_back + 2 and r[3] == "hit" for r in list(results)),
            timeout=60,
            message="a cache hit after Redis is back",
        )
    finally:
        stop.set()
        for thread in threads:
            thread.join()

    assert server.poll() is None
    assert [r[:3] for r in results if r[2] != 200] == []
    assert all("Unter Last" in r[4] for r in results)
    during = [r for r in results if went_down + 0.5 < r[0] < came_back]
    assert during and all(r[3] is None for r in during)  # answered from the database
    assert any(r[3] == "hit" for r in results if r[0] > came_back + 2)  # the cache is back
    print(f"\n{len(results)} requests, {len(during)} while Redis was down, all 200")
