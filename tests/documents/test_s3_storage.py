"""The object-storage path, over real HTTP: django-storages and boto3 against moto's server.

moto runs as a standalone server (ThreadedMotoServer) on a local port, so every upload,
download and delete below is a real signed S3 request, not an in-process mock.
"""

import json
import os
import socket
import subprocess
import sys
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from moto.server import ThreadedMotoServer
from wagtail.models import Collection

from documents.models import Publication

PORTS = range(8500, 8600)  # this project's port range for issue 5's services
CREDENTIALS = {"access_key": "moto-testing", "secret_key": "moto-testing-secret"}
REGION = "eu-central-1"
BASE_DIR = Path(__file__).resolve().parents[2]


def free_port():
    # Each xdist worker starts looking at its own place in the range, so that two workers
    # starting their moto servers at the same moment do not both pick the first free port.
    start = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0) * 10
    for port in [*PORTS[start:], *PORTS[:start]]:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    pytest.skip("no free port in 8500-8599 for the moto server")


@pytest.fixture(scope="session")
def moto_endpoint():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=free_port(), verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(moto_endpoint, settings):
    """A fresh private bucket, and Django's default storage pointing at it."""
    name = f"paritaet-{uuid.uuid4().hex[:12]}"
    client = boto3.client(
        "s3",
        endpoint_url=moto_endpoint,
        region_name=REGION,
        aws_access_key_id=CREDENTIALS["access_key"],
        aws_secret_access_key=CREDENTIALS["secret_key"],
    )
    client.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION})
    connection = {"bucket_name": name, "endpoint_url": moto_endpoint, "region_name": REGION}
    # As cms/settings/base.py configures a bucket: images under the public prefix with
    # unsigned URLs, documents under the private prefix.
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **connection,
                "location": "public",
                "querystring_auth": False,
                "file_overwrite": False,
                **CREDENTIALS,
            },
        },
        "documents": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **connection,
                "location": "private",
                "querystring_auth": True,
                "querystring_expire": 300,
                "file_overwrite": False,
                **CREDENTIALS,
            },
        },
    }
    # The bucket policy of the README: everyone may read the public prefix, nothing else.
    client.put_bucket_policy(Bucket=name, Policy=json.dumps(public_read_policy(name)))
    client.endpoint = moto_endpoint
    client.bucket_name = name
    return client


