from django.core.management.base import BaseCommand, CommandError

from ops.backup import BackupError, backup
from ops.backup import generate_key as new_key


class Command(BaseCommand):
    help = (
        "Back up the database (without sessions and other ephemeral rows) and every media file "
        "(local or S3) into a new folder, encrypted with BACKUP_KEY."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", nargs="?", help="a folder that does not exist yet")
        parser.add_argument(
            "--generate-key",
            action="store_true",
            help="print a new key for BACKUP_KEY and do nothing else",
        )

    def handle(self, folder=None, generate_key=False, **options):
        if generate_key:
            self.stdout.write(new_key())
            return
        if not folder:
            raise CommandError("Bitte den Ordner der neuen Sicherung angeben.")
        try:
            manifest = backup(folder)
        except (BackupError, FileExistsError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Verschlüsselte Sicherung in {folder}: Datenbank ({manifest['database']}), "
            f"{len(manifest['files'])} Mediendateien, "
            f"{len(manifest.get('private_files', {}))} Dokumente."
        )
