"""Sends today's review reminders once (the scheduler does this by itself)."""

from django.core.management.base import BaseCommand

from governance.reminders import send_review_reminders


class Command(BaseCommand):
    help = "Sendet die heutigen Erinnerungen an fällige Überprüfungen (höchstens eine je Person)."

    def handle(self, *args, **options):
        sent = send_review_reminders()
        self.stdout.write(f"{sent} Erinnerung(en) gesendet.")
