"""Runs the periodic jobs (``governance.scheduler``): go-live and expiry dates, review reminders,
webhook retries. Start it next to the app like ``db_worker``; one process is enough (every job
is safe to run from two)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from governance.scheduler import run_forever, run_jobs


class Command(BaseCommand):
    help = (
        "Führt die regelmäßigen Aufgaben aus: geplante Veröffentlichungen und Abläufe, "
        "Erinnerungen an fällige Überprüfungen, Webhook-Wiederholungen."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=float,
            default=None,
            metavar="SEKUNDEN",
            help="Abstand zwischen zwei Durchläufen (Standard: SCHEDULER_INTERVAL, 60 Sekunden).",
        )
        parser.add_argument(
            "--once", action="store_true", help="Nur einmal ausführen und dann beenden."
        )

    def handle(self, *args, interval=None, once=False, **options):
        interval = interval or settings.SCHEDULER_INTERVAL
        if once:
            failed = run_jobs()
            if failed:
                self.stderr.write("Fehlgeschlagen: " + ", ".join(failed))
            return
        self.stdout.write(f"Scheduler läuft, alle {interval:g} Sekunden.")
        self.stdout.flush()
        run_forever(interval)
