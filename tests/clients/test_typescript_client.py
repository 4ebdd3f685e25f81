"""The TypeScript client in ``clients/typescript/``, driven against a live test server with the
demo content, as CI runs it (``.ci/run`` installs Node and the pinned packages first):

- the types regenerated from the live read document equal the committed ``src/schema.d.ts``
  (the schema changed without the client otherwise);
- the client and the example compile with ``strict`` (tsconfig.json) without an error;
- the example renders the seed page from the API alone, and its sections, contact persons and
  publications (with their download links) are the rendered site's;
- the frontend preview round trip: the editor's unsaved heading is in the example's output of
  the preview, and not in its output of the public page;
- the example's answer to a missing page and to a forged preview token.

Skipped, with the reason, without Node or without ``npm ci`` in ``clients/typescript``; under
``CI=true`` that is a failure instead.
"""

import difflib
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
from html import unescape
from pathlib import Path
from types import SimpleNamespace
from urllib.error import URLError
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLIENT = ROOT / "clients" / "typescript"
BIN = CLIENT / "node_modules" / ".bin"
SEED = "/themen/fluechtlingsarbeit/"
FRONTEND = "https://frontend.example.org/vorschau"
DRAFT_HEADING = "Entwurf: Neue Beratungsstellen 2027"

# One server and one build for the module: its tests run in one xdist worker.
pytestmark = pytest.mark.xdist_group("typescript_client")


def _missing():
    if shutil.which("node") is None:
        return "node not found: apt-get install nodejs npm"
    if not (BIN / "tsc").exists() or not (BIN / "openapi-typescript").exists():
        return f"no node_modules in {CLIENT}: cd {CLIENT} && npm ci"
    return None


