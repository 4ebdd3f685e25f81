from django.core.management.base import BaseCommand, CommandError

from ops.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database and every media file (local or S3) into a new folder."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="a folder that does not exist yet")

    def handle(self, folder, **options):
        try:
            manifest = backup(folder)
        except (BackupError, FileExistsError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Sicherung in {folder}: Datenbank ({manifest['database']}), "
            f"{len(manifest['files'])} Mediendateien."
        )
