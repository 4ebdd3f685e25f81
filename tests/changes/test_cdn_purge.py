"""CDN purge: with Wagtail's frontend cache configured (here its HTTP PURGE backend, as for
Varnish), a change purges every affected HTML and API URL, not only the changed page."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from people.factories import ContactPersonFactory
from topics.factories import TopicPageContactPersonFactory, TopicPageFactory


@pytest.fixture
def cdn():
    purged = []

    class Handler(BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 - the HTTP method's name
            purged.append(f"http://{self.headers['Host']}{self.path}")
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    server.purged = purged
    yield server
    server.shutdown()
    server.server_close()


def test_a_contact_person_change_purges_every_page_and_api_url_showing_it(
    cdn, settings, topic_index, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{cdn.server_port}",
        }
    }
    settings.WAGTAILAPI_BASE_URL = "https://www.example.org"
    # What the setup did is committed (announced) before the change under test.
    with django_capture_on_commit_callbacks(execute=True):
        person = ContactPersonFactory(last_name="Metelmann")
        shown, other = (
            TopicPageFactory(parent=topic_index, slug="zeigt"),
            TopicPageFactory(parent=topic_index, slug="anderes"),
        )
        TopicPageContactPersonFactory(page=shown, person=person)
        shown.save_revision().publish()
    cdn.purged.clear()

    with django_capture_on_commit_callbacks(execute=True):
        person.role = "Neue Rolle"
        person.save_revision().publish()

    base = "http://www.example.org"  # the backend purges through LOCATION with the Host header
    assert f"{base}/themen/zeigt/" in cdn.purged
    assert f"{base}/api/v2/pages/{shown.pk}/" in cdn.purged
    assert f"{base}/api/v3/pages/{shown.pk}/" in cdn.purged
    assert f"{base}/api/v3/pages/find/?html_path=/themen/zeigt/" in cdn.purged
    assert f"{base}/api/v3/people/contact-persons/" in cdn.purged
    assert not any("anderes" in url or f"/pages/{other.pk}/" in url for url in cdn.purged)


def test_without_a_configured_cdn_nothing_is_purged(
    cdn, settings, topic_index, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {}
    with django_capture_on_commit_callbacks(execute=True):
        TopicPageFactory(parent=topic_index, slug="neu").save_revision().publish()
    assert cdn.purged == []


@pytest.mark.parametrize(
    ("env", "backend"),
    [
        ({"FRONTEND_CACHE_PURGE_URL": "http://varnish:6081"}, "HTTPBackend"),
        ({"CLOUDFLARE_ZONE_ID": "zone", "CLOUDFLARE_API_TOKEN": "token"}, "CloudflareBackend"),
        ({"CLOUDFRONT_DISTRIBUTION_ID": "E123"}, "CloudfrontBackend"),
    ],
)
def test_the_cdn_is_configured_from_the_environment(env, backend):
    import json
    import os
    import subprocess
    import sys

    code = (
        "import json, django; from django.conf import settings; django.setup(); "
        "print(json.dumps({k: v['BACKEND'] for k, v in settings.WAGTAILFRONTENDCACHE.items()}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.dev", **env},
        capture_output=True,
        text=True,
        check=True,
    )
    backends = json.loads(out.stdout.strip().splitlines()[-1])
    assert [b.rsplit(".", 1)[-1] for b in backends.values()] == [backend]
