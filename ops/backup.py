"""Backups of the whole CMS in one folder: the database and every media file.

A backup is a folder holding

- ``database.dump``: PostgreSQL's custom-format dump (``pg_dump -Fc``), or ``database.sqlite3``
  for the embedded SQLite database (SQLite's online backup),
- ``media/``: every file of the default storage (images, covers, renditions), read
  through Django's storage API, so local ``MEDIA_ROOT`` and an S3 bucket back up alike,
- ``private-media/``: every file of the documents' own private storage (``STORAGES["documents"]``:
  ``PRIVATE_MEDIA_ROOT`` or the bucket's private prefix), the same way,
- ``manifest.json``: when, from which database vendor, and each media file's size and SHA-256.

:func:`restore` puts a backup into the configured database and storage (which should be fresh:
a new database and an empty media location) and verifies every media file against the manifest.
"""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import storages
from django.db import connection

MANIFEST = "manifest.json"


class BackupError(Exception):
    pass


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
    folders, files = storage.listdir(folder)
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


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def backup(target, database=True):
    """Write a backup into the new folder ``target``; return the manifest. (``database=False``
    leaves the database out: media only.)"""
    target = Path(target)
    target.mkdir(parents=True)
    vendor = connection.vendor if database else None
    if not database:
        pass
    elif vendor == "postgresql":
        env, args = _pg_env_and_args()
        dump = [_tool("pg_dump"), "-Fc", "--no-owner", "--no-acl"]
        # The arguments are the configured database's, not user input.
        subprocess.run([*dump, "-f", str(target / "database.dump"), *args], env=env, check=True)  # noqa: S603
    elif vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(target / "database.sqlite3") as copy:
            connection.connection.backup(copy)
    else:
        raise BackupError(f"Datenbank {vendor} wird nicht unterstützt")

    manifest = {
        "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "database": vendor,
    }
    for folder, storage, key in _stores():
        files = manifest[key] = {}
        for name in _walk(storage):
            destination = target / folder / name
            destination.parent.mkdir(parents=True, exist_ok=True)
            with storage.open(name, "rb") as source, open(destination, "wb") as out:
                shutil.copyfileobj(source, out)
            files[name] = {"size": destination.stat().st_size, "sha256": _sha256(destination)}
    (target / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
    return manifest


def restore(source):
    """Restore the backup in ``source`` into the configured database and storage, then check
    every media file against the manifest; return the manifest."""
    source = Path(source)
    manifest = json.loads((source / MANIFEST).read_text())
    vendor = connection.vendor
    if manifest["database"] not in (vendor, None):
        raise BackupError(f"Sicherung aus {manifest['database']}, Ziel ist {vendor}")
    if manifest["database"] is None:
        pass
    elif vendor == "postgresql":
        env, args = _pg_env_and_args()
        connection.close()
        command = [_tool("pg_restore"), "--no-owner", "--no-acl", "--clean", "--if-exists"]
        command += ["--single-transaction", *args, str(source / "database.dump")]
        subprocess.run(command, env=env, check=True)  # noqa: S603
    else:
        connection.ensure_connection()
        with sqlite3.connect(source / "database.sqlite3") as copy:
            copy.backup(connection.connection)

    for folder, storage, key in _stores():
        files = manifest.get(key, {})
        for name in files:
            if storage.exists(name):
                storage.delete(name)
            with open(source / folder / name, "rb") as handle:
                saved = storage.save(name, File(handle, name=name))
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
