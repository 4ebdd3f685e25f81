"""``manage.py remove_orphan_documents`` on local files: a file in the documents' storage that no
publication holds goes once it is older than ``--older-than``; a held file, and a young one that
may belong to an upload still being saved, stay. (On S3, with multipart uploads, see
tests/ops/test_s3_outage.py.)"""

import io
import os
import time

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command

from documents.factories import PublicationFactory
from documents.storage import document_storage


@pytest.fixture
def own_private_storage(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "documents": {
            "BACKEND": "documents.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": tmp_path / "private"},
        },
    }
    return tmp_path / "private"


def run(*args):
    out = io.StringIO()
    call_command("remove_orphan_documents", *args, stdout=out)
    return out.getvalue()


def test_only_old_files_without_a_publication_are_removed(db, own_private_storage):
    held = PublicationFactory().file.name
    old = document_storage.save("documents/abgebrochen.pdf", ContentFile(b"%PDF-1.7 alt"))
    young = document_storage.save("documents/gerade.pdf", ContentFile(b"%PDF-1.7 neu"))
    two_hours_ago = time.time() - 7200
    for name in (held, old):
        os.utime(own_private_storage / name, (two_hours_ago, two_hours_ago))

    assert run("--dry-run") == (
        "Datei ohne Publikation zu entfernen: documents/abgebrochen.pdf\n"
        "1 Datei(en), 0 Upload(s) zu entfernen.\n"
    )
    assert document_storage.exists(old)

    assert "Datei ohne Publikation entfernt: documents/abgebrochen.pdf" in run()
    assert not document_storage.exists(old)
    assert document_storage.exists(held) and document_storage.exists(young)
    assert run() == ""  # nothing left to do, nothing said
