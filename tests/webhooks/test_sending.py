"""Signed requests to a real receiver, retried with back-off until they succeed or run out."""

import re
import time
from pathlib import Path

import pytest
from django.core.management import call_command

from webhooks.models import WebhookDelivery

from .support import make_endpoint, page_change

pytestmark = pytest.mark.django_db

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.fixture(scope="module")
def verify_webhook():
    """The verification function exactly as the README gives it to receivers."""
    section = README.read_text().split("## Change webhooks", 1)[1].split("\n## ", 1)[0]
    [code] = re.findall(r"```python\n(.*?)```", section, re.DOTALL)
    namespace = {}
    exec(code, namespace)  # noqa: S102 - our own README
    return namespace["verify_webhook"]


def sweep():
    call_command("sweep_webhooks", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_the_signature_verifies_with_the_readme_code(receiver, commit, verify_webhook):
    endpoint = make_endpoint(receiver.url)
    commit(page_change())

    [request] = receiver.requests
    assert request.headers["X-Webhook-Signature"].startswith("sha256=")
    assert abs(int(request.headers["X-Webhook-Timestamp"]) - time.time()) < 60
    assert verify_webhook(endpoint.secret, request.headers, request.body)
    # A changed body, another secret, or a request replayed after five minutes are rejected.
    assert not verify_webhook(endpoint.secret, request.headers, request.body + b" ")
    assert not verify_webhook("ein-anderes-geheimnis", request.headers, request.body)
    replayed = dict(request.headers)
    old = int(replayed["X-Webhook-Timestamp"]) - 301
    replayed["X-Webhook-Timestamp"] = str(old)
    assert not verify_webhook(endpoint.secret, replayed, request.body)


def test_a_receiver_answering_500_twice_gets_the_event_on_the_third_attempt(
    receiver, commit, clock, settings, verify_webhook
):
    settings.WEBHOOK_RETRY_BASE_SECONDS = 30
    receiver.script = [500, 500]
    endpoint = make_endpoint(receiver.url)
    commit(page_change())  # first attempt, right after the commit: 500

    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "pending"
    first = delivery.attempt_log.get()
    # The status and its standard phrase are logged, not the receiver's answer ("kaputt").
    assert (first.status_code, first.error) == (500, "HTTP 500 Internal Server Error")
    assert (delivery.next_attempt_at - first.attempted_at).total_seconds() == pytest.approx(
        30, abs=2
    )

    clock.advance(25)
    sweep()  # not due yet
    assert len(receiver.requests) == 1
    clock.advance(10)
    sweep()  # second attempt: 500 again, the next wait doubles
    assert len(receiver.requests) == 2
    delivery.refresh_from_db()
    second = delivery.attempt_log.last()
    assert (delivery.next_attempt_at - second.attempted_at).total_seconds() == pytest.approx(
        60, abs=2
    )

    clock.advance(55)
    sweep()
    assert len(receiver.requests) == 2
    clock.advance(10)
    sweep()  # third attempt: 200

    delivery.refresh_from_db()
    assert delivery.status == "succeeded"
    assert delivery.next_attempt_at is None
    assert [a.status_code for a in delivery.attempt_log.all()] == [500, 500, 200]
    # The same event each time, freshly signed.
    assert len({r.body for r in receiver.requests}) == 1
    assert {r.headers["X-Webhook-Id"] for r in receiver.requests} == {str(delivery.pk)}
    assert all(verify_webhook(endpoint.secret, r.headers, r.body) for r in receiver.requests)
    clock.advance(3600)
    sweep()
    assert len(receiver.requests) == 3


def test_a_receiver_down_for_every_attempt_leaves_a_failed_delivery(
    closed_port, commit, clock, settings
):
    settings.WEBHOOK_MAX_ATTEMPTS = 3
    make_endpoint(f"http://127.0.0.1:{closed_port}/hook")
    commit(page_change())
    for _ in range(5):
        clock.advance(3600)
        sweep()

    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "failed"
    assert delivery.attempts == 3
    assert delivery.next_attempt_at is None
    attempts = list(delivery.attempt_log.all())
    assert [a.status_code for a in attempts] == [None, None, None]
    assert all("ConnectionError" in a.error for a in attempts)


def test_a_redirect_is_not_followed_but_counts_as_a_failed_attempt(receiver, commit):
    receiver.script = [302]
    make_endpoint(receiver.url)
    commit(page_change())
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "pending"
    assert delivery.attempt_log.get().status_code == 302
    assert len(receiver.requests) == 1
