"""One transaction, one change: a publish that writes a page and its inline rows is announced
once: one ``content_changed``, one invalidation, one CDN purge (each URL once) and one webhook
delivery per endpoint, asserted against real receivers."""

import json
from collections import Counter

import pytest
from django.db import transaction

from changes.events import content_changed
from httpcache import cache
from people.factories import ContactPersonFactory
from tests.changes.test_cdn_purge import cdn  # noqa: F401 - the fixture
from tests.webhooks.support import Receiver, make_endpoint
from topics.factories import TopicPageContactPersonFactory, TopicPageFactory
from webhooks.models import WebhookDelivery


@pytest.fixture
def receivers():
    started = [Receiver(), Receiver()]
    yield started
    for receiver in started:
        receiver.stop()


@pytest.fixture
def announced(monkeypatch):
    """Counts what the pipeline does: changes sent and invalidations made."""
    seen = {"changes": [], "invalidations": []}

    def receiver(sender, change, **kwargs):
        seen["changes"].append(change)

    content_changed.connect(receiver, dispatch_uid="test_one_event")
    original = cache.invalidate

    def invalidate(tags):
        seen["invalidations"].append(set(tags))
        return original(tags)

    monkeypatch.setattr(cache, "invalidate", invalidate)
    yield seen
    content_changed.disconnect(dispatch_uid="test_one_event")


def test_a_publish_with_five_inline_rows_is_one_change(
    cdn,  # noqa: F811
    receivers,
    announced,
    settings,
    topic_index,
    django_capture_on_commit_callbacks,
):
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{cdn.server_port}",
        }
    }
    settings.WAGTAILAPI_BASE_URL = "https://www.example.org"
    topic = TopicPageFactory(parent=topic_index, slug="thema", title="Erste Fassung")
    for order in range(5):
        TopicPageContactPersonFactory(page=topic, person=ContactPersonFactory(), sort_order=order)
    with django_capture_on_commit_callbacks(execute=True):
        topic.save_revision().publish()
    for receiver in receivers:
        make_endpoint(receiver.url, name=receiver.url)
    cdn.purged.clear()
    announced["changes"].clear()
    announced["invalidations"].clear()

    with django_capture_on_commit_callbacks(execute=True):
        topic = topic.specific.__class__.objects.get(pk=topic.pk)
        topic.title = "Zweite Fassung"
        topic.save_revision().publish()

    [change] = announced["changes"]
    assert change.event == "page.published" and change.object_id == topic.pk
    assert [set(tags) for tags in announced["invalidations"]] == [change.affected.tags | {"search"}]
    assert f"page:{topic.pk}" in change.affected.tags
    purged = Counter(cdn.purged)
    assert "http://www.example.org/themen/thema/" in purged
    assert set(purged.values()) == {1}, purged  # one purge: each URL once
    assert WebhookDelivery.objects.count() == 2
    for receiver in receivers:
        [request] = receiver.requests
        event = json.loads(request.body)
        assert event["event"] == "page.published"
        assert event["object"]["id"] == topic.pk
        assert "/themen/thema/" in event["paths"]


def test_a_transaction_that_rolls_back_announces_nothing(
    announced, topic_index, django_capture_on_commit_callbacks
):
    # What the setup did is committed (announced) before the change under test.
    with django_capture_on_commit_callbacks(execute=True):
        topic = TopicPageFactory(parent=topic_index, slug="thema")
    announced["changes"].clear()
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                topic.title = "Nie veröffentlicht"
                topic.save_revision().publish()
                raise RuntimeError("abgebrochen")
        except RuntimeError:
            pass
        assert announced["changes"] == []
        # The next transaction is announced alone, without what rolled back.
        other = TopicPageFactory(parent=topic_index, slug="anderes")
        other.title = "Veröffentlicht"
        other.save_revision().publish()
    titles = [part[3] for change in announced["changes"] for part in change.parts]
    ids = [part[2] for change in announced["changes"] for part in change.parts]
    assert "Nie veröffentlicht" not in titles
    assert other.pk in ids and topic.pk not in ids
