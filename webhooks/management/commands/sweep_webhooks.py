"""Sends every webhook delivery that is due: retries after a failed attempt, and deliveries
whose task never ran (a process that died between the commit and the send).

Run it every minute from cron, or as a long-running process with ``--interval``; the scheduler
(``run_scheduler``) runs it too.
"""

from jobs.commands import PeriodicCommand
from webhooks.sending import sweep


class Command(PeriodicCommand):
    help = "Stellt alle fälligen Webhook-Zustellungen zu (Wiederholungen und liegengebliebene)."

    def run_round(self, *, interval=None, **options):
        attempts = sweep()
        # A long-running sweep stays quiet in rounds without anything due.
        if attempts or interval is None:
            succeeded = sum(attempt.succeeded for attempt in attempts)
            self.stdout.write(f"{len(attempts)} Zustellversuch(e), davon {succeeded} erfolgreich.")
