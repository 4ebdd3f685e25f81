"""Backups of the whole CMS in one folder: the database and every media file, encrypted.

A backup is a folder (mode 0700, every file in it 0600) holding

- ``database.dump.enc``: PostgreSQL's custom-format dump (``pg_dump -Fc``), or for the embedded
  SQLite database a copy of it, without the rows of the ephemeral tables (:data:`EPHEMERAL`:
  sessions, login failure records, editing sessions, preview snapshots, unfinished uploads),
- ``media/``: every file of the default storage (images, covers, renditions), read
  through Django's storage API, so local ``MEDIA_ROOT`` and an S3 bucket back up alike,
- ``private-media/``: every file of the documents' own private storage (``STORAGES["documents"]``:
  ``PRIVATE_MEDIA_ROOT`` or the bucket's private prefix), the same way,
- ``manifest.enc``: when, from which database vendor, each media file's size and SHA-256, and
  the SHA-256 of every file of the backup as written.

Everything is encrypted with ``BACKUP_KEY`` (Fernet from ``cryptography``: AES-128-CBC with an
HMAC-SHA256 over each piece; the first key of the list encrypts, every key decrypts, so a key
can be rotated). Nothing is written in the clear, not even for a moment: the dump is read from
``pg_dump``'s output and encrypted on the way. A file is a series of pieces, each a 4-byte length
and a Fernet token of up to :data:`PIECE` bytes, so large files need no more memory than one
piece.

:func:`restore` first decrypts the manifest (a wrong key stops here) and checks the SHA-256 of
every file against it (a changed, missing, truncated or reordered file stops here), and only
then puts the backup into the configured database and storage (which should be fresh: a new
database and an empty media location), verifying every media file again after writing it.
"""

import datetime
import hashlib
import io
import json
import os
import shutil
import sqlite3
import struct
import subprocess
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.apps import apps
from django.conf import settings
from django.core.files import File
from django.core.files.storage import storages
from django.db import connection

MANIFEST = "manifest.enc"
DATABASE = "database.dump.enc"
PIECE = 4 << 20
LENGTH = struct.Struct(">I")

# Rows that are worthless (or dangerous: a live session is a login) in a restored copy. Their
# tables are kept, empty.
EPHEMERAL = (
    "sessions.Session",
    "axes.AccessAttempt",
    "axes.AccessAttemptExpiration",
    "axes.AccessFailureLog",
    "axes.AccessLog",
    "wagtailadmin.EditingSession",
    "wagtailcore.UploadedFile",
    "preview.FrontendPreview",
)


class BackupError(Exception):
    pass


def generate_key():
    return Fernet.generate_key().decode()


def _fernet():
    keys = [key for key in settings.BACKUP_KEY if key]
    if not keys:
        raise BackupError(
            "BACKUP_KEY fehlt: Sicherungen werden verschlüsselt. Einen Schlüssel erzeugt "
            "`manage.py backup --generate-key`."
        )
    try:
        return MultiFernet([Fernet(key) for key in keys])
    except ValueError:
        raise BackupError(
            "BACKUP_KEY ist kein gültiger Schlüssel (32 Byte, URL-sicheres Base64)."
        ) from None


def ephemeral_tables():
    tables = []
    for label in EPHEMERAL:
        app_label, _dot, model_name = label.partition(".")
        try:
            tables.append(apps.get_model(app_label, model_name)._meta.db_table)
        except LookupError:  # an app this installation does not use
            continue
    return tables


