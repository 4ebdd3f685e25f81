"""The site's languages: configured by SITE_LANGUAGES, a Locale for each, the language of a URL
is its prefix alone."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Locale

from content.locales import language, language_from_path, site_languages

ROOT = Path(__file__).resolve().parents[2]
ALL = ["de", "de-x-ls", "en", "ar", "fa", "uk", "ru", "tr"]


def settings_with(**env):
    """The language settings a process with these environment variables gets."""
    code = (
        "import json, django; from django.conf import settings; django.setup(); "
        "print(json.dumps({n: getattr(settings, n) for n in "
        "('SITE_LANGUAGES', 'LANGUAGES', 'WAGTAIL_CONTENT_LANGUAGES', 'WAGTAIL_I18N_ENABLED')}))"
    )
    environment = {k: v for k, v in os.environ.items() if k != "SITE_LANGUAGES"}
    environment.update(DJANGO_SETTINGS_MODULE="cms.settings.test", **env)
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_default_languages_are_the_association_s():
    assert settings.SITE_LANGUAGES == ALL
    assert settings.WAGTAIL_I18N_ENABLED
    assert [code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES] == ALL
    assert [lang.code for lang in site_languages() if lang.direction == "rtl"] == ["ar", "fa"]
    assert language("de-x-ls").name == "Leichte Sprache"
    assert language("AR").own_name == "العربية"


def test_site_languages_choose_the_locales():
    result = settings_with(SITE_LANGUAGES="de,en,ar")
    assert result.returncode == 0, result.stderr
    configured = json.loads(result.stdout)
    assert configured["WAGTAIL_CONTENT_LANGUAGES"] == [
        ["de", "Deutsch"],
        ["en", "Englisch"],
        ["ar", "Arabisch"],
    ]
    # The admin's languages stay available to Django.
    assert [code for code, _ in configured["LANGUAGES"]] == ["de", "en", "ar"]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("en,de", "must start with the default language 'de'"),
        ("de,xx", "unknown language 'xx'"),
        ("de,en,en", "names a language twice"),
    ],
)
def test_bad_site_languages_refuse_to_start(value, message):
    result = settings_with(SITE_LANGUAGES=value)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


@pytest.mark.django_db
def test_every_configured_language_has_a_locale_after_migrate():
    assert sorted(Locale.objects.values_list("language_code", flat=True)) == sorted(ALL)


@pytest.mark.django_db
def test_load_demo_content_creates_missing_locales(settings):
    Locale.objects.filter(language_code__in=["fa", "tr"]).delete()
    call_command("load_demo_content", stdout=io.StringIO())
    assert sorted(Locale.objects.values_list("language_code", flat=True)) == sorted(ALL)
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    assert "nichts geändert" in out.getvalue()


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("/en/themen/", "en"),
        ("/de-x-ls/", "de-x-ls"),
        ("/ar", "ar"),
        ("/themen/fluechtlingsarbeit/", None),
        ("/de/themen/", None),
        ("/xx/", None),
        ("/english/", None),
        ("/", None),
    ],
)
def test_language_from_path(path, code):
    assert language_from_path(path) == code


def test_german_urls_ignore_the_browser_s_language(demo, client):
    response = client.get(
        "/themen/fluechtlingsarbeit/", HTTP_ACCEPT_LANGUAGE="en", HTTP_COOKIE="django_language=ar"
    )
    assert response.status_code == 200
    assert "Accept-Language" not in response.get("Vary", "")
    assert 'lang="de"' in response.text


def test_unknown_language_prefix_is_a_404(demo, client):
    assert client.get("/xx/themen/").status_code == 404
    assert client.get("/de/themen/").status_code == 404
