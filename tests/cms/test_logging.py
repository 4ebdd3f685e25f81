"""Each log record is printed once (Django's own console handler used to print it again)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("settings_module", ["cms.settings.dev", "cms.settings.test"])
def test_a_warning_of_django_is_printed_once(settings_module, tmp_path):
    environment = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE=settings_module,
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    script = (
        "import django, logging; django.setup(); "
        "logging.getLogger('django.request').warning('Nicht gefunden: /favicon.ico')"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("Nicht gefunden: /favicon.ico") == 1, result.stderr
