"""Runs the periodic jobs the apps registered (``jobs.registry``): go-live and expiry dates,
review reminders, webhook retries, the search report. Start it next to the app like
``db_worker``; one process is enough (every job is safe to run from two)."""

from django.conf import settings

from jobs import registry
from jobs.commands import PeriodicCommand


class Command(PeriodicCommand):
    help = (
        "Führt die regelmäßigen Aufgaben aus, die die Apps angemeldet haben (geplante "
        "Veröffentlichungen und Abläufe, Erinnerungen an fällige Überprüfungen, "
        "Webhook-Wiederholungen, Suchbericht)."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--once", action="store_true", help="Nur einmal ausführen und dann beenden."
        )
        parser.add_argument(
            "--list", action="store_true", help="Die angemeldeten Aufgaben auflisten."
        )

    def get_interval(self, options):
        if options["once"]:
            return None
        return options["interval"] or settings.SCHEDULER_INTERVAL

    def handle(self, *args, **options):
        if options["list"]:
            for job in registry.registered():
                self.stdout.write(job.name)
            return
        super().handle(*args, **options)

    def started(self, interval):
        names = ", ".join(job.name for job in registry.registered())
        self.stdout.write(f"Scheduler läuft, alle {interval:g} Sekunden: {names}.")
        self.stdout.flush()

    def run_round(self, **options):
        failed = registry.run_all()
        if failed and options["once"]:
            self.stderr.write("Fehlgeschlagen: " + ", ".join(failed))
