"""Webhook targets that reach inside are refused, when the endpoint is saved and when a
delivery is sent (the name resolved at send time, no redirect followed), unless
WEBHOOKS_ALLOW_PRIVATE_TARGETS is on. The delivery log keeps status, timing and a short reason,
never the answer's body."""

import contextlib
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import responses

from webhooks.models import WebhookDelivery, WebhookEndpoint
from webhooks.sending import sweep

from .support import make_endpoint, page_change

pytestmark = pytest.mark.django_db

ENDPOINTS = "/admin/webhooks/"
LOG = "/admin/webhooks/deliveries/"

INSIDE = {
    "loopback": "http://127.0.0.1:{port}/hook",
    "private": "http://10.0.0.1:{port}/hook",
    "metadata": "http://169.254.169.254:{port}/latest/meta-data/",
    "loopback-v6": "http://[::1]:{port}/hook",
    "name-to-loopback": "http://frontend.intern.test:{port}/hook",
}
REAL_GETADDRINFO = socket.getaddrinfo


@pytest.fixture
def fake_dns(monkeypatch):
    """A resolver that knows the test names: ``frontend.intern.test`` → 127.0.0.1,
    ``hooks.frontend.test`` → a public address; everything else as usual."""
    names = {"frontend.intern.test": "127.0.0.1", "hooks.frontend.test": "93.184.215.14"}

    def getaddrinfo(host, port, *args, **kwargs):
        if host in names:
            return REAL_GETADDRINFO(names[host], port, *args, **kwargs)
        return REAL_GETADDRINFO(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return names


@pytest.fixture
def inside_receiver():
    """A listener on 127.0.0.1 and ::1 standing for an internal service: it counts every
    request and answers with a secret."""
    hits = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            hits.append(self.path)
            secret = b"INTERNAL-SECRET root:x:0:0"
            self.send_response(500)
            self.send_header("Content-Length", str(len(secret)))
            self.end_headers()
            self.wfile.write(secret)

        do_GET = do_POST

        def log_message(self, *args):
            pass

    class V6Server(ThreadingHTTPServer):
        address_family = socket.AF_INET6

    v4 = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    port = v4.server_address[1]
    servers = [v4]
    with contextlib.suppress(OSError):
        servers.append(V6Server(("::1", port), Handler))
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    yield port, hits
    for server in servers:
        server.shutdown()
        server.server_close()


def endpoint_form(url):
    return {
        "name": "Frontend",
        "url": url,
        "secret": "geheim-123",
        "events": ["*"],
        "is_active": "on",
    }


@pytest.mark.parametrize("kind", INSIDE)
def test_an_inside_target_is_refused_when_saved(kind, admin_client, settings, fake_dns):
    settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS = False
    url = INSIDE[kind].format(port=8080)
    response = admin_client.post(f"{ENDPOINTS}new/", endpoint_form(url))
    assert response.status_code == 200
    [error] = response.context["form"].errors["url"]
    assert "Ziel nicht erlaubt" in error
    assert "nur an öffentliche Adressen" in error
    assert not WebhookEndpoint.objects.exists()


def test_a_public_target_is_accepted_when_saved(admin_client, settings, fake_dns):
    settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS = False
    url = "https://hooks.frontend.test/api/revalidate"
    response = admin_client.post(f"{ENDPOINTS}new/", endpoint_form(url))
    assert response.status_code == 302
    assert WebhookEndpoint.objects.get().url == url


def test_a_name_that_does_not_resolve_is_refused_with_a_message(admin_client, settings):
    settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS = False
    response = admin_client.post(
        f"{ENDPOINTS}new/", endpoint_form("https://nicht-vorhanden.invalid/hook")
    )
    [error] = response.context["form"].errors["url"]
    assert "lässt sich nicht auflösen" in error


@pytest.mark.parametrize("kind", INSIDE)
def test_an_inside_target_is_allowed_with_the_setting_on(
    kind, admin_client, settings, fake_dns, inside_receiver, commit
):
    settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS = True
    port, hits = inside_receiver
    url = INSIDE[kind].format(port=port)
    response = admin_client.post(f"{ENDPOINTS}new/", endpoint_form(url))
    assert response.status_code == 302
    if kind in ("private", "metadata"):
        return  # nothing listens there on this machine; saving is what the setting allows
    if kind == "loopback-v6" and not socket.has_ipv6:
        pytest.skip("no IPv6 on this machine")
    commit(page_change())
    attempt = WebhookDelivery.objects.get().attempt_log.get()
    assert attempt.status_code == 500
    assert hits == ["/hook"]


@pytest.mark.parametrize("kind", INSIDE)
def test_an_inside_target_saved_earlier_is_refused_at_send_time(
    kind, settings, fake_dns, inside_receiver, commit, admin_client
):
    """An endpoint that was saved while allowed (or straight into the database) is still
    never called: every attempt checks, and the redelivery button too."""
    port, hits = inside_receiver
    make_endpoint(INSIDE[kind].format(port=port))
    settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS = False
    commit(page_change())
    delivery = WebhookDelivery.objects.get()
    made = delivery.attempt_log.get()
    assert made.status_code is None
    assert made.error.startswith("Ziel nicht erlaubt")
    response = admin_client.post(f"{LOG}redeliver/{delivery.pk}/", follow=True)
    assert "Die erneute Zustellung ist fehlgeschlagen" in response.content.decode()
    assert hits == []


def test_a_name_that_resolves_elsewhere_at_send_time_is_refused(
    settings, fake_dns, inside_receiver, commit
):
    """DNS rebinding: the name was public when saved and points inside when sending."""
    settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS = False
    port, hits = inside_receiver
    make_endpoint(f"http://hooks.frontend.test:{port}/hook")
    fake_dns["hooks.frontend.test"] = "127.0.0.1"
    commit(page_change())
    assert WebhookDelivery.objects.get().attempt_log.get().error.startswith("Ziel nicht erlaubt")
    assert hits == []


@responses.activate
def test_a_public_url_redirecting_inside_is_not_followed(settings, fake_dns, commit, clock):
    """The public receiver answers 302 to 127.0.0.1: the attempt fails, with the reason, and
    nothing asks the address inside (the mock would fail on any unregistered request)."""
    settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS = False
    responses.add(
        responses.POST,
        "https://hooks.frontend.test/hook",
        status=302,
        headers={"Location": "http://127.0.0.1:6379/"},
    )
    make_endpoint("https://hooks.frontend.test/hook")
    commit(page_change())
    clock.advance(3600)
    sweep()
    attempts = list(WebhookDelivery.objects.get().attempt_log.all())
    assert [a.status_code for a in attempts] == [302, 302]
    assert attempts[0].error == "HTTP 302 Found (Weiterleitungen werden nicht verfolgt)"
    assert [call.request.url for call in responses.calls] == [
        "https://hooks.frontend.test/hook"
    ] * 2


def test_a_redirect_inside_is_not_followed_even_with_the_setting_on(
    receiver, inside_receiver, commit
):
    port, hits = inside_receiver
    receiver.script = [307]
    make_endpoint(receiver.url)
    commit(page_change())
    assert WebhookDelivery.objects.get().attempt_log.get().status_code == 307
    assert hits == []


def test_the_log_keeps_status_and_timing_but_not_the_answer(
    settings, inside_receiver, commit, admin_client
):
    port, _hits = inside_receiver
    make_endpoint(f"http://127.0.0.1:{port}/hook")
    commit(page_change())
    delivery = WebhookDelivery.objects.get()
    made = delivery.attempt_log.get()
    assert made.status_code == 500
    assert made.error == "HTTP 500 Internal Server Error"
    assert made.duration_ms >= 0
    page = admin_client.get(f"{LOG}inspect/{delivery.pk}/").content.decode()
    assert "HTTP 500 Internal Server Error" in page
    assert "INTERNAL-SECRET" not in page


def test_a_connection_error_is_logged_without_address(closed_port, commit):
    make_endpoint(f"http://127.0.0.1:{closed_port}/hook")
    commit(page_change())
    made = WebhookDelivery.objects.get().attempt_log.get()
    assert made.error == "Verbindung abgelehnt (ConnectionError)"
    assert str(closed_port) not in made.error
