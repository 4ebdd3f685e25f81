"""The outbox: every content change becomes one delivery per subscribed active endpoint.

A change collected in a transaction (changes.events) is written as its deliveries in that same
transaction (``change_collected``, again each time the change grows), so a process that dies
right after the commit loses nothing: the sweep sends what is pending. A rolled-back change
leaves no delivery, and one publish that wrote a page and its inline rows is one delivery per
endpoint. ``content_changed``, sent once the transaction has committed, starts the sending
(and writes the deliveries of a change made outside a transaction).
"""

from django.db import transaction
from django.utils import timezone

from .models import WebhookDelivery, WebhookEndpoint
from .sending import build_payload
from .tasks import send_webhook_task

# change.notes key: {endpoint pk: delivery pk} of the deliveries written in the transaction.
WRITTEN = "webhook_deliveries"


def subscribed(change):
    return [
        endpoint
        for endpoint in WebhookEndpoint.objects.filter(is_active=True)
        if any(endpoint.wants(event) for event in change.events)
    ]


def write(change, endpoints, written):
    """Write the deliveries of ``change`` for ``endpoints``: new ones in one statement, those
    already written (an earlier state of the same change) with the change as it is now."""
    occurred_at = change.notes.setdefault("occurred_at", timezone.now())
    new = []
    for endpoint in endpoints:
        if endpoint.pk in written:
            delivery_id = written[endpoint.pk]
            WebhookDelivery.objects.filter(pk=delivery_id).update(
                event=change.event, payload=build_payload(delivery_id, change, occurred_at)
            )
            continue
        delivery = WebhookDelivery(
            endpoint=endpoint, event=change.event, next_attempt_at=occurred_at
        )
        delivery.payload = build_payload(delivery.pk, change, occurred_at)
        new.append(delivery)
        written[endpoint.pk] = delivery.pk
    WebhookDelivery.objects.bulk_create(new)


def record_in_transaction(sender, change, **kwargs):
    """``change_collected``: the deliveries written (or brought up to date) in the change's
    transaction."""
    write(change, subscribed(change), change.notes.setdefault(WRITTEN, {}))


def record_deliveries(sender, change, **kwargs):
    """``content_changed``, after the commit: send the deliveries. Those of a change made
    outside a transaction are written now; so are any a rolled-back savepoint took away."""
    written = change.notes.get(WRITTEN)
    if written is None:
        written = {}
        write(change, subscribed(change), written)
    else:
        kept = set(
            WebhookDelivery.objects.filter(pk__in=written.values()).values_list("pk", flat=True)
        )
        lost = {pk for pk, delivery_id in written.items() if delivery_id not in kept}
        if lost:
            for pk in lost:
                del written[pk]
            write(change, [e for e in subscribed(change) if e.pk in lost], written)
    ids = [str(delivery_id) for delivery_id in written.values()]
    if not ids:
        return

    def enqueue():
        for delivery_id in ids:
            send_webhook_task.enqueue(delivery_id)

    # robust: a queue that cannot be reached must not fail the editor's request after the
    # change has committed; the deliveries are pending and the sweep sends them.
    transaction.on_commit(enqueue, robust=True)