def _private_file(path):
    """A new file only its owner may read (created so, never briefly wider)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.fchmod(fd, 0o600)
    return os.fdopen(fd, "wb")


def _private_folder(path):
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.chmod(0o700)


class _EncryptingWriter:
    """Writes pieces of plaintext as length-prefixed Fernet tokens, hashing what it writes."""

    def __init__(self, handle, fernet):
        self.handle, self.fernet = handle, fernet
        self.digest = hashlib.sha256()
        self.size = 0

    def write_from(self, source):
        for piece in iter(lambda: source.read(PIECE), b""):
            token = self.fernet.encrypt(piece)
            record = LENGTH.pack(len(token)) + token
            self.handle.write(record)
            self.digest.update(record)
            self.size += len(record)


def _encrypt_into(path, source, fernet):
    """Encrypt the readable ``source`` into the new file ``path``; return its SHA-256."""
    with _private_file(path) as handle:
        writer = _EncryptingWriter(handle, fernet)
        writer.write_from(source)
    return writer.digest.hexdigest()


def _decrypted_pieces(path, fernet):
    with open(path, "rb") as handle:
        while header := handle.read(LENGTH.size):
            if len(header) != LENGTH.size:
                raise BackupError(f"{path.name} ist abgeschnitten")
            (length,) = LENGTH.unpack(header)
            token = handle.read(length)
            if len(token) != length:
                raise BackupError(f"{path.name} ist abgeschnitten")
            try:
                yield fernet.decrypt(token)
            except InvalidToken:
                raise BackupError(
                    f"{path.name} lässt sich nicht entschlüsseln: falscher BACKUP_KEY "
                    "oder veränderte Datei"
                ) from None


class _DecryptingReader(io.RawIOBase):
    """The plaintext of an encrypted file as a readable stream, one piece in memory at a time
    (not seekable: storages read it from the start)."""

    def __init__(self, path, fernet):
        self.pieces = _decrypted_pieces(path, fernet)
        self.buffer = b""

    def readable(self):
        return True

    def read(self, size=-1):
        while size < 0 or len(self.buffer) < size:
            piece = next(self.pieces, None)
            if piece is None:
                break
            self.buffer += piece
        if size < 0:
            size = len(self.buffer)
        data, self.buffer = self.buffer[:size], self.buffer[size:]
        return data

    def readinto(self, target):
        data = self.read(len(target))
        target[: len(data)] = data
        return len(data)


def _pg_env_and_args():
    params = connection.settings_dict
    env = {**os.environ}
    if params.get("PASSWORD"):
        env["PGPASSWORD"] = str(params["PASSWORD"])
    args = ["-h", params.get("HOST") or "127.0.0.1", "-p", str(params.get("PORT") or 5432)]
    if params.get("USER"):
        args += ["-U", params["USER"]]
    return env, [*args, "-d", params["NAME"]]


def _tool(name):
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} fehlt (PostgreSQL-Clientprogramme installieren)")
    return path


def _walk(storage, folder=""):
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # a local storage that has had no file yet
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for sub in sorted(folders):
        yield from _walk(storage, f"{folder}/{sub}" if folder else sub)


# (folder in the backup, storage alias, key in the manifest)
STORES = (("media", "default", "files"), ("private-media", "documents", "private_files"))


def _stores():
    for folder, alias, key in STORES:
        if alias in settings.STORAGES:
            yield folder, storages[alias], key


def _sha256_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class _Hashing(io.RawIOBase):
    """A readable wrapper that hashes and counts what passes through."""

    def __init__(self, source):
        self.source, self.digest, self.size = source, hashlib.sha256(), 0

    def readable(self):
        return True

    def read(self, size=-1):
        data = self.source.read(size)
        self.digest.update(data)
        self.size += len(data)
        return data


def _dump_postgresql(path, fernet):
    env, args = _pg_env_and_args()
    command = [_tool("pg_dump"), "-Fc", "--no-owner", "--no-acl"]
    command += [f"--exclude-table-data={table}" for table in ephemeral_tables()]
    # The arguments are the configured database's, not user input.
    with subprocess.Popen(  # noqa: S603
        [*command, *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as dump:
        digest = _encrypt_into(path, dump.stdout, fernet)
        errors = dump.stderr.read().decode(errors="replace")
    if dump.returncode:
        raise BackupError(f"pg_dump ist fehlgeschlagen: {errors.strip()}")
    return digest


def _dump_sqlite(path, fernet):
    connection.ensure_connection()
    with sqlite3.connect(":memory:") as copy:
        connection.connection.backup(copy)
        for table in ephemeral_tables():
            copy.execute(f'DELETE FROM "{table}"')  # noqa: S608 (our own table names)
        copy.commit()
        copy.execute("VACUUM")  # the deleted rows' pages go too
        data = copy.serialize()
    return _encrypt_into(path, io.BytesIO(data), fernet)


def backup(target, database=True):
    """Write an encrypted backup into the new folder ``target``; return the manifest.
    (``database=False`` leaves the database out: media only.) A backup that fails is removed."""
    fernet = _fernet()
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.mkdir(mode=0o700)  # FileExistsError for a folder that exists
    try:
        return _backup(target, database, fernet)
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise


def _backup(target, database, fernet):
    target.chmod(0o700)
    vendor = connection.vendor if database else None
    written = {}
    if not database:
        pass
    elif vendor == "postgresql":
        written[DATABASE] = _dump_postgresql(target / DATABASE, fernet)
    elif vendor == "sqlite":
        written[DATABASE] = _dump_sqlite(target / DATABASE, fernet)
    else:
        raise BackupError(f"Datenbank {vendor} wird nicht unterstützt")

    manifest = {
        "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "database": vendor,
        "ephemeral_tables_left_out": ephemeral_tables() if database else [],
    }
    for folder, storage, key in _stores():
        files = manifest[key] = {}
        for index, name in enumerate(_walk(storage)):
            # Stored under a number: the names of private documents stay inside the manifest.
            stored = f"{folder}/{index:06d}.enc"
            _private_folder(target / folder)
            with storage.open(name, "rb") as source:
                hashing = _Hashing(source)
                written[stored] = _encrypt_into(target / stored, hashing, fernet)
            files[name] = {
                "size": hashing.size,
                "sha256": hashing.digest.hexdigest(),
                "stored": stored,
            }
    manifest["written"] = written
    with _private_file(target / MANIFEST) as handle:
        handle.write(fernet.encrypt(json.dumps(manifest, sort_keys=True).encode()))
    return manifest


def read_manifest(source):
    """The decrypted manifest of the backup in ``source``, after checking every file of the
    backup against it. Raises :class:`BackupError` for a wrong key or a changed file."""
    source = Path(source)
    if not (source / MANIFEST).exists():
        if (source / "manifest.json").exists():
            raise BackupError(
                "Sicherung im alten, unverschlüsselten Format: mit diesem Stand nicht "
                "wiederherstellbar (und bitte sicher löschen, sie enthält alle Geheimnisse)."
            )
        raise BackupError(f"Keine Sicherung in {source} ({MANIFEST} fehlt)")
    fernet = _fernet()
    try:
        manifest = json.loads(fernet.decrypt((source / MANIFEST).read_bytes()))
    except InvalidToken:
        raise BackupError(
            "Die Sicherung lässt sich mit diesem BACKUP_KEY nicht entschlüsseln (falscher "
            "Schlüssel oder veränderte Datei). Es wurde nichts wiederhergestellt."
        ) from None
    for stored, expected in manifest["written"].items():
        path = source / stored
        if not path.is_file():
            raise BackupError(
                f"{stored} fehlt in der Sicherung. Es wurde nichts wiederhergestellt."
            )
        if _sha256_file(path) != expected:
            raise BackupError(
                f"{stored} stimmt nicht mit der Prüfsumme der Sicherung überein (verändert oder "
                "beschädigt). Es wurde nichts wiederhergestellt."
            )
    return manifest


def restore(source):
    """Restore the backup in ``source`` into the configured database and storage, then check
    every media file against the manifest; return the manifest."""
    source = Path(source)
    manifest = read_manifest(source)
    fernet = _fernet()
    vendor = connection.vendor
    if manifest["database"] not in (vendor, None):
        raise BackupError(f"Sicherung aus {manifest['database']}, Ziel ist {vendor}")
    if manifest["database"] is None:
        pass
    elif vendor == "postgresql":
        _restore_postgresql(source / DATABASE, fernet)
    else:
        data = b"".join(_decrypted_pieces(source / DATABASE, fernet))
        with sqlite3.connect(":memory:") as copy:
            copy.deserialize(data)
            connection.ensure_connection()
            copy.backup(connection.connection)

    for _folder, storage, key in _stores():
        files = manifest.get(key, {})
        for name, entry in files.items():
            if storage.exists(name):
                storage.delete(name)
            plain = File(_DecryptingReader(source / entry["stored"], fernet), name=name)
            plain.size = entry["size"]
            saved = storage.save(name, plain)
            if saved != name:
                raise BackupError(f"{name} wurde als {saved} gespeichert")
        for name, expected in files.items():
            digest = hashlib.sha256()
            with storage.open(name, "rb") as handle:
                for chunk in iter(lambda h=handle: h.read(1 << 20), b""):
                    digest.update(chunk)
            if digest.hexdigest() != expected["sha256"]:
                raise BackupError(f"{name} weicht nach der Wiederherstellung ab")
    return manifest


def _restore_postgresql(path, fernet):
    env, args = _pg_env_and_args()
    connection.close()
    command = [_tool("pg_restore"), "--no-owner", "--no-acl", "--clean", "--if-exists"]
    command += ["--single-transaction", *args]
    # The arguments are the configured database's, not user input; the dump arrives on stdin,
    # decrypted piece by piece, so it is never on disk in the clear.
    with subprocess.Popen(  # noqa: S603
        command, env=env, stdin=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        try:
            for piece in _decrypted_pieces(path, fernet):
                process.stdin.write(piece)
        finally:
            process.stdin.close()
        errors = process.stderr.read().decode(errors="replace")
    if process.returncode:
        raise BackupError(f"pg_restore ist fehlgeschlagen: {errors.strip()}")
