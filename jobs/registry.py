"""The periodic jobs, as the apps register them from their ``AppConfig.ready()``.

The scheduler (``manage.py run_scheduler``) knows no app: it runs whatever is registered here,
in the order registered (INSTALLED_APPS order), each job on its own, so one failing job stops
no other. A job is a function without arguments that is safe to run again at any time and from
two processes at once (each job says in its docstring why it is).

    from jobs import registry
    registry.register("sweep_webhooks", sweep)
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    name: str
    run: Callable[[], object]


_jobs: dict[str, Job] = {}


def register(name, run):
    """Run ``run()`` on every round of the scheduler, under ``name`` (logs, ``--list``)."""
    if name in _jobs and _jobs[name].run is not run:
        raise ImproperlyConfigured(f"Two periodic jobs are called {name!r}.")
    _jobs[name] = Job(name, run)


def registered():
    """Every registered job, in the order registered."""
    return list(_jobs.values())


def run_all():
    """Runs every registered job once; a failing job is logged and stops no other.

    Returns the names of the jobs that failed."""
    failed = []
    for job in registered():
        try:
            job.run()
        except Exception:
            logger.exception("Scheduled job %s failed", job.name)
            failed.append(job.name)
    return failed
