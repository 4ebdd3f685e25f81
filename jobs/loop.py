"""The one loop of every long-running periodic command (``--interval``).

A round runs, then the loop waits out the rest of the interval (a round that took longer starts
the next at once). Before each further round it lets go of a database connection the server
dropped or that is older than CONN_MAX_AGE, as Django's ``db_worker`` does, so a PostgreSQL
restart needs no restart of the process. A round that raises is logged and the next one tries
anew: a service that is away for a while (the database, the bucket) stops no loop.
"""

import logging
import time

from django.db import close_old_connections

logger = logging.getLogger(__name__)


def repeat(round_, interval, *, stop=None):
    """Calls ``round_()`` every ``interval`` seconds until ``stop`` (a threading.Event) is set;
    without ``stop``, for good."""
    while True:
        started = time.monotonic()
        try:
            round_()
        except Exception:
            logger.exception("A periodic round failed; the next one tries again")
        remaining = max(0.0, interval - (time.monotonic() - started))
        if stop is None:
            time.sleep(remaining)
        elif stop.wait(remaining):
            return
        close_old_connections()
