"""The v3 API docs come from the site's own static files, and can be switched off."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db


def test_docs_reference_only_the_sites_own_files(client):
    response = client.get("/api/v3/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and all(url.startswith("/static/") for url in sources), sources
    assert "cdn" not in html.lower() and "://" not in html
    assert "object-src 'none'" in response["Content-Security-Policy"]


def test_docs_and_document_switched_off(client, settings):
    settings.WAGTAILAPI_DOCS_ENABLED = False
    assert client.get("/api/v3/docs/").status_code == 404
    assert client.get("/api/v3/openapi.json").status_code == 404
    assert client.get("/api/v3/pages/").status_code == 200  # the API itself stays


def test_api_docs_enabled_comes_from_the_environment():
    script = (
        "import django; django.setup(); from django.conf import settings as s;"
        "print(s.WAGTAILAPI_DOCS_ENABLED)"
    )
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "x" * 20 + "abcdefghij" * 4,
        "ALLOWED_HOSTS": "cms.example.org",
        "SITE_BASE_URL": "https://cms.example.org",
        "API_DOCS_ENABLED": "false",
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script],
        cwd=Path(__file__).resolve().parents[2],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "False"
