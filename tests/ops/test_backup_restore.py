"""A backup of the demo site restored into a fresh database and an empty media location gives
the same output for every public URL: each page's HTML, v2 and v3 detail, every anonymous API
listing of the OpenAPI document, every document download, and every media file (covers, photos,
renditions) byte for byte.

The fresh database is a throwaway PostgreSQL cluster (tests/ops/services.py); the restored site
is read by a separate process with the same settings.
"""

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client
from wagtail.models import Page

from documents.models import Publication

from .services import ThrowawayPostgres

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ROOT = Path(__file__).resolve().parents[2]

READ = """
import hashlib, json, sys, django
django.setup()
from django.test import Client
client = Client()
out = {}
for url in json.load(sys.stdin):
    r = client.get(url)
    body = b"".join(r.streaming_content) if r.streaming else r.content
    out[url] = [r.status_code, hashlib.sha256(body).hexdigest()]
print(json.dumps(out))
"""


COUNT_SESSIONS = (
    "from django.contrib.sessions.models import Session; "
    "print(f'sessions={Session.objects.count()}')"
)


def public_urls(client):
    urls = set(re.findall(r"<loc>https?://[^/]+(/[^<]*)</loc>", client.get("/sitemap.xml").text))
    for page in Page.objects.live().public().filter(depth__gt=1):
        urls |= {f"/api/v2/pages/{page.pk}/", f"/api/v3/pages/{page.pk}/"}
    # Every anonymous listing of the OpenAPI document (those needing a token or a parameter
    # are not public URLs).
    for path, methods in client.get("/api/v3/openapi.json").json()["paths"].items():
        if "{" not in path and "get" in methods and client.get(path).status_code == 200:
            urls.add(path)
    urls |= {"/api/v2/pages/", "/api/v2/documents/", "/api/v2/images/", "/suche/?q=Beratung"}
    urls |= {doc.url for doc in Publication.objects.all()}
    return sorted(urls)


def read(client, urls):
    out = {}
    for url in urls:
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        out[url] = [response.status_code, hashlib.sha256(body).hexdigest()]
    return out


def tree(folder):
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(Path(folder).rglob("*"))
        if path.is_file()
    }


def test_restore_into_a_fresh_database_and_media_reproduces_every_public_url(
    client, settings, tmp_path, monkeypatch
):
    media, restored_media = tmp_path / "media", tmp_path / "restored-media"
    private, restored_private = tmp_path / "private-media", tmp_path / "restored-private-media"
    for folder in (media, restored_media, private, restored_private):
        folder.mkdir()
    settings.MEDIA_ROOT = str(media)
    settings.STORAGES = {
        **settings.STORAGES,
        "documents": {
            "BACKEND": "documents.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": str(private)},
        },
    }
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "demo-passwort-123")
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    urls = public_urls(client)
    before = read(client, urls)  # also makes the renditions the pages show
    assert len(urls) > 30
    assert {status for status, _ in before.values()} == {200}, [
        url for url, (status, _) in before.items() if status != 200
    ]

    key = Fernet.generate_key().decode()
    settings.BACKUP_KEY = [key]
    editor = Client()
    editor.force_login(get_user_model().objects.get(username="admin"))  # a live session
    assert Session.objects.exists()
    call_command("backup", str(tmp_path / "sicherung"), stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert b"PGDMP" not in (tmp_path / "sicherung" / "database.dump.enc").read_bytes()

    cluster = ThrowawayPostgres()
    try:
        cluster.init()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
            "DATABASE_URL": cluster.url,
            "MEDIA_ROOT": str(restored_media),
            "PRIVATE_MEDIA_ROOT": str(restored_private),
            "BACKUP_KEY": key,
        }
        restored = subprocess.run(
            [sys.executable, "manage.py", "restore", str(tmp_path / "sicherung"), "--noinput"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        assert "alle geprüft" in restored.stdout
        after = subprocess.run(
            [sys.executable, "-c", READ],
            cwd=ROOT,
            env=env,
            input=json.dumps(urls),
            capture_output=True,
            text=True,
            check=True,
        )
        sessions = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", COUNT_SESSIONS],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        cluster.close()
    assert sessions.stdout.split()[-1] == "sessions=0"  # no live session in the backup
    after = json.loads(after.stdout)
    assert [url for url in urls if after[url] != before[url]] == []
    assert tree(restored_media) == tree(media)
    assert tree(restored_private) == tree(private) != {}  # the documents, kept private
    print(f"\n{len(urls)} public URLs and {len(tree(media))} media files identical after restore")
