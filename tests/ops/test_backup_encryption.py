"""A backup keeps its secrets: mode 0600 files in a 0700 folder, no session (or other
ephemeral) rows, every byte encrypted with BACKUP_KEY, and restore refuses a wrong key and a
tampered file before it touches anything. Through the commands, on SQLite (in-process: the
test database is the one restored) and on PostgreSQL (tests/ops/test_backup_restore.py restores
into a fresh cluster and checks the same)."""

import os
import stat
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from wagtail.models import Collection, CollectionViewRestriction

from documents.factories import PublicationFactory
from webhooks.models import WebhookEndpoint

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

KEY = Fernet.generate_key().decode()
SECRET_TEXT = "Vertraulicher-Inhalt-im-Dokument-7731"


@pytest.fixture
def content(settings, tmp_path):
    """A logged-in admin (a live session), a webhook secret, a document in a private
    collection, a collection password."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {
        **settings.STORAGES,
        "documents": {
            "BACKEND": "documents.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private-media")},
        },
    }
    settings.BACKUP_KEY = [KEY]
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw-123")
    browser = Client()
    browser.force_login(admin)
    endpoint = WebhookEndpoint.objects.create(
        name="Frontend", url="https://www.example.org/hook", secret="webhook-geheimnis-4711"
    )
    private = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=private,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="sammlungs-passwort-0815",
    )
    document = PublicationFactory(title=SECRET_TEXT, collection=private)
    return {
        "session_key": browser.session.session_key,
        "endpoint": endpoint,
        "document": document,
    }


def every_byte(folder):
    return b"".join(path.read_bytes() for path in Path(folder).rglob("*") if path.is_file())


def quiet():
    return open(os.devnull, "w")  # noqa: SIM115


def test_backup_files_are_private_and_encrypted(content, tmp_path):
    target = tmp_path / "sicherungen" / "cms-1"
    call_command("backup", str(target), stdout=quiet())

    entries = [target, *target.rglob("*")]
    assert stat.S_IMODE(target.stat().st_mode) == 0o700
    modes = {str(p.relative_to(target)): stat.S_IMODE(p.stat().st_mode) for p in entries[1:]}
    assert {mode for name, mode in modes.items() if (target / name).is_dir()} == {0o700}
    assert {mode for name, mode in modes.items() if (target / name).is_file()} == {0o600}
    assert "database.dump.enc" in modes and "manifest.enc" in modes

    everything = every_byte(target)
    document = content["document"]
    with document.file.open("rb") as handle:
        pdf = handle.read()
    for secret in (
        b"webhook-geheimnis-4711",
        b"sammlungs-passwort-0815",
        content["session_key"].encode(),
        SECRET_TEXT.encode(),
        pdf[:200],
        b"%PDF",
        b"SQLite format",
        b"PGDMP",
        document.file.name.encode(),
    ):
        assert secret not in everything, secret


def test_backup_without_a_key_refuses_and_writes_nothing(content, settings, tmp_path):
    settings.BACKUP_KEY = []
    with pytest.raises(CommandError, match="BACKUP_KEY fehlt"):
        call_command("backup", str(tmp_path / "cms"), stdout=quiet())
    assert not (tmp_path / "cms").exists()


def test_generate_key_prints_a_key_backup_accepts(settings, tmp_path, capsys):
    call_command("backup", "--generate-key")
    key = capsys.readouterr().out.strip()
    settings.BACKUP_KEY = [key]
    call_command("backup", str(tmp_path / "cms"), stdout=quiet())
    assert (tmp_path / "cms" / "manifest.enc").exists()


@pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="restores into the test database itself: SQLite (PostgreSQL: test_backup_restore)",
)
def test_restore_brings_back_content_but_no_session(content, tmp_path):
    target = tmp_path / "cms"
    call_command("backup", str(target), stdout=quiet())
    assert Session.objects.filter(session_key=content["session_key"]).exists()
    WebhookEndpoint.objects.all().delete()  # changes after the backup are undone by restore
    private_root = Path(content["document"].file.storage.location)
    (private_root / content["document"].file.name).unlink()

    out = quiet()
    call_command("restore", str(target), "--noinput", stdout=out)

    assert connection.vendor == "sqlite"
    assert WebhookEndpoint.objects.get().secret == "webhook-geheimnis-4711"
    assert get_user_model().objects.filter(username="admin").exists()
    assert Session.objects.count() == 0  # the admin's live session is not in the backup
    assert (private_root / content["document"].file.name).read_bytes().startswith(b"%PDF")


def marker_survives():
    return WebhookEndpoint.objects.filter(name="Nach der Sicherung").exists()


@pytest.mark.parametrize(
    "tamper",
    ["flip-a-byte-in-the-database", "flip-a-byte-in-a-document", "truncate", "remove", "manifest"],
)
def test_restore_refuses_a_tampered_backup_and_changes_nothing(content, tmp_path, tamper):
    target = tmp_path / "cms"
    call_command("backup", str(target), stdout=quiet())
    WebhookEndpoint.objects.create(name="Nach der Sicherung", url="https://www.example.org/x")
    document_file = next((target / "private-media").iterdir())
    if tamper == "flip-a-byte-in-the-database":
        path = target / "database.dump.enc"
        data = bytearray(path.read_bytes())
        data[len(data) // 2] ^= 0x01
        path.write_bytes(bytes(data))
    elif tamper == "flip-a-byte-in-a-document":
        data = bytearray(document_file.read_bytes())
        data[-5] ^= 0x01
        document_file.write_bytes(bytes(data))
    elif tamper == "truncate":
        document_file.write_bytes(document_file.read_bytes()[:-100])
    elif tamper == "remove":
        document_file.unlink()
    else:
        path = target / "manifest.enc"
        path.write_bytes(path.read_bytes()[:-3] + b"AAA")

    with pytest.raises(CommandError) as refused:
        call_command("restore", str(target), "--noinput", stdout=quiet())
    message = str(refused.value)
    if tamper == "manifest":
        assert "nicht entschlüsseln" in message
    elif tamper == "remove":
        assert "fehlt in der Sicherung" in message
    else:
        assert "Prüfsumme" in message
    assert "Es wurde nichts wiederhergestellt" in message
    assert marker_survives()


def test_restore_refuses_a_wrong_key_and_changes_nothing(content, settings, tmp_path):
    target = tmp_path / "cms"
    call_command("backup", str(target), stdout=quiet())
    WebhookEndpoint.objects.create(name="Nach der Sicherung", url="https://www.example.org/x")
    settings.BACKUP_KEY = [Fernet.generate_key().decode()]
    with pytest.raises(CommandError, match="mit diesem BACKUP_KEY nicht entschlüsseln"):
        call_command("restore", str(target), "--noinput", stdout=quiet())
    assert marker_survives()


def test_a_rotated_key_still_restores_older_backups(content, settings, tmp_path):
    target = tmp_path / "cms"
    call_command("backup", str(target), stdout=quiet())
    settings.BACKUP_KEY = [Fernet.generate_key().decode(), KEY]  # new first, old kept
    out = quiet()
    if connection.vendor == "sqlite":
        call_command("restore", str(target), "--noinput", stdout=out)
        assert WebhookEndpoint.objects.get().secret == "webhook-geheimnis-4711"
    else:
        from ops.backup import read_manifest

        assert read_manifest(target)["database"] == "postgresql"
