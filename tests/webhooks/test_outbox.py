"""A change writes its deliveries in its own transaction, for exactly the endpoints that want it."""

import json

import pytest
from django.db import transaction

from documents.models import Publication
from webhooks.models import WebhookDelivery

from .support import document_change, make_endpoint, page_change, send_in_transaction

pytestmark = pytest.mark.django_db


def test_a_committed_change_is_delivered_once_it_commits(receiver, commit):
    endpoint = make_endpoint(receiver.url)
    commit(page_change())

    delivery = WebhookDelivery.objects.get()
    assert (delivery.endpoint, delivery.event) == (endpoint, "page.published")
    assert delivery.status == WebhookDelivery.Status.SUCCEEDED
    assert [a.status_code for a in delivery.attempt_log.all()] == [200]
    [request] = receiver.requests
    assert request.path == "/api/revalidate"
    assert request.body.decode() == delivery.payload


def test_the_delivery_is_written_inside_the_change_and_sent_only_after_the_commit(
    receiver, django_capture_on_commit_callbacks
):
    make_endpoint(receiver.url)
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        send_in_transaction(page_change())
        # Part of the change's transaction: visible inside it, nothing sent yet.
        assert WebhookDelivery.objects.filter(status="pending").count() == 1
    assert receiver.requests == []
    assert len(callbacks) == 1


def test_a_rolled_back_change_leaves_no_delivery_and_sends_nothing(
    receiver, django_capture_on_commit_callbacks
):
    make_endpoint(receiver.url)
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        send_in_transaction(page_change())
        raise RuntimeError("the page could not be saved")
    assert not WebhookDelivery.objects.exists()
    assert callbacks == []
    assert receiver.requests == []


def test_the_payload_carries_event_object_paths_and_absolute_api_urls(receiver, commit):
    make_endpoint(receiver.url)
    commit(page_change())

    [request] = receiver.requests
    payload = json.loads(request.body)
    delivery = WebhookDelivery.objects.get()
    assert payload["id"] == str(delivery.pk) == request.headers["X-Webhook-Id"]
    assert payload["event"] == "page.published"
    assert payload["occurred_at"].endswith("+00:00")
    assert payload["object"] == {
        "model": "topics.topicpage",
        "id": 42,
        "title": "Flüchtlingsarbeit",
    }
    assert payload["paths"] == ["/themen/fluechtlingsarbeit/"]
    # WAGTAILAPI_BASE_URL is http://testserver in the test settings.
    assert "http://testserver/api/v2/pages/42/" in payload["api_urls"]
    assert (
        "http://testserver/api/v3/page-by-path/?html_path=/themen/fluechtlingsarbeit/"
        in payload["api_urls"]
    )
    assert request.headers["Content-Type"] == "application/json"


def test_without_a_public_base_url_the_api_urls_are_paths(receiver, commit, settings):
    settings.WAGTAILAPI_BASE_URL = None
    make_endpoint(receiver.url)
    commit(page_change())
    api_urls = json.loads(receiver.requests[0].body)["api_urls"]
    assert "/api/v2/pages/42/" in api_urls
    assert all(url.startswith("/api/") for url in api_urls)


def test_an_endpoint_for_page_events_gets_no_document_event(start_receiver, commit):
    pages_only, everything = start_receiver(), start_receiver()
    make_endpoint(pages_only.url, events=["page.published", "page.unpublished"], name="Seiten")
    make_endpoint(everything.url, name="Alles")

    commit(document_change(), sender=Publication)
    assert pages_only.requests == []
    assert [json.loads(r.body)["event"] for r in everything.requests] == ["document.saved"]

    commit(page_change("page.unpublished"))
    assert [json.loads(r.body)["event"] for r in pages_only.requests] == ["page.unpublished"]
    assert len(everything.requests) == 2
    assert WebhookDelivery.objects.filter(endpoint__name="Seiten").count() == 1


def test_an_inactive_endpoint_gets_nothing(receiver, commit):
    make_endpoint(receiver.url, is_active=False)
    commit(page_change())
    assert not WebhookDelivery.objects.exists()
    assert receiver.requests == []


def test_each_endpoint_gets_its_own_delivery_with_its_own_id(start_receiver, commit):
    first, second = start_receiver(), start_receiver()
    make_endpoint(first.url, name="Website")
    make_endpoint(second.url, name="App")
    commit(page_change())
    ids = {first.requests[0].headers["X-Webhook-Id"], second.requests[0].headers["X-Webhook-Id"]}
    assert ids == {str(pk) for pk in WebhookDelivery.objects.values_list("pk", flat=True)}
    assert len(ids) == 2