def public_read_policy(name):
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "PublicImages",
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{name}/public/*",
            }
        ],
    }


def keys(bucket):
    listing = bucket.list_objects_v2(Bucket=bucket.bucket_name)
    return sorted(item["Key"] for item in listing.get("Contents", []))


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def upload(admin_client, name, content, collection=None):
    return admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Broschüre auf S3",
            "file": SimpleUploadedFile(name, content),
            "collection": (collection or Collection.get_first_root_node()).pk,
            "publication_type": "broschuere",
            "language": "de",
        },
    )


def test_upload_puts_the_object_and_its_cover_in_the_bucket(
    admin_client, bucket, pdf_bytes, on_commit
):
    with on_commit():
        response = upload(admin_client, "broschuere.pdf", pdf_bytes)
    assert response.status_code == 302
    publication = Publication.objects.get()
    assert publication.file.name == "documents/broschuere.pdf"
    stored = bucket.get_object(Bucket=bucket.bucket_name, Key="private/documents/broschuere.pdf")
    assert stored["Body"].read() == pdf_bytes
    # The extraction read the file back from the bucket and stored the cover, a public image,
    # under the public prefix.
    assert publication.page_count == 2
    assert f"public/{publication.cover_image.file.name}" in keys(bucket)
    # No public grant on the object: the bucket stays private.
    grants = bucket.get_object_acl(
        Bucket=bucket.bucket_name, Key="private/documents/broschuere.pdf"
    )
    assert not [g for g in grants["Grants"] if "AllUsers" in g["Grantee"].get("URI", "")]
    # The storage's own URL is signed and expires; the site links the serve view instead.
    assert "X-Amz-Signature=" in publication.file.url
    assert publication.url == f"/documents/{publication.pk}/broschuere.pdf"


def test_deleting_the_document_removes_the_object(admin_client, bucket, pdf_bytes, on_commit):
    upload(admin_client, "weg.pdf", pdf_bytes)
    publication = Publication.objects.get()
    assert "private/documents/weg.pdf" in keys(bucket)
    with on_commit():
        response = admin_client.post(reverse("wagtaildocs:delete", args=(publication.pk,)))
    assert response.status_code == 302
    assert not Publication.objects.exists()
    assert keys(bucket) == []


def test_failed_upload_leaves_no_row_and_no_object(admin_client, bucket, on_commit):
    with on_commit():
        response = upload(admin_client, "falsch.pdf", b"<html><script>alert(1)</script></html>")
    assert response.status_code == 200
    assert "passt nicht zur Endung" in " ".join(response.context["form"].errors["file"])
    assert not Publication.objects.exists()
    assert keys(bucket) == []


def test_public_downloads_private_does_not(
    admin_client, anonymous, bucket, pdf_bytes, private_collection
):
    upload(admin_client, "oeffentlich.pdf", pdf_bytes)
    upload(admin_client, "intern.pdf", pdf_bytes, collection=private_collection)
    public = Publication.objects.get(file="documents/oeffentlich.pdf")
    private = Publication.objects.get(file="documents/intern.pdf")

    response = anonymous.get(public.url)
    assert response.status_code == 200  # streamed from the bucket by the serve view
    assert body(response) == pdf_bytes

    for headers in ({}, {"HTTP_IF_NONE_MATCH": f'"{private.file_hash}"'}):
        response = anonymous.get(private.url, **headers)
        assert response.status_code == 302
        assert "next=" in response["Location"]
        assert "amazonaws" not in response["Location"] and "X-Amz" not in response["Location"]


def test_images_are_public_and_unsigned_documents_stay_under_the_private_prefix(
    admin_client, anonymous, bucket, pdf_bytes, private_collection, on_commit
):
    """Must show 1 on S3: renditions load over plain unsigned URLs (CDN-friendly); no URL
    under the public prefix returns a private document's bytes; the serve view still works."""
    with on_commit():  # the public one's cover, an image, is rendered from the PDF
        upload(admin_client, "oeffentlich.pdf", pdf_bytes)
        upload(admin_client, "intern.pdf", pdf_bytes, collection=private_collection)
    private = Publication.objects.get(file="documents/intern.pdf")
    public_one = Publication.objects.get(file="documents/oeffentlich.pdf")
    rendition = public_one.cover_image.get_rendition("width-160")

    url = rendition.url
    assert url.startswith(f"{bucket.endpoint}/{bucket.bucket_name}/public/images/")
    assert "X-Amz" not in url and "Signature" not in url
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (moto, local)
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("image/")
        assert response.read()

    everything = keys(bucket)
    public = [key for key in everything if key.startswith("public/")]
    assert "private/documents/intern.pdf" in everything
    assert "private/documents/oeffentlich.pdf" in everything
    assert public and all(
        key.startswith(("public/images/", "public/original_images/")) for key in public
    )
    for key in public:
        data = bucket.get_object(Bucket=bucket.bucket_name, Key=key)["Body"].read()
        assert data != pdf_bytes
    for path in (
        "private/documents/intern.pdf",  # the object itself: not readable without credentials
        "public/documents/intern.pdf",
        "public/private/documents/intern.pdf",
    ):
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(f"{bucket.endpoint}/{bucket.bucket_name}/{path}", timeout=10)  # noqa: S310
        assert missing.value.code in (403, 404)

    assert anonymous.get(private.url).status_code == 302  # to the login
    response = admin_client.get(private.url)
    assert response.status_code == 200
    assert body(response) == pdf_bytes


def test_settings_switch_to_s3_only_with_a_bucket_name():
    """The default stays local files; AWS_STORAGE_BUCKET_NAME switches (cms/settings/base.py)."""
    script = (
        "import django; django.setup();"
        "from django.core.files.storage import default_storage as s;"
        "from django.conf import settings as c;"
        "print(type(s._wrapped if hasattr(s, '_wrapped') and s._wrapped else s).__name__,"
        " getattr(s, 'bucket_name', '-'), c.WAGTAILDOCS_SERVE_METHOD)"
    )

    def backend(**env):
        environment = {
            k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "DATABASE_URL"))
        }
        environment.update(DJANGO_SETTINGS_MODULE="cms.settings.dev", **env)
        result = subprocess.run(  # noqa: S603
            [sys.executable, "-c", script],
            cwd=BASE_DIR,
            env=environment,
            capture_output=True,
            text=True,
            check=True,
        )
        return result.stdout.split()

    assert backend() == ["FileSystemStorage", "-", "serve_view"]
    assert backend(AWS_STORAGE_BUCKET_NAME="publikationen", AWS_S3_REGION_NAME=REGION) == [
        "S3Storage",
        "publikationen",
        "serve_view",
    ]
