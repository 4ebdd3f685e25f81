from django.core.management.base import BaseCommand, CommandError

from ops.backup import BackupError, read_manifest, restore


class Command(BaseCommand):
    help = (
        "Restore a backup (manage.py backup) into the configured database and media storage, "
        "replacing what is there, and verify every media file."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive")

    def handle(self, folder, interactive=True, **options):
        try:
            read_manifest(folder)  # a wrong key or a changed file stops before the question
        except BackupError as error:
            raise CommandError(str(error)) from error
        if interactive:
            answer = input("Datenbank und Medien werden ersetzt. Fortfahren? [ja/nein] ")
            if answer.strip().lower() != "ja":
                raise CommandError("Abgebrochen.")
        try:
            manifest = restore(folder)
        except (BackupError, FileNotFoundError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Wiederhergestellt aus {folder} (Sicherung vom {manifest['created']}): "
            f"Datenbank und {len(manifest['files'])} Mediendateien und "
            f"{len(manifest.get('private_files', {}))} Dokumente, alle geprüft."
        )
