"""``runserver`` with the scheduler in the same process: the embedded default (one command, no
other processes) publishes scheduled pages and sends reminders too. ``--noscheduler`` turns it
off; in production run ``run_scheduler`` as its own process instead."""

import threading

from django.conf import settings
from django.contrib.staticfiles.management.commands.runserver import Command as RunserverCommand

from jobs import registry
from jobs.loop import repeat


class Command(RunserverCommand):
    help = RunserverCommand.help + " Startet auch den Scheduler (geplante Veröffentlichungen)."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--noscheduler",
            action="store_false",
            dest="use_scheduler",
            help="Den Scheduler nicht im selben Prozess starten.",
        )

    # Borrowed: see cms/borrowed.py (django runserver Command.inner_run)
    def inner_run(self, *args, **options):
        # inner_run runs in the serving process (the child when autoreloading), once per start.
        if options.get("use_scheduler", True):
            threading.Thread(
                target=repeat,
                args=(registry.run_all, settings.SCHEDULER_INTERVAL),
                name="scheduler",
                daemon=True,
            ).start()
        super().inner_run(*args, **options)
