"""Fixtures for the publications tests: generated files and a private collection."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.models import Collection, CollectionViewRestriction

from demo.media import publication_pdf


@pytest.fixture
def pdf_bytes():
    return publication_pdf(
        "Arbeitshilfe Testdokument", ["Ein Satz mit dem Wort Zuwanderungsberatung."]
    )


@pytest.fixture
def pdf_upload(pdf_bytes):
    return SimpleUploadedFile("arbeitshilfe.pdf", pdf_bytes, content_type="application/pdf")


@pytest.fixture
def private_collection(db):
    """A collection visible only to logged-in users (Wagtail's collection privacy)."""
    collection = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """``with on_commit(): …`` runs what the block queued for the commit (the extraction task)
    when the block ends, as a real commit would: tests run inside a transaction."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def anonymous():
    """A client of its own: ``client`` is the one ``admin_client`` logs in."""
    return Client()
