"""requeue_lost_tasks as the janitor runs it: a task RUNNING longer than the limit goes back to
the queue, a younger one stays with its worker."""

import datetime
from io import StringIO

from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

TASK = "documents.tasks.extract_publication_metadata_task"


def test_a_task_running_longer_than_the_limit_is_requeued(db):
    now = timezone.now()
    for seconds, worker in ((1000, "weg"), (10, "beschaeftigt")):
        DBTaskResult.objects.create(
            status="RUNNING",
            started_at=now - datetime.timedelta(seconds=seconds),
            worker_ids=[worker],
            args_kwargs={"args": [0], "kwargs": {}},
            task_path=TASK,
            backend_name="default",
            run_after=now,
        )
    out = StringIO()
    call_command("requeue_lost_tasks", stale_after=900, stdout=out)
    assert out.getvalue().startswith("1 verlorene Aufgabe(n)")
    assert sorted((r.worker_ids[0], r.status) for r in DBTaskResult.objects.all()) == [
        ("beschaeftigt", "RUNNING"),
        ("weg", "READY"),
    ]
    assert DBTaskResult.objects.get(worker_ids=["weg"]).started_at is None
