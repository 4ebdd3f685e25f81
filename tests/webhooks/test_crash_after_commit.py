"""A real change writes its deliveries in its own transaction: a process that dies right after
the commit, before anything ran on it, loses no event; the sweep sends it, with everything
the transaction changed."""

import json

from django.db import transaction

from people.factories import ContactPersonFactory
from tests.webhooks.support import make_endpoint
from topics.factories import TopicPageContactPersonFactory, TopicPageFactory
from webhooks.models import WebhookDelivery
from webhooks.sending import sweep


def test_a_crash_right_after_the_commit_loses_no_delivery(
    receiver, topic_index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the setup, committed
        person = ContactPersonFactory(last_name="Metelmann")
        topic = TopicPageFactory(parent=topic_index, slug="zeigt", live=False)
        TopicPageContactPersonFactory(page=topic, person=person)
        topic.save_revision().publish()
    WebhookDelivery.objects.all().delete()
    make_endpoint(receiver.url)

    # One transaction: the person and the page changed; it commits, and then the process dies
    # before its on-commit work (the announcement, the sending) runs.
    with django_capture_on_commit_callbacks(execute=False), transaction.atomic():
        person.role = "Neue Rolle"
        person.save_revision().publish()
        page = type(topic).objects.get(pk=topic.pk)
        page.title = "Neuer Titel"
        page.save_revision().publish()

    [delivery] = WebhookDelivery.objects.all()
    assert delivery.status == WebhookDelivery.Status.PENDING and receiver.requests == []
    [attempt] = sweep()
    assert attempt.status_code == 200
    [request] = receiver.requests
    event = json.loads(request.body)
    assert event["id"] == str(delivery.pk)
    assert event["event"] == "snippet.saved"
    assert [(c["event"], c["object"]["id"]) for c in event["changes"]] == [
        ("snippet.saved", person.pk),
        ("page.published", topic.pk),
    ]
    assert "/themen/zeigt/" in event["paths"]


def test_a_committed_change_is_still_one_delivery_sent_at_once(
    receiver, topic_index, django_capture_on_commit_callbacks
):
    make_endpoint(receiver.url)
    with django_capture_on_commit_callbacks(execute=True):
        topic = TopicPageFactory(parent=topic_index, slug="zeigt", live=False)
        TopicPageContactPersonFactory(page=topic, person=ContactPersonFactory())
        topic.save_revision().publish()
    [delivery] = WebhookDelivery.objects.all()
    assert delivery.status == WebhookDelivery.Status.SUCCEEDED
    [request] = receiver.requests
    assert json.loads(request.body)["event"] == "page.published"
