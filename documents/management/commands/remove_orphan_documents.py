"""Removes files from the documents' storage that no publication holds (left by uploads that
failed half-way, see ``documents.orphans``), and aborts incomplete S3 multipart uploads."""

import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from documents.orphans import remove_orphans


class Command(BaseCommand):
    help = (
        "Entfernt Dateien aus dem Speicher der Publikationen, zu denen es keine Publikation gibt "
        "(Reste abgebrochener Uploads), und bricht unvollständige S3-Mehrteil-Uploads ab."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            default=3600,
            metavar="SEKUNDEN",
            help="Nur Dateien und Uploads, die älter sind (Standard: 3600). Jüngere können zu "
            "einem Upload gehören, der gerade gespeichert wird.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Nur auflisten, nichts entfernen."
        )
        parser.add_argument(
            "--interval",
            type=int,
            metavar="SEKUNDEN",
            help="Weiterlaufen und alle SEKUNDEN Sekunden wiederholen.",
        )

    def handle(self, *args, older_than=3600, dry_run=False, interval=None, **options):
        while True:
            try:
                result = remove_orphans(older_than=older_than, dry_run=dry_run)
            except Exception as error:
                if not interval:
                    raise
                # The store may be away again; the next round tries anew.
                self.stderr.write(f"Speicher nicht erreichbar: {error}")
            else:
                verb = "zu entfernen" if dry_run else "entfernt"
                for name in result.files:
                    self.stdout.write(f"Datei ohne Publikation {verb}: {name}")
                for key in result.uploads:
                    self.stdout.write(f"Unvollständiger Upload {verb}: {key}")
                if result.files or result.uploads or options["verbosity"] > 1:
                    self.stdout.write(
                        f"{len(result.files)} Datei(en), {len(result.uploads)} Upload(s) {verb}."
                    )
            if not interval:
                return
            close_old_connections()  # as db_worker does, between rounds
            time.sleep(interval)
