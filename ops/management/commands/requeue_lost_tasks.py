"""Put tasks of a worker that died (killed, out of memory, its machine gone) back in the queue.

django-tasks-db marks a task RUNNING when a worker claims it and nothing else ever looks at it
again: a worker killed in the middle leaves it RUNNING for good. Our tasks are idempotent (PDF
extraction skips a file it already read, webhooks have their own outbox), so running one again
is safe. A task is taken back

- when its worker starts again (``--worker-id``, the stable id the worker runs with: a task
  RUNNING under that id cannot be running any more), and
- when it has been RUNNING longer than ``--stale-after`` seconds, for a worker that does not
  come back (run with ``--interval`` as the janitor process).
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from jobs.commands import PeriodicCommand


def requeue(worker_id=None, stale_after=None):
    """Set the lost tasks READY again; return how many."""
    lost = []
    with transaction.atomic():
        for result in DBTaskResult.objects.running().select_for_update(skip_locked=True):
            mine = worker_id and result.worker_ids and result.worker_ids[-1] == worker_id
            stale = stale_after is not None and result.started_at < timezone.now() - (
                datetime.timedelta(seconds=stale_after)
            )
            if mine or stale:
                lost.append(result.pk)
        DBTaskResult.objects.filter(pk__in=lost).update(
            status=TaskResultStatus.READY, started_at=None
        )
    return len(lost)


class Command(PeriodicCommand):
    help = "Requeue background tasks whose worker died while running them."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--worker-id", help="this worker's stable id: its own lost tasks")
        parser.add_argument("--stale-after", type=int, help="seconds a task may run at most")

    def run_round(self, *, worker_id=None, stale_after=None, verbosity=1, **options):
        count = requeue(worker_id=worker_id, stale_after=stale_after)
        if count or verbosity > 1:
            self.stdout.write(f"{count} verlorene Aufgabe(n) wieder eingereiht.")
