"""Adds the searches counted in the cache to the editors' report of frequent searches.

Run it every few minutes from cron, or as a long-running process with ``--interval``; the
scheduler (``run_scheduler``) runs it too.
"""

from jobs.commands import PeriodicCommand
from search.terms import flush


class Command(PeriodicCommand):
    help = "Überträgt die gezählten Suchanfragen in den Bericht „Suchbegriffe“."

    def run_round(self, **options):
        totals = flush()
        self.stdout.write(
            f"{len(totals)} Suchbegriff(e), {sum(totals.values())} Suche(n) übertragen."
        )
