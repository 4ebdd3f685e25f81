"""The scheduler as a real process (``manage.py run_scheduler``), on its own SQLite file: a page
scheduled to go live a few seconds ahead goes live, one with an expiry goes offline, without
anyone typing a command."""

import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.waiting import NotReached, wait_until

ROOT = Path(__file__).resolve().parents[2]

SETUP = """
from datetime import timedelta
from django.utils import timezone
from wagtail.models import Site
from topics.models import TopicIndexPage, TopicPage

home = Site.objects.get(is_default_site=True).root_page
index = home.add_child(instance=TopicIndexPage(title="Themen", slug="themen"))
soon = timezone.now() + timedelta(seconds=5)
coming = index.add_child(
    instance=TopicPage(title="Geplant", slug="geplant", intro="Kommt gleich.", live=False)
)
coming.go_live_at = soon
coming.save_revision().publish()
leaving = index.add_child(instance=TopicPage(title="Läuft ab", slug="laeuft-ab", intro="Geht."))
leaving.expire_at = soon
leaving.save_revision().publish()
print(coming.pk, leaving.pk)
"""


def manage(env, *args, **kwargs):
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
        **kwargs,
    )


def live_state(database, *pks):
    with sqlite3.connect(database) as connection:
        placeholders = ",".join("?" * len(pks))
        query = f"SELECT id, live, expired FROM wagtailcore_page WHERE id IN ({placeholders})"  # noqa: S608
        rows = connection.execute(query, pks).fetchall()
    return {pk: (bool(live), bool(expired)) for pk, live, expired in rows}


def environment(path):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "TASKS_BACKEND"}
    }
    env.update(DATABASE_URL=f"sqlite:///{path}", DJANGO_SETTINGS_MODULE="cms.settings.test")
    return env


@pytest.fixture(scope="module")
def migrated(tmp_path_factory):
    """A migrated SQLite file, made once and copied for each test."""
    path = tmp_path_factory.mktemp("scheduler") / "migrated.sqlite3"
    manage(environment(path), "migrate", "-v0")
    return path


@pytest.fixture
def database(migrated, tmp_path):
    path = tmp_path / "scheduler.sqlite3"
    shutil.copyfile(migrated, path)
    return path, environment(path)


def free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize(
    "command",
    [
        # The process to run next to the app in production.
        ["run_scheduler", "--interval", "1"],
        # The embedded default: the development server runs the jobs itself.
        ["runserver", "--noreload", "PORT"],
    ],
    ids=["run_scheduler", "runserver"],
)
def test_the_scheduler_process_publishes_and_expires_on_time(database, command):
    path, env = database
    env = {**env, "SCHEDULER_INTERVAL": "1"}
    command = [f"127.0.0.1:{free_port()}" if arg == "PORT" else arg for arg in command]
    coming, leaving = map(int, manage(env, "shell", "-c", SETUP).stdout.split()[-2:])
    assert live_state(path, coming, leaving) == {coming: (False, False), leaving: (True, False)}

    scheduler = subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", *command],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        expected = {coming: (True, False), leaving: (False, True)}
        with contextlib.suppress(NotReached):  # the assertion below shows the state reached
            wait_until(
                lambda: (
                    live_state(path, coming, leaving) == expected or scheduler.poll() is not None
                ),
                timeout=60,
                interval=0.2,
            )
        state = live_state(path, coming, leaving)
        assert scheduler.poll() is None, scheduler.stdout.read()
    finally:
        scheduler.terminate()
        output = scheduler.communicate(timeout=30)[0]
    assert state == {coming: (True, False), leaving: (False, True)}, output
    if command[0] == "run_scheduler":
        assert "Scheduler läuft, alle 1 Sekunden: " in output


def test_the_scheduler_runs_the_jobs_the_apps_registered():
    """Each app puts its periodic jobs on the registry from its ready(); the scheduler names
    none of them (``jobs`` is in the core that the import contracts keep from the apps)."""
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("run_scheduler", "--list", stdout=out)
    assert sorted(out.getvalue().split()) == [
        "flush_search_terms",  # search
        "publish_scheduled",  # governance (Wagtail's go-live and expiry)
        "review_reminders",  # governance
        "sweep_webhooks",  # webhooks
    ]


@pytest.mark.django_db
def test_one_run_sends_the_reminders_and_a_failing_job_stops_no_other(monkeypatch, topic_index):
    import datetime
    import io

    from django.contrib.auth import get_user_model
    from django.core import mail
    from django.core.management import call_command
    from django.utils import timezone

    from jobs import registry
    from topics.factories import TopicPageFactory

    owner = get_user_model().objects.create_user("eigner", "eigner@example.org", "pw")
    TopicPageFactory(
        parent=topic_index,
        responsible_editor=owner,
        next_review_date=timezone.localdate() - datetime.timedelta(days=1),
    )

    def broken():
        raise RuntimeError("kaputt")

    # A job registered before all others that fails on every run.
    jobs = {job.name: job for job in registry.registered()}
    monkeypatch.setattr(registry, "_jobs", {"kaputt": registry.Job("kaputt", broken), **jobs})
    mail.outbox.clear()
    err = io.StringIO()
    call_command("run_scheduler", "--once", stderr=err)
    assert [m.to for m in mail.outbox] == [["eigner@example.org"]]
    assert err.getvalue().strip() == "Fehlgeschlagen: kaputt"
    call_command("run_scheduler", "--once", stderr=io.StringIO())
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_with_an_interval_a_failing_round_stops_no_loop(monkeypatch, caplog):
    """The one loop behind every --interval: a round that raises is logged, the next runs."""
    import io

    from django.core.management import call_command

    from jobs import loop, registry

    rounds = []

    def flaky():
        rounds.append(len(rounds))
        if len(rounds) == 1:
            raise RuntimeError("Speicher weg")

    class Stop(Exception):
        pass

    waits = []

    def sleep(seconds):
        waits.append(seconds)
        if len(waits) == 3:
            raise Stop

    monkeypatch.setattr(registry, "_jobs", {"flaky": registry.Job("flaky", flaky)})
    monkeypatch.setattr(loop.time, "sleep", sleep)
    with pytest.raises(Stop):
        call_command("run_scheduler", "--interval", "7", stdout=io.StringIO())
    assert rounds == [0, 1, 2]
    assert all(0 < wait <= 7 for wait in waits)
    assert "Scheduled job flaky failed" in caplog.text
