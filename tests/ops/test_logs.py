"""LOG_FORMAT=json: one JSON line per request with its id and duration; every other record a
JSON line carrying the id of the request it was logged in."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Both tests in one worker: they share the migrated file.
pytestmark = pytest.mark.xdist_group("ops-logs")

SCRIPT = """
import django, logging
django.setup()
from django.test import Client
client = Client()
print(client.get("/health/live/", headers={"X-Request-ID": "lb-123"})["X-Request-ID"])
print(client.get("/robots.txt")["X-Request-ID"])
print(client.get("/gibt-es-nicht/").status_code)
"""


def environment(path, **extra):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": f"sqlite:///{path}",
        **extra,
    }


@pytest.fixture(scope="module")
def migrated(tmp_path_factory):
    """A migrated SQLite file, made once for the module and copied for each test."""
    path = tmp_path_factory.mktemp("logs") / "migrated.sqlite3"
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v0"],
        cwd=ROOT,
        env=environment(path),
        capture_output=True,
        timeout=300,
        check=True,
    )
    return path


def run(log_format, migrated, tmp_path):
    path = tmp_path / "logs.sqlite3"
    shutil.copyfile(migrated, path)
    return subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=environment(path, LOG_FORMAT=log_format),
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )


def test_json_logs_one_line_per_request(migrated, tmp_path):
    result = run("json", migrated, tmp_path)
    given, made, not_found = result.stdout.split()
    assert given == "lb-123"  # the load balancer's id is kept and sent back
    assert len(made) == 32
    lines = [json.loads(line) for line in result.stderr.splitlines()]  # every line is JSON
    requests = [line for line in lines if line["logger"] == "ops.requests"]
    assert [(r["method"], r["path"], r["status"]) for r in requests] == [
        ("GET", "/health/live/", 200),
        ("GET", "/robots.txt", 200),
        ("GET", "/gibt-es-nicht/", 404),
    ]
    assert [r["request_id"] for r in requests[:2]] == ["lb-123", made]
    assert all(isinstance(r["duration_ms"], float) and r["duration_ms"] >= 0 for r in requests)
    assert all(r["level"] == "INFO" and r["time"].endswith("+00:00") for r in requests)
    # Django's own warning for the 404 carries the same request id as the request's line.
    not_found_log = [line for line in lines if line["logger"] == "django.request"]
    assert not_found_log and not_found_log[0]["request_id"] == requests[2]["request_id"]
    assert not_found == "404"


def test_text_logs_stay_quiet_by_default(migrated, tmp_path):
    result = run("text", migrated, tmp_path)
    assert "ops.requests" not in result.stderr
    assert not result.stderr.lstrip().startswith("{")
