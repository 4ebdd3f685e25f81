"""The outbox: every content change becomes one delivery per subscribed active endpoint.

``content_changed`` is sent inside the transaction that makes the change, so the deliveries
are written atomically with it: a rolled-back change leaves none, a committed one cannot lose
them. Sending starts once the transaction has committed.
"""

from django.db import transaction
from django.utils import timezone

from .models import WebhookDelivery, WebhookEndpoint
from .sending import build_payload
from .tasks import send_webhook_task


def record_deliveries(sender, change, **kwargs):
    endpoints = [e for e in WebhookEndpoint.objects.filter(is_active=True) if e.wants(change.event)]
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
