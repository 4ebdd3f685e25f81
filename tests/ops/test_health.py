"""Health endpoints: liveness answers without asking anything; readiness asks the database,
the cache, both file storages (read-only) and the migrations, and says which one failed."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .services import CuttingProxy, closed_port
from .test_s3_outage import Moto, use_bucket

ROOT = Path(__file__).resolve().parents[2]
# The orchestrator's probe: HEALTH_PROBE_TOKEN of the test settings in its header.
PROBE = {"X-Health-Probe-Token": "test-probe-token"}


def checks(response):
    """``{check name: "OK" or the error}`` from the JSON answer."""
    return {name.split("(")[0]: result for name, result in json.loads(response.content).items()}


def test_liveness_answers_and_is_never_cached(client, db):
    for _ in range(2):
        response = client.get("/health/live/")
        assert response.status_code == 200
        assert response.content == b"ok\n"
        assert "no-store" in response["Cache-Control"]
        assert response.get("X-Response-Cache") is None


def test_ready_when_everything_answers(client, db):
    for _ in range(2):
        response = client.get("/health/ready/", headers={"Accept": "application/json", **PROBE})
        assert response.status_code == 200
        assert checks(response) == {
            "Database": "OK",
            "Cache": "OK",
            "Storage": "OK",
            "Migrations": "OK",
        }
        assert "no-store" in response["Cache-Control"]
        assert response.get("X-Response-Cache") is None


def test_cache_down_is_not_ready_and_says_so(client, db, settings, caplog):
    settings.CACHES = {
        "default": {
            "BACKEND": "ops.cache.DegradingRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        }
    }
    # As with REDIS_URL set (cms/settings/base.py): Redis is also the shared cache.
    settings.RESPONSE_CACHE_VERSIONS = settings.RATELIMIT_USE_CACHE = "default"
    response = client.get("/health/ready/?format=json", headers=PROBE)
    assert response.status_code == 503
    result = checks(response)
    assert "Cache unreachable" in result["Cache"]
    assert result["Database"] == result["Storage"] == result["Migrations"] == "OK"
    # A failed probe is a warning of the library, not a server error in Django's request log.
    assert not [r for r in caplog.records if r.name == "django.request"]
    assert client.get("/health/live/").status_code == 200


def test_database_down_is_not_ready_and_says_so():
    """A process whose PostgreSQL does not answer (nothing listens on its port)."""
    script = (
        "import django, json; django.setup(); from django.test import Client; "
        "r = Client(headers={'X-Health-Probe-Token': 'test-probe-token'})"
        ".get('/health/ready/?format=json'); "
        "print(r.status_code); print(r.content.decode()); "
        "print(Client().get('/health/live/').status_code)"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{closed_port()}/gone",
    }
    out = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout.splitlines()
    assert out[0] == "503"
    result = {name.split("(")[0]: value for name, value in json.loads(out[1]).items()}
    assert result["Database"] != "OK"
    assert result["Cache"] == result["Storage"] == "OK"
    assert out[2] == "200"  # alive: an orchestrator must not restart it for the database


# --- The storage probe: read-only, and clear when the store is away -------------------------


def storage_checks(response):
    """``{alias: result}`` of the storage checks (one per storage: media and documents)."""
    return {
        name.split("'")[1]: result
        for name, result in json.loads(response.content).items()
        if name.startswith("Storage(")
    }


@pytest.fixture
def s3_behind_proxy(settings):
    """Both storages in a bucket of moto's S3 server, reached through a CuttingProxy that
    records every request."""
    moto = Moto()
    moto.start()
    moto.proxy = CuttingProxy(moto.port)
    use_bucket(settings, moto, moto.proxy.endpoint)
    try:
        yield moto
    finally:
        moto.proxy.close()
        if moto.server is not None:
            moto.stop()


def test_storage_probe_on_s3_writes_nothing(client, db, s3_behind_proxy):
    s3 = s3_behind_proxy
    s3.client.put_object(Bucket=s3.bucket, Key="private/documents/da.pdf", Body=b"%PDF-1.7")
    before = s3.objects()
    for _ in range(5):
        response = client.get("/health/ready/?format=json", headers=PROBE)
        assert response.status_code == 200
        assert storage_checks(response) == {"default": "OK", "documents": "OK"}
    # One HEAD on the bucket per storage and probe: no PUT, no DELETE, nothing new in it.
    assert s3.proxy.methods == ["HEAD"] * 10
    assert s3.objects() == before


def test_storage_down_is_not_ready_and_says_so(client, db, s3_behind_proxy):
    s3_behind_proxy.stop()
    started = time.monotonic()
    response = client.get("/health/ready/?format=json", headers=PROBE)
    assert time.monotonic() - started < 5
    assert response.status_code == 503
    result = checks(response)
    assert result["Database"] == result["Cache"] == result["Migrations"] == "OK"
    for outcome in storage_checks(response).values():
        assert outcome.startswith("Unavailable: Storage unreachable")
    assert client.get("/health/live/").status_code == 200


def test_storage_that_hangs_fails_the_probe_within_its_budget(client, db, s3_behind_proxy):
    """A store that takes connections and answers nothing (botocore would wait 60 s per
    attempt): the probe's own client gives up after its short timeout."""
    s3_behind_proxy.proxy.hanging = True
    started = time.monotonic()
    response = client.get("/health/ready/?format=json", headers=PROBE)
    assert time.monotonic() - started < 5
    assert response.status_code == 503
    for outcome in storage_checks(response).values():
        assert outcome == "Unavailable: Storage unreachable: ReadTimeoutError"


