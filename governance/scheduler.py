"""The periodic jobs that must run without anyone typing a command.

- ``publish_scheduled``: Wagtail's go-live and expiry of pages and snippets (it saves them, so
  the response cache, CDN purge and webhooks see the change like any publish).
- review reminders (``governance.reminders``): at most one mail per editor and day, so running
  them every few minutes is harmless.
- ``sweep_webhooks``: retries of webhook deliveries.
- ``flush_search_terms``: the searches counted in the cache, added to the editors' report.
"""

import io
import logging
import time

from django.core.management import call_command
from django.db import close_old_connections

from .reminders import send_review_reminders

logger = logging.getLogger(__name__)


def _publish_scheduled():
    call_command("publish_scheduled", verbosity=0)


def _sweep_webhooks():
    call_command("sweep_webhooks", verbosity=0)


def _flush_search_terms():
    call_command("flush_search_terms", verbosity=0, stdout=io.StringIO())


JOBS = [
    ("publish_scheduled", _publish_scheduled),
    ("review_reminders", send_review_reminders),
    ("sweep_webhooks", _sweep_webhooks),
    ("flush_search_terms", _flush_search_terms),
]


def run_jobs():
    """Runs every job once; one failing job does not stop the others. Returns the failures."""
    failed = []
    for name, job in JOBS:
        try:
            job()
        except Exception:
            logger.exception("Scheduled job %s failed", name)
            failed.append(name)
    return failed


def run_forever(interval, *, stop=None):
    """Runs the jobs every ``interval`` seconds until ``stop`` (a threading.Event) is set."""
    while stop is None or not stop.is_set():
        started = time.monotonic()
        run_jobs()
        # As db_worker does: let go of a connection the database dropped or that is too old.
        close_old_connections()
        remaining = max(0.0, interval - (time.monotonic() - started))
        if stop is None:
            time.sleep(remaining)
        elif stop.wait(remaining):
            return
