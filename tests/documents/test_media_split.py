"""Public media and private documents under the production settings, served by gunicorn as
the README runs it (local files).

The demo content is loaded into the test database (committed: ``transactional_db``) with the
production settings; one gunicorn process serves it. Every image on the topic page loads from
``/media/``; no ``/media/`` URL returns a document's bytes, not even for a file left in
``MEDIA_ROOT`` by the old layout; the serve view still delivers to whom it may.
"""

import re
import secrets
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from html import unescape
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.models import Collection, CollectionViewRestriction

from documents.models import Publication
from tests.waiting import answers, wait_until

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ROOT = Path(__file__).resolve().parents[2]
ADMIN_PASSWORD = "Ein-sicheres-Testpasswort-2026"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def get(url, headers=None, data=None):
    request = urllib.request.Request(
        url, data=data, headers={"X-Forwarded-Proto": "https", **(headers or {})}
    )
    try:
        with OPENER.open(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def cookies(headers):
    return "; ".join(value.split(";")[0] for value in headers.get_all("Set-Cookie") or [])


@pytest.fixture
def server(tmp_path, collected_static):
    db = settings.DATABASES["default"]
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_BASE_URL": base,
        "DATABASE_URL": (
            f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
        ),
        "STATIC_ROOT": str(collected_static),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "private-media"),
        "SECURE_SSL_REDIRECT": "false",
        "TRUSTED_PROXIES": "127.0.0.1",  # the requests play the proxy (X-Forwarded-Proto)
        "DEMO_ADMIN_PASSWORD": ADMIN_PASSWORD,
    }
    for command in (["load_demo_content"],):
        subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
    process = subprocess.Popen(  # noqa: S603
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "cms.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until(
            answers(lambda: urllib.request.urlopen(f"{base}/robots.txt", timeout=5)),  # noqa: S310
            timeout=60,
            message="gunicorn starts",
        )
        yield base, tmp_path
    finally:
        process.terminate()
        process.wait(timeout=20)


def image_urls(html):
    urls = set(re.findall(r'<img[^>]+\ssrc="([^"]+)"', html))
    for srcset in re.findall(r'srcset="([^"]+)"', html):
        urls |= {part.strip().split(" ")[0] for part in unescape(srcset).split(",")}
    return {unescape(url) for url in urls}


def test_images_load_documents_only_through_the_serve_view(server):
    base, root = server
    status, _, body = get(f"{base}/themen/fluechtlingsarbeit/")
    assert status == 200
    urls = image_urls(body.decode())
    # The site's own artwork (the wordmark in the header) is a static file, not media.
    media_urls = {url for url in urls if not url.startswith("/static/")}
    assert len(media_urls) >= 5  # hero in its sizes, the contact persons' photos
    for url in urls - media_urls:
        assert get(base + url)[0] == 200, url
    for url in media_urls:
        assert url.startswith("/media/images/"), url
        status, headers, data = get(base + url)
        assert status == 200, url
        assert headers["Content-Type"].startswith("image/"), url
        assert "public" in headers["Cache-Control"]
        assert data

    # Documents live outside MEDIA_ROOT; no /media/ URL reaches them or one left there.
    # The PDFs (the demo's sign-language video is a document too, served the same way).
    publications = list(Publication.objects.filter(file__endswith=".pdf"))
    assert publications
    stray = root / "media" / "documents" / "alt.pdf"
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"%PDF-1.4 left over from the old layout")
    for publication in publications:
        assert (root / "private-media" / publication.file.name).is_file()
        assert not (root / "media" / publication.file.name).exists()
    candidates = [f"/media/{p.file.name}" for p in publications] + [
        "/media/documents/alt.pdf",
        f"/media/../private-media/{publications[0].file.name}",
        f"/media/%2e%2e/private-media/{publications[0].file.name}",
        "/media/images/../documents/alt.pdf",
        "/media/images/%2e%2e/documents/alt.pdf",
    ]
    for url in candidates:
        status, _, data = get(base + url)
        assert status == 404, url
        assert b"%PDF" not in data

    # The serve view: a public document for everyone, a private one only after login.
    public = publications[0]
    status, _, data = get(base + public.url)
    assert status == 200
    assert data == (root / "private-media" / public.file.name).read_bytes()

    internal = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=internal, restriction_type=CollectionViewRestriction.LOGIN
    )
    public.collection = internal
    public.save(update_fields=["collection"])
    status, headers, _ = get(base + public.url)
    assert status == 302 and "login" in headers["Location"]

    status, headers, body = get(f"{base}/admin/login/")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)[1].decode()
    jar = cookies(headers)
    status, headers, _ = get(
        f"{base}/admin/login/",
        headers={"Cookie": jar, "Referer": f"https://127.0.0.1:{base.rsplit(':', 1)[1]}/admin/"},
        data=f"csrfmiddlewaretoken={token}&username=admin&password={ADMIN_PASSWORD}".encode(),
    )
    assert status == 302, "admin login failed"
    jar = f"{jar}; {cookies(headers)}"
    status, headers, data = get(base + public.url, headers={"Cookie": jar})
    assert status == 200
    assert data.startswith(b"%PDF")
    assert "private" in headers["Cache-Control"]
