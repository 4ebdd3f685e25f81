"""`manage.py sweep_webhooks`: what a crash left unsent is sent, and retries when they are due."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from webhooks.models import WebhookDelivery

from .support import make_endpoint, page_change, send_in_transaction

TASK = "webhooks.tasks.send_webhook_task"


def sweep():
    out = io.StringIO()
    call_command("sweep_webhooks", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_a_change_committed_just_before_a_crash_is_delivered_by_the_sweep(
    receiver, django_capture_on_commit_callbacks
):
    make_endpoint(receiver.url)
    # The change commits, and the process dies before anything waiting for the commit runs.
    with django_capture_on_commit_callbacks(execute=False):
        send_in_transaction(page_change())
    assert receiver.requests == []
    assert WebhookDelivery.objects.get().status == "pending"

    assert sweep() == "1 Zustellversuch(e), davon 1 erfolgreich.\n"
    assert len(receiver.requests) == 1
    assert WebhookDelivery.objects.get().status == "succeeded"
    assert sweep() == "0 Zustellversuch(e), davon 0 erfolgreich.\n"
    assert len(receiver.requests) == 1


# Real commits, a real queue: the worker, like a real one, refuses a connection left inside a
# transaction. serialized_rollback restores the data migrations' rows afterwards.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_worker_killed_before_sending_loses_nothing_and_sends_nothing_twice(receiver, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    make_endpoint(receiver.url)
    send_in_transaction(page_change())  # committed; the task is queued for the worker
    assert DBTaskResult.objects.filter(task_path=TASK, status="READY").count() == 1
    assert receiver.requests == []

    # The worker was killed before it got to the task: the sweep sends the delivery.
    sweep()
    assert len(receiver.requests) == 1
    assert WebhookDelivery.objects.get().status == "succeeded"

    # Restarted, the worker runs the queued task, which finds the delivery done.
    call_command("db_worker", batch=True, no_startup_delay=True, stdout=io.StringIO())
    assert DBTaskResult.objects.get(task_path=TASK).status == "SUCCESSFUL"
    assert len(receiver.requests) == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_with_the_database_queue_the_worker_sends_the_delivery(receiver, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    make_endpoint(receiver.url)
    send_in_transaction(page_change())
    assert receiver.requests == []
    call_command("db_worker", batch=True, no_startup_delay=True, stdout=io.StringIO())
    assert len(receiver.requests) == 1
    assert WebhookDelivery.objects.get().status == "succeeded"


class Stop(Exception):
    """The operator stops the long-running sweep."""


# Real commits: between rounds the command lets go of its connection, as a worker does.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_with_an_interval_it_keeps_sweeping(receiver, clock, settings, monkeypatch):
    settings.WEBHOOK_RETRY_BASE_SECONDS = 60
    receiver.script = [503]
    make_endpoint(receiver.url)
    send_in_transaction(page_change())  # first attempt on commit: 503; next due in a minute
    assert len(receiver.requests) == 1
    sleeps = []

    def sleep(seconds):  # time passes while the command sleeps
        sleeps.append(seconds)
        if len(sleeps) == 3:
            raise Stop
        clock.advance(seconds)

    monkeypatch.setattr("jobs.loop.time.sleep", sleep)
    out = io.StringIO()
    with pytest.raises(Stop):
        call_command("sweep_webhooks", interval=40, stdout=out)

    # Each round starts 40 seconds after the one before (less the time the round took).
    assert sleeps == [pytest.approx(40, abs=5)] * 3
    assert [a.status_code for a in WebhookDelivery.objects.get().attempt_log.all()] == [503, 200]
    # Rounds without anything due stay quiet.
    assert out.getvalue() == "1 Zustellversuch(e), davon 1 erfolgreich.\n"


@pytest.mark.django_db
def test_a_delivery_of_an_endpoint_deactivated_meanwhile_is_not_sent(receiver, commit, clock):
    receiver.script = [500]
    endpoint = make_endpoint(receiver.url)
    commit(page_change())
    endpoint.is_active = False
    endpoint.save()
    clock.advance(3600)  # the retry is due, but the endpoint no longer wants anything
    assert sweep().startswith("0 ")
    assert WebhookDelivery.objects.get().status == "pending"
    assert len(receiver.requests) == 1


def test_the_retry_settings_come_from_the_environment():
    root = Path(__file__).resolve().parents[2]
    code = (
        "from django.conf import settings;"
        "print(settings.WEBHOOK_MAX_ATTEMPTS, settings.WEBHOOK_RETRY_BASE_SECONDS)"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=root,
        env={**os.environ, "WEBHOOK_MAX_ATTEMPTS": "9", "WEBHOOK_RETRY_BASE_SECONDS": "15"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.split() == ["9", "15"], result.stderr
