"""Removes files from the documents' storage that no publication holds (left by uploads that
failed half-way, see ``documents.orphans``), and aborts incomplete S3 multipart uploads."""

from documents.orphans import remove_orphans
from jobs.commands import PeriodicCommand


class Command(PeriodicCommand):
    help = (
        "Entfernt Dateien aus dem Speicher der Publikationen, zu denen es keine Publikation gibt "
        "(Reste abgebrochener Uploads), und bricht unvollständige S3-Mehrteil-Uploads ab."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
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

    def run_round(self, *, older_than=3600, dry_run=False, verbosity=1, **options):
        # With --interval, a round that fails (the store away again) is logged and the next
        # one tries anew (jobs/loop.py); without, the error ends the command.
        result = remove_orphans(older_than=older_than, dry_run=dry_run)
        verb = "zu entfernen" if dry_run else "entfernt"
        for name in result.files:
            self.stdout.write(f"Datei ohne Publikation {verb}: {name}")
        for key in result.uploads:
            self.stdout.write(f"Unvollständiger Upload {verb}: {key}")
        if result.files or result.uploads or verbosity > 1:
            self.stdout.write(
                f"{len(result.files)} Datei(en), {len(result.uploads)} Upload(s) {verb}."
            )
