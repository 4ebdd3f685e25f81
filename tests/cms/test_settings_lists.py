"""One literal INSTALLED_APPS and one literal MIDDLEWARE, in cms/settings/base.py: each
environment's final lists are exactly these, so their order is written in one place.

dev, test and production differ by settings values (e.g. WHITENOISE_USE_FINDERS), never by
adding to, removing from or reordering the lists."""

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = ROOT / "cms" / "settings"
LISTS = ("INSTALLED_APPS", "MIDDLEWARE")
PRODUCTION_ENV = {
    "SECRET_KEY": "k7#" + "x9Lq2!vB4mZ8wR1tY6uN3pS5dF0gH7jK" * 2,
    "ALLOWED_HOSTS": "cms.example.org",
    "SITE_BASE_URL": "https://cms.example.org",
}


def literals():
    """The lists as written in base.py (one assignment of a list of strings each)."""
    tree = ast.parse((SETTINGS / "base.py").read_text())
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            name = getattr(node.targets[0], "id", None)
            if name in LISTS:
                assert name not in found, f"{name} is assigned twice in base.py"
                found[name] = ast.literal_eval(node.value)
    assert set(found) == set(LISTS)
    return found


def final_lists(module):
    """The lists as a process with ``module`` as its settings sees them."""
    code = (
        "import importlib, json; "
        f"m = importlib.import_module('cms.settings.{module}'); "
        f"print(json.dumps({{name: getattr(m, name) for name in {LISTS!r}}}))"
    )
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", *PRODUCTION_ENV}
    }
    env.update(PRODUCTION_ENV)
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("module", ["base", "dev", "production", "test"])
def test_each_environment_runs_the_literal_lists(module):
    assert final_lists(module) == literals()


@pytest.mark.parametrize("path", sorted(SETTINGS.glob("*.py")), ids=lambda path: path.name)
def test_no_settings_module_splices_the_lists(path):
    """Only base.py's one assignment names the lists: no +=, insert, slice or comprehension."""
    tree = ast.parse(path.read_text())
    uses = [
        node.lineno
        for node in ast.walk(tree)
        if (isinstance(node, ast.Name) and node.id in LISTS)
        or (isinstance(node, ast.alias) and node.name in LISTS)
    ]
    expected = [
        node.lineno
        for node in tree.body
        if path.name == "base.py"
        and isinstance(node, ast.Assign)
        and getattr(node.targets[0], "id", None) in LISTS
    ]
    assert uses == expected, f"{path.name} names {LISTS} on lines {uses}"


def test_the_literal_names_each_app_and_middleware_once():
    for name, entries in literals().items():
        assert len(entries) == len(set(entries)), name


def test_static_files_pass_the_same_middleware_in_tests_as_in_production(client):
    """WhiteNoise is in every environment's MIDDLEWARE; here it finds the apps' files without
    collectstatic, and they carry the security headers of the middleware above it."""
    response = client.get("/static/css/site.css", HTTP_ACCEPT="text/css,*/*;q=0.1")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).strip()
    assert response["Content-Type"].startswith("text/css")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]
