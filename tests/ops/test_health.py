"""Health endpoints: liveness answers without asking anything; readiness asks the database,
the cache, the media storage and the migrations, and says which one failed."""

import json
import os
import subprocess
import sys
from pathlib import Path

from .services import closed_port

ROOT = Path(__file__).resolve().parents[2]


def checks(response):
    """``{check name: "OK" or the error}`` from the JSON answer."""
    return {name.split("(")[0]: result for name, result in json.loads(response.content).items()}


def test_liveness_answers_and_is_never_cached(client, db):
    for _ in range(2):
        response = client.get("/health/live/")
        assert response.status_code == 200
        assert response.content == b"ok\n"
        assert "no-store" in response["Cache-Control"]
        assert response.get("X-Delivery-Cache") is None


def test_ready_when_everything_answers(client, db):
    for _ in range(2):
        response = client.get("/health/ready/", headers={"Accept": "application/json"})
        assert response.status_code == 200
        assert checks(response) == {
            "Database": "OK",
            "Cache": "OK",
            "Storage": "OK",
            "Migrations": "OK",
        }
        assert "no-store" in response["Cache-Control"]
        assert response.get("X-Delivery-Cache") is None


def test_cache_down_is_not_ready_and_says_so(client, db, settings, caplog):
    settings.CACHES = {
        "default": {
            "BACKEND": "ops.cache.DegradingRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        }
    }
    response = client.get("/health/ready/?format=json")
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
        "r = Client().get('/health/ready/?format=json'); "
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
