"""S3 away during an upload: the editor gets a clear German form error, and nothing is
half-saved (no document row without its file, no file without its row). Against moto's S3
server over real HTTP, stopped for the upload and started again (its objects survive)."""

import uuid

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from moto.server import ThreadedMotoServer
from wagtail.models import Collection

from demo.media import publication_pdf
from documents.models import Publication

from .services import free_port

CREDENTIALS = {"access_key": "moto-testing", "secret_key": "moto-testing-secret"}
REGION = "eu-central-1"


class Moto:
    def __init__(self):
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self.server = None

    def start(self):
        self.server = ThreadedMotoServer(ip_address="127.0.0.1", port=self.port, verbose=False)
        self.server.start()

    def stop(self):
        self.server.stop()
        self.server = None


@pytest.fixture
def s3(settings):
    moto = Moto()
    moto.start()
    client = boto3.client(
        "s3",
        endpoint_url=moto.endpoint,
        region_name=REGION,
        aws_access_key_id=CREDENTIALS["access_key"],
        aws_secret_access_key=CREDENTIALS["secret_key"],
    )
    bucket = f"paritaet-{uuid.uuid4().hex[:12]}"
    client.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION})
    options = {
        "bucket_name": bucket,
        "endpoint_url": moto.endpoint,
        "region_name": REGION,
        "file_overwrite": False,
        **CREDENTIALS,
    }
    # As production lays out one bucket: public images, documents under a private prefix.
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options},
        "documents": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**options, "location": "private", "querystring_auth": True},
        },
    }
    moto.objects = lambda: sorted(
        item["Key"] for item in client.list_objects_v2(Bucket=bucket).get("Contents", [])
    )
    try:
        yield moto
    finally:
        if moto.server is not None:
            moto.stop()


def pdf(name):
    return SimpleUploadedFile(name, publication_pdf("Broschüre", ["Ein Satz."]))


def upload(admin_client, name):
    return admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Broschüre",
            "file": pdf(name),
            "collection": Collection.get_first_root_node().pk,
            "publication_type": "broschuere",
            "language": "de",
        },
    )


def test_upload_while_s3_is_away_fails_clearly_and_leaves_nothing(
    admin_client, s3, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert upload(admin_client, "vorher.pdf").status_code == 302
    before_rows, before_keys = list(Publication.objects.values_list("pk", flat=True)), s3.objects()
    assert "private/documents/vorher.pdf" in before_keys

    s3.stop()
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(admin_client, "waehrend.pdf")
    assert response.status_code == 200  # the form again, not a server error
    errors = " ".join(response.context["form"].errors["file"])
    assert "Dateispeicher gerade nicht erreichbar" in errors
    assert "Es wurde nichts gespeichert" in errors

    # The admin's multiple upload (drag and drop) answers its JSON error alike.
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": pdf("mehrfach.pdf"), "collection": Collection.get_first_root_node().pk},
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert "Dateispeicher" in response.json()["error_message"]

    s3.start()
    assert list(Publication.objects.values_list("pk", flat=True)) == before_rows
    assert s3.objects() == before_keys  # no object without its row
    with django_capture_on_commit_callbacks(execute=True):
        assert upload(admin_client, "danach.pdf").status_code == 302
    assert Publication.objects.count() == len(before_rows) + 1
    assert "private/documents/danach.pdf" in s3.objects()
