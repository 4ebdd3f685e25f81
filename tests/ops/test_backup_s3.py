"""Backups read media through the storage API: an S3 bucket (moto's server over real HTTP) is
backed up and restored into an empty bucket byte for byte."""

import uuid

import boto3
import pytest
from cryptography.fernet import Fernet

from ops.backup import backup, restore

from .test_s3_outage import CREDENTIALS, REGION, Moto


@pytest.fixture
def moto():
    server = Moto()
    server.start()
    yield server
    server.stop()


def use_bucket(settings, moto):
    client = boto3.client(
        "s3",
        endpoint_url=moto.endpoint,
        region_name=REGION,
        aws_access_key_id=CREDENTIALS["access_key"],
        aws_secret_access_key=CREDENTIALS["secret_key"],
    )
    name = f"paritaet-{uuid.uuid4().hex[:12]}"
    client.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION})
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {"bucket_name": name, "endpoint_url": moto.endpoint,
                        "region_name": REGION, **CREDENTIALS},
        },
    }  # fmt: skip

    def objects():
        listing = client.list_objects_v2(Bucket=name).get("Contents", [])
        return {
            item["Key"]: client.get_object(Bucket=name, Key=item["Key"])["Body"].read()
            for item in listing
        }

    return client, name, objects


def test_media_in_s3_backs_up_and_restores_into_an_empty_bucket(settings, moto, tmp_path):
    client, first, first_objects = use_bucket(settings, moto)
    files = {
        "documents/broschüre.pdf": b"%PDF-1.7 eins",
        "images/foto.jpg": b"\xff\xd8\xff bild",
        "images/renditions/foto.fill-100x100.jpg": b"\xff\xd8 klein",
    }
    for key, body in files.items():
        client.put_object(Bucket=first, Key=key, Body=body)

    settings.BACKUP_KEY = [Fernet.generate_key().decode()]
    manifest = backup(tmp_path / "sicherung", database=False)
    assert set(manifest["files"]) == set(files)

    _, _, second_objects = use_bucket(settings, moto)
    assert second_objects() == {}
    restore(tmp_path / "sicherung")
    assert second_objects() == first_objects() == files
