"""The outbox: every content change becomes one delivery per subscribed active endpoint.

``content_changed`` is sent once per transaction, after it has committed (changes.events): a
rolled-back change leaves no delivery, and one publish that wrote a page and its inline rows
is one delivery per endpoint. The deliveries are written in one statement right after the
commit; sending starts once they are written.
"""

from django.db import transaction
from django.utils import timezone

from .models import WebhookDelivery, WebhookEndpoint
from .sending import build_payload
from .tasks import send_webhook_task


def record_deliveries(sender, change, **kwargs):
    endpoints = [
        endpoint
        for endpoint in WebhookEndpoint.objects.filter(is_active=True)
        if any(endpoint.wants(event) for event in change.events)
    ]
    if not endpoints:
        return
    now = timezone.now()
    deliveries = []
    for endpoint in endpoints:
        delivery = WebhookDelivery(endpoint=endpoint, event=change.event, next_attempt_at=now)
        delivery.payload = build_payload(delivery.pk, change, now)
        deliveries.append(delivery)
    WebhookDelivery.objects.bulk_create(deliveries)

    ids = [str(delivery.pk) for delivery in deliveries]

    def enqueue():
        for delivery_id in ids:
            send_webhook_task.enqueue(delivery_id)

    # robust: a queue that cannot be reached must not fail the editor's request after the
    # change has committed; the deliveries are pending and the sweep sends them.
    transaction.on_commit(enqueue, robust=True)