@pytest.fixture(scope="module")
def toolchain():
    reason = _missing()
    if reason and os.environ.get("CI") == "true":
        pytest.fail(reason)
    if reason:
        pytest.skip(reason)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(toolchain, tmp_path_factory):
    """The demo site served by ``manage.py runserver`` in its own process, on its own SQLite
    file and media folders (the development settings, as a frontend developer runs it)."""
    root = tmp_path_factory.mktemp("cms")
    base = f"http://127.0.0.1:{free_port()}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{root / 'db.sqlite3'}",
        "MEDIA_ROOT": str(root / "media"),
        "PRIVATE_MEDIA_ROOT": str(root / "private-media"),
        "SITE_BASE_URL": base,
        "FRONTEND_PREVIEW_URL": FRONTEND,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DEMO_ADMIN_PASSWORD": secrets.token_urlsafe(16),
        "DEMO_EDITORIAL_PASSWORD": secrets.token_urlsafe(16),
    }
    for name in ("REDIS_URL", "TASKS_BACKEND", "ALLOWED_HOSTS", "WAGTAILAPI_BASE_URL"):
        env.pop(name, None)
    manage = [sys.executable, "manage.py"]
    run(*manage, "migrate", "--noinput", "-v0", cwd=ROOT, env=env)
    run(*manage, "load_demo_content", cwd=ROOT, env=env)
    log = (root / "server.log").open("w")
    process = subprocess.Popen(  # noqa: S603 (our own manage.py)
        [*manage, "runserver", base.removeprefix("http://"), "--noreload", "--noscheduler"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                with urlopen(f"{base}/api/v3/openapi.json", timeout=10):  # noqa: S310
                    break
            except (URLError, ConnectionError, TimeoutError):
                assert process.poll() is None, (root / "server.log").read_text()[-3000:]
                assert time.monotonic() < deadline, "the server did not answer in 180 s"
                time.sleep(1)
        yield SimpleNamespace(url=base, env=env)
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


@pytest.fixture(scope="module")
def demo_site(server):
    return server.url


def run(*args, cwd=CLIENT, check=True, env=None):
    result = subprocess.run(  # noqa: S603 (our own tools)
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )
    if check:
        assert result.returncode == 0, f"{args}: {result.stdout[-3000:]}{result.stderr[-3000:]}"
    return result


@pytest.fixture(scope="module")
def built(toolchain):
    """The client compiled (``tsc`` with the committed tsconfig, into the package's ``dist/``,
    where Node finds its ``node_modules`` and ``"type": "module"``)."""
    run(str(BIN / "tsc"), "-p", "tsconfig.json")
    return CLIENT / "dist"


def example(built, *args):
    return run("node", str(built / "example.js"), *args, check=False)


def test_types_regenerated_from_the_live_document_equal_the_committed_ones(demo_site, tmp_path):
    generated = tmp_path / "schema.d.ts"
    run(str(BIN / "openapi-typescript"), f"{demo_site}/api/v3/openapi.json", "-o", str(generated))
    committed = (CLIENT / "src" / "schema.d.ts").read_text()
    fresh = generated.read_text()
    diff = "".join(
        difflib.unified_diff(
            committed.splitlines(True), fresh.splitlines(True), "committed", "live", n=1
        )
    )
    assert fresh == committed, (
        "The read document changed without the client: in clients/typescript run "
        "`npm run generate` against a server on this commit and commit src/schema.d.ts.\n"
        + diff[:4000]
    )


def site_html(base, path):
    request = Request(base + path, headers={"Accept": "text/html"})
    with urlopen(request) as response:  # noqa: S310 (the live test server)
        return response.read().decode()


def paths_of(urls):
    return [urlsplit(unescape(url)).path for url in urls]


def site_parts(html):
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    return {
        "sections": [
            (anchor, unescape(heading))
            for anchor, heading in re.findall(r'<h2 id="(abschnitt-[^"]+)">([^<]+)</h2>', main)
        ],
        "persons": [
            unescape(name)
            for name in re.findall(r'<h3 class="contact-card__name">\s*([^<]+?)\s*</h3>', main)
        ],
        "publications": [
            (paths_of([href])[0], unescape(title))
            for href, title in re.findall(
                r'<h3 class="publication-item__title"><a href="([^"]+)">([^<]+)</a>', main
            )
        ],
    }


def example_parts(html):
    return {
        "sections": [
            (anchor, unescape(heading))
            for anchor, heading in re.findall(
                r'<section class="section"><h2 id="([^"]+)">([^<]+)</h2>', html
            )
        ],
        "persons": [
            unescape(name) for name in re.findall(r'<h3 class="person__name">([^<]+)</h3>', html)
        ],
        "publications": [
            (paths_of([href])[0], unescape(title))
            for href, title in re.findall(
                r'<h3 class="publication__title"><a href="([^"]+)">([^<]+)</a>', html
            )
        ],
    }


def test_the_example_renders_the_seed_page_as_the_site_does(demo_site, built):
    result = example(built, demo_site, SEED)
    assert result.returncode == 0, result.stderr
    ours = example_parts(result.stdout)
    site = site_parts(site_html(demo_site, SEED))
    assert len(site["sections"]) == 3 and len(site["persons"]) == 2
    assert len(site["publications"]) == 6
    assert ours == site
    # The hero: srcset, alt text and the focal point.
    hero = re.search(r"<img [^>]*>", result.stdout)[0]
    assert 'srcset="' in hero and " 1600w" in hero
    assert 'alt="Drei junge Männer, einer lacht in die Kamera"' in hero
    assert "data-focal-point=" in hero and "object-position:" in hero
    # The head the site renders.
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', result.stdout)[1]
    assert (
        canonical
        == re.search(r'<link rel="canonical" href="([^"]+)"', site_html(demo_site, SEED))[1]
    )


def test_the_example_handles_a_missing_page_and_a_bad_preview_token(demo_site, built):
    missing = example(built, demo_site, "/themen/gibt-es-nicht/")
    assert missing.returncode == 3 and "404" in missing.stderr and not missing.stdout
    forged = example(built, demo_site, "--preview", f"{FRONTEND}?token=abc:def&page_id=1")
    assert forged.returncode == 4 and "403" in forged.stderr and not forged.stdout


# Run by ``manage.py shell`` in a process of its own: the least-privileged editor of the seed
# page previews an unsaved heading in the admin's "Frontend" mode; prints the redirect.
PREVIEW_AS_EDITOR = f"""
from django.contrib.auth import get_user_model
from django.test import Client
from tests.admin_forms import edit_form_data, stream_items
from topics.models import TopicPage

page = TopicPage.objects.get(slug="fluechtlingsarbeit")
editor = Client(HTTP_HOST="127.0.0.1")
editor.force_login(get_user_model().objects.get(username="fachredaktion"))
data = edit_form_data(editor, page)
index = next(i for i, kind in stream_items(data, "body") if kind == "section")
data[f"body-{{index}}-value-heading"] = "{DRAFT_HEADING}"
url = f"/admin/pages/{{page.pk}}/edit/preview/"
assert editor.post(url, data).json() == {{"is_valid": True, "is_available": True}}
redirect = editor.get(url, {{"mode": "frontend"}})
assert redirect.status_code == 302, redirect.status_code
print(redirect["Location"])
"""


def test_preview_round_trip_shows_the_draft_heading_only_in_the_preview(server, built):
    """The token comes from the admin's preview (another process than the server's); the
    example, a third, follows the redirect's token through the API."""
    issued = run(
        sys.executable, "manage.py", "shell", "-c", PREVIEW_AS_EDITOR, cwd=ROOT, env=server.env
    )
    location = issued.stdout.strip().splitlines()[-1]
    assert location.startswith(FRONTEND + "?")

    preview = example(built, server.url, "--preview", location)
    assert preview.returncode == 0, preview.stderr
    public = example(built, server.url, SEED)
    assert public.returncode == 0, public.stderr
    assert DRAFT_HEADING in preview.stdout
    assert DRAFT_HEADING not in public.stdout
    assert DRAFT_HEADING not in site_html(server.url, SEED)
