"""Sends every webhook delivery that is due: retries after a failed attempt, and deliveries
whose task never ran (a process that died between the commit and the send).

Run it every minute from cron, or as a long-running process with ``--interval``.
"""

import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from webhooks.sending import sweep


class Command(BaseCommand):
    help = "Stellt alle fälligen Webhook-Zustellungen zu (Wiederholungen und liegengebliebene)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=float,
            default=None,
            metavar="SEKUNDEN",
            help="Nicht beenden, sondern alle SEKUNDEN Sekunden erneut zustellen.",
        )

    def handle(self, *args, interval=None, **options):
        while True:
            attempts = sweep()
            if attempts or interval is None:
                succeeded = sum(attempt.succeeded for attempt in attempts)
                self.stdout.write(
                    f"{len(attempts)} Zustellversuch(e), davon {succeeded} erfolgreich."
                )
            if interval is None:
                return
            time.sleep(interval)
            # As db_worker does: after sleeping, let go of a connection the database dropped or
            # that is older than CONN_MAX_AGE.
            close_old_connections()
