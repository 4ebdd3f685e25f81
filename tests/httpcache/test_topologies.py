"""Every documented topology serves a change on the next request of every process.

Real processes against the test database (committed data, PostgreSQL): (a) ``runserver`` (its
own scheduler off) with a separate ``run_scheduler`` process that makes a scheduled revision go
live; (b) the README's production command, gunicorn with 3 workers and no Redis (the tag
versions are shared through the database), with a publish through the server's API and a
change made by ``manage.py shell``; (c) two instances sharing Redis: see
``test_two_instances.py``. Before each change every output is warmed until each process
answers from its cache; after it, every output is asked more often than there are processes,
and every answer must be the new one.
"""

import os
import secrets
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from tests.httpcache.test_two_instances import MAKE_TOKEN, free_port, get
from topics.factories import TopicPageFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ROOT = Path(__file__).resolve().parents[2]
ASKS = 12  # more than the processes: each worker gets its turn (gunicorn spreads by accept)


def environment(tmp_path, settings_module):
    db = settings.DATABASES["default"]
    env = {key: value for key, value in os.environ.items() if key not in ("REDIS_URL", "DEBUG")}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": settings_module,
            "SECRET_KEY": secrets.token_urlsafe(60),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SITE_BASE_URL": "https://cms.example.org",
            "DATABASE_URL": (
                f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/"
                f"{db['NAME']}"
            ),
            "STATIC_ROOT": str(tmp_path / "static"),
            "MEDIA_ROOT": str(tmp_path / "media"),
            "SECURE_SSL_REDIRECT": "false",
            "DEV_SECRET_KEY_FILE": str(tmp_path / "dev-secret-key"),
        }
    )
    return env


def manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout


def wait_until_up(base, process):
    for _ in range(300):
        if process.poll() is not None:
            pytest.fail(f"{base} exited: {process.stderr.read().decode()[-2000:]}")
        try:
            get(f"{base}/robots.txt")
            return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"{base} did not start")


def serve(command, env):
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    return process


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def outputs(topic):
    path = "/themen/thema/"
    return [
        path,
        f"/api/v2/pages/{topic.pk}/",
        f"/api/v3/pages/{topic.pk}/",
        f"/api/v3/page-by-path/?html_path={path}",
        "/api/v3/topics/",
        "/api/v3/search/?q=Fassung",
        "/suche/?q=Fassung",
    ]


def warm(base, urls, title):
    title = title.split()[0]  # search results mark the searched word: <mark>Fassung</mark>
    for url in urls:
        hits = 0
        for _ in range(ASKS):
            status, headers, body = get(base + url)
            assert status == 200, (url, status, body[:300])
            assert title in body, (url, body[:300])
            hits += headers.get("X-Response-Cache") == "hit"
        assert hits >= ASKS - 4, (url, hits)  # every process has its entry


def assert_everywhere(bases, urls, new, old):
    new, old = new.split()[0], old.split()[0]
    for base in bases:
        for url in urls:
            for _ in range(ASKS):
                status, _headers, body = get(base + url)
                assert status == 200, (base, url, status)
                assert new in body and old not in body, (base, url, body[:300])


@pytest.fixture
def topic(topic_index):
    return TopicPageFactory(parent=topic_index, title="Erste Fassung", slug="thema")


def test_gunicorn_with_three_workers_and_no_redis(tmp_path, topic, django_user_model):
    env = environment(tmp_path, "cms.settings.production")
    manage(env, "collectstatic", "--noinput", "-v0")
    django_user_model.objects.create_superuser("redaktion", "r@example.org", "pw")
    token = manage(env, "shell", "-c", MAKE_TOKEN).split()[-1]
    port = free_port()
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    process = serve([gunicorn, "cms.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "3"], env)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, process)
        urls = outputs(topic)
        warm(base, urls, "Erste Fassung")

        # A publish through the server's API: one worker writes, every worker must see it.
        topic.title = "Zweite Fassung"
        topic.save_revision()
        status, _, body = get(
            f"{base}/api/v3/pages/{topic.pk}/actions/publish/",
            method="POST",
            headers={"Authorization": f"Bearer {token}"},
        )
        assert status == 200, body[:500]
        assert_everywhere([base], urls, "Zweite Fassung", "Erste Fassung")

        # A change by a management command: another process altogether.
        warm(base, urls, "Zweite Fassung")
        manage(
            env,
            "shell",
            "-c",
            "from topics.models import TopicPage; "
            f"page = TopicPage.objects.get(pk={topic.pk}); page.title = 'Dritte Fassung'; "
            "page.save_revision().publish()",
        )
        assert_everywhere([base], urls, "Dritte Fassung", "Zweite Fassung")
    finally:
        stop(process)


def test_runserver_with_a_separate_scheduler_going_live(tmp_path, topic):
    env = environment(tmp_path, "cms.settings.dev")
    env["DEBUG"] = "false"
    port = free_port()
    process = serve(
        [
            sys.executable,
            "manage.py",
            "runserver",
            f"127.0.0.1:{port}",
            "--noreload",
            "--noscheduler",
        ],
        env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, process)
        urls = outputs(topic)
        warm(base, urls, "Erste Fassung")
        topic.title = "Geplante Fassung"
        topic.save_revision(approved_go_live_at=timezone.now() - timedelta(minutes=1))
        assert_everywhere([base], urls, "Erste Fassung", "Geplante Fassung")  # not live yet
        manage(env, "run_scheduler", "--once")
        assert_everywhere([base], urls, "Geplante Fassung", "Erste Fassung")
    finally:
        stop(process)
