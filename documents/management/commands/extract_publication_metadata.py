"""Queues the metadata extraction for publications whose file has not been read yet.

For libraries imported from elsewhere, or after a bulk change. Runs through the same task as an
upload; already read files are skipped unless --refresh is given.
"""

from django.core.management.base import BaseCommand

from documents.models import Publication
from documents.tasks import extract_publication_metadata_task


class Command(BaseCommand):
    help = (
        "Liest Seitenzahl, Größe, Text und Titelbild aus den Dateien der Publikationen, "
        "die noch nicht ausgelesen wurden (mit --refresh: aus allen)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--refresh", action="store_true", help="Auch bereits ausgelesene Dateien neu lesen."
        )

    def handle(self, *args, refresh=False, **options):
        publications = Publication.objects.order_by("pk")
        if not refresh:
            publications = publications.filter(extracted_file_hash="")
        count = 0
        for pk in publications.values_list("pk", flat=True).iterator():
            extract_publication_metadata_task.enqueue(pk, refresh=refresh)
            count += 1
        self.stdout.write(f"{count} Publikation(en) zum Auslesen eingereiht.")
