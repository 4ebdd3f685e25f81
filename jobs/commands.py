"""The base of every management command that does one round of work and can keep doing it.

``manage.py <command>`` does one round and ends (for cron); ``--interval SEKUNDEN`` keeps it
running, one round every so many seconds, through :func:`jobs.loop.repeat`. A subclass
implements ``run_round(**options)``.
"""

from django.core.management.base import BaseCommand

from .loop import repeat


class PeriodicCommand(BaseCommand):
    #: The interval when ``--interval`` is not given; ``None``: one round, then end.
    default_interval = None

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=float,
            default=None,
            metavar="SEKUNDEN",
            help="Nicht beenden, sondern alle SEKUNDEN Sekunden wiederholen.",
        )

    def get_interval(self, options):
        return options.get("interval") or self.default_interval

    def handle(self, *args, **options):
        interval = self.get_interval(options)
        if not interval:
            self.run_round(**options)
            return
        self.started(interval)
        repeat(lambda: self.run_round(**options), interval)

    def started(self, interval):
        """Called once before a long-running command's first round."""

    def run_round(self, **options):
        raise NotImplementedError
