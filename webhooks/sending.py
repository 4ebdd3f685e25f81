"""Sending deliveries: the payload, the signature, one attempt, the retry schedule, the sweep.

Delivery is at least once: a receiver may see an event again (after a timeout whose request did
arrive, or a redelivery) and recognises it by ``X-Webhook-Id``.
"""

import hashlib
import hmac
import json
import time
from datetime import timedelta
from http import HTTPStatus
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import WebhookAttempt, WebhookDelivery
from .targets import PinnedAddressAdapter, RefusedTarget, checked_address

# Seconds to wait for a receiver; inline (the default task backend) the editor waits too.
TIMEOUT = 5
# A claimed delivery is left alone this long: far longer than one attempt, so that only a
# sender that died mid-attempt loses its claim, and the sweep then tries again.
LEASE = timedelta(seconds=60)


def build_payload(delivery_id, change, occurred_at):
    """The JSON body of one event, as text."""
    base_url = (settings.WAGTAILAPI_BASE_URL or "").rstrip("/")
    payload = {
        "id": str(delivery_id),
        "event": change.event,
        "occurred_at": occurred_at.isoformat(),
        "object": {"model": change.model, "id": change.object_id, "title": change.title},
        # Everything the transaction changed (the first is "event"/"object" above).
        "changes": [
            {"event": event, "object": {"model": model, "id": object_id, "title": title}}
            for event, model, object_id, title in change.parts
        ],
        "paths": change.affected.paths,
        "api_urls": [base_url + url for url in change.affected.api_urls],
    }
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def sign(secret, timestamp, body):
    """``sha256=`` and the hex HMAC-SHA256 of ``"<timestamp>.<body>"`` (body as bytes)."""
    message = f"{timestamp}.".encode() + body
    return "sha256=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def send_if_due(delivery_id):
    """Make one attempt at a pending delivery whose time has come, unless another sender has
    claimed it. Returns the attempt, or None."""
    now = timezone.now()
    claimed = WebhookDelivery.objects.filter(
        pk=delivery_id,
        status=WebhookDelivery.Status.PENDING,
        next_attempt_at__lte=now,
        endpoint__is_active=True,
    ).update(next_attempt_at=now + LEASE)
    if not claimed:
        return None
    return attempt(WebhookDelivery.objects.select_related("endpoint").get(pk=delivery_id))


def sweep():
    """Send every pending delivery that is due, oldest first: retries, and deliveries whose
    task never ran (a crash between the commit and the send). Returns the attempts made."""
    due = (
        WebhookDelivery.objects.filter(
            status=WebhookDelivery.Status.PENDING,
            next_attempt_at__lte=timezone.now(),
            endpoint__is_active=True,
        )
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)
    )
    return [made for pk in list(due) if (made := send_if_due(pk)) is not None]


def post(url, body, headers):
    """POST ``body`` to ``url`` once and return the status code. The target is checked (and
    pinned) first; redirects are not followed (a receiver that moved answers 3xx, and that is a
    failed attempt, so a public URL cannot redirect into the internal network); the answer's
    body is never read, so nothing of it reaches the log."""
    address = checked_address(url)
    parts = urlsplit(url)
    host_header = parts.netloc.rpartition("@")[2]
    with requests.Session() as session:
        session.trust_env = False  # no proxy or .netrc from the environment
        session.mount(f"{parts.scheme}://", PinnedAddressAdapter(address, parts.hostname))
        with session.post(
            url,
            data=body,
            headers={**headers, "Host": host_header},
            timeout=TIMEOUT,
            allow_redirects=False,
            stream=True,
        ) as response:
            return response.status_code


def answer_reason(status_code):
    """The log's words for a receiver's answer other than 2xx: the code and its standard
    phrase, never the receiver's own text."""
    try:
        phrase = HTTPStatus(status_code).phrase
    except ValueError:
        phrase = ""
    reason = f"HTTP {status_code} {phrase}".strip()
    if 300 <= status_code < 400:
        reason += " (Weiterleitungen werden nicht verfolgt)"
    return reason


REQUEST_ERRORS = [
    (requests.exceptions.SSLError, "TLS-Fehler (Zertifikat ungültig?)"),
    (requests.exceptions.ConnectTimeout, "Zeitüberschreitung beim Verbindungsaufbau"),
    (requests.exceptions.ReadTimeout, "Zeitüberschreitung beim Warten auf die Antwort"),
    (requests.exceptions.ConnectionError, "Verbindung fehlgeschlagen (ConnectionError)"),
]


def request_error_reason(exc):
    """A short, fixed reason for a failed request: the kind of failure, not the exception's
    text (which can carry addresses and answers of the other side)."""
    if isinstance(exc, requests.exceptions.ConnectionError) and "refused" in str(exc):
        return "Verbindung abgelehnt (ConnectionError)"
    for kind, reason in REQUEST_ERRORS:
        if isinstance(exc, kind):
            return reason
    return f"Anfrage fehlgeschlagen ({type(exc).__name__})"


def attempt(delivery):
    """Send the delivery once, now, record the attempt, and decide what comes next: done,
    another try after a back-off (base × 2ⁿ⁻¹ after the n-th attempt), or failed for good
    after ``WEBHOOK_MAX_ATTEMPTS`` attempts."""
    endpoint = delivery.endpoint
    body = delivery.payload.encode()
    timestamp = int(time.time())
    headers = {
        "Content-Type": "application/json",
        "X-Webhook-Id": str(delivery.pk),
        "X-Webhook-Timestamp": str(timestamp),
        "X-Webhook-Signature": sign(endpoint.secret, timestamp, body),
    }
    attempted_at = timezone.now()
    started = time.monotonic()
    status_code, error = None, ""
    try:
        status_code = post(endpoint.url, body, headers)
        if not 200 <= status_code < 300:
            error = answer_reason(status_code)
    except RefusedTarget as exc:
        error = str(exc)
    except requests.RequestException as exc:
        error = request_error_reason(exc)
    duration_ms = round((time.monotonic() - started) * 1000)

    with transaction.atomic():
        made = WebhookAttempt.objects.create(
            delivery=delivery,
            attempted_at=attempted_at,
            status_code=status_code,
            error=error,
            duration_ms=duration_ms,
        )
        delivery.attempts += 1
        if made.succeeded:
            delivery.status = WebhookDelivery.Status.SUCCEEDED
            delivery.next_attempt_at = None
        elif delivery.attempts >= settings.WEBHOOK_MAX_ATTEMPTS:
            delivery.status = WebhookDelivery.Status.FAILED
            delivery.next_attempt_at = None
        else:
            delivery.status = WebhookDelivery.Status.PENDING
            backoff = settings.WEBHOOK_RETRY_BASE_SECONDS * 2 ** (delivery.attempts - 1)
            delivery.next_attempt_at = timezone.now() + timedelta(seconds=backoff)
        delivery.save(update_fields=["attempts", "status", "next_attempt_at"])
    return made
