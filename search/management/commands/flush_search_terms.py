"""Adds the searches counted in the cache to the editors' report of frequent searches.

Run it every few minutes from cron, or as a long-running process with ``--interval``.
"""

import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from search.terms import flush


class Command(BaseCommand):
    help = "Überträgt die gezählten Suchanfragen in den Bericht „Suchbegriffe“."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=float,
            default=None,
            metavar="SEKUNDEN",
            help="Nicht beenden, sondern alle SEKUNDEN Sekunden erneut übertragen.",
        )

    def handle(self, *args, interval=None, **options):
        while True:
            totals = flush()
            self.stdout.write(
                f"{len(totals)} Suchbegriff(e), {sum(totals.values())} Suche(n) übertragen."
            )
            if interval is None:
                return
            time.sleep(interval)
            close_old_connections()