def test_a_bucket_that_is_missing_is_not_ready(client, db, s3_behind_proxy, settings):
    settings.STORAGES["documents"]["OPTIONS"]["bucket_name"] = "gibt-es-nicht"
    settings.STORAGES = {**settings.STORAGES}  # (re-set: Django's storages follow the change)
    response = client.get("/health/ready/?format=json", headers=PROBE)
    assert response.status_code == 503
    assert storage_checks(response) == {
        "default": "OK",
        "documents": "Unavailable: Storage answered 404 for its bucket",
    }


def test_local_storage_probe_checks_the_folder_without_writing(client, db, settings, tmp_path):
    media, private = tmp_path / "media", tmp_path / "private"
    media.mkdir()  # the private folder does not exist yet: Django makes it on the first save
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": media},
        },
        "documents": {
            "BACKEND": "documents.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": private},
        },
    }
    response = client.get("/health/ready/?format=json", headers=PROBE)
    assert response.status_code == 200
    assert storage_checks(response) == {"default": "OK", "documents": "OK"}
    assert list(tmp_path.rglob("*")) == [media]  # nothing written, nothing made

    # A media "folder" that is a file (os.access alone would pass for root).
    media.rmdir()
    media.write_bytes(b"")
    response = client.get("/health/ready/?format=json", headers=PROBE)
    assert response.status_code == 503
    assert storage_checks(response) == {
        "default": "Unavailable: Storage folder missing or not writable",
        "documents": "OK",
    }


def test_anyone_but_the_probe_gets_the_status_code_alone(client, db, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "ops.cache.DegradingRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        }
    }
    settings.RESPONSE_CACHE_VERSIONS = settings.RATELIMIT_USE_CACHE = "default"
    for headers in ({}, {"X-Health-Probe-Token": "geraten"}, {"Accept": "application/json"}):
        response = client.get("/health/ready/?format=json", headers=headers)
        assert response.status_code == 503
        assert response.content == b"nicht bereit\n"
        assert response["Content-Type"].startswith("text/plain")
        assert "no-store" in response["Cache-Control"]
    # With no token configured, nobody gets the details, not even with an empty header.
    settings.HEALTH_PROBE_TOKEN = ""
    response = client.get("/health/ready/?format=json", headers={"X-Health-Probe-Token": ""})
    assert response.content == b"nicht bereit\n"


def test_the_probe_is_told_which_check_failed(client, db, settings):
    settings.HEALTH_PROBE_TOKEN = "anderes-geheimnis"
    assert client.get("/health/ready/", headers=PROBE).content == b"ok\n"
    response = client.get(
        "/health/ready/?format=json", headers={"X-Health-Probe-Token": "anderes-geheimnis"}
    )
    assert checks(response)["Database"] == "OK"
