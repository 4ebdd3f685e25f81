"""Wagtail's own signals decide what a change is where Wagtail says what happened: a publish, an
unpublish, a move; a saved draft is no change. Each committed transaction is one change (or
none), asserted with the on-commit callbacks run as a real commit runs them."""

import pytest
from django.db import transaction

from people.factories import ContactPersonFactory
from tests.changes.test_one_event import announced  # noqa: F401 - the fixture
from tests.webhooks.support import Receiver, make_endpoint
from topics.factories import TopicPageContactPersonFactory, TopicPageFactory
from webhooks.models import WebhookDelivery


@pytest.fixture
def endpoint(db):
    """One endpoint on a real receiver: each change is one delivery."""
    receiver = Receiver()
    yield make_endpoint(receiver.url, name=receiver.url)
    receiver.stop()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run a block as one committed transaction (its on-commit callbacks run)."""

    def run(function):
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            return function()

    return run


@pytest.fixture
def topic(topic_index, commit):
    def make():
        page = TopicPageFactory(parent=topic_index, slug="thema", title="Erste Fassung", live=False)
        TopicPageContactPersonFactory(page=page, person=ContactPersonFactory(), sort_order=0)
        page.save_revision().publish()
        return page

    return commit(make)


def clear(announced):  # noqa: F811
    announced["changes"].clear()
    announced["invalidations"].clear()
    WebhookDelivery.objects.all().delete()


def test_saving_a_draft_of_a_live_page_is_no_change(topic, announced, commit, endpoint):  # noqa: F811
    clear(announced)

    def draft():
        page = type(topic).objects.get(pk=topic.pk)
        page.title = "Entwurf"
        page.contact_person_links.clear()
        page.save_revision()

    commit(draft)
    assert announced["changes"] == [] and announced["invalidations"] == []
    assert not WebhookDelivery.objects.exists()


def test_a_publish_is_announced_from_wagtail_s_signal(topic, announced, commit, endpoint):  # noqa: F811
    clear(announced)

    def publish():
        page = type(topic).objects.get(pk=topic.pk)
        page.title = "Zweite Fassung"
        page.slug = "neu"
        page.save_revision().publish()

    commit(publish)
    [change] = announced["changes"]
    assert change.event == "page.published" and change.object_id == topic.pk
    assert [part[0] for part in change.parts] == ["page.published"]
    assert "/themen/neu/" in change.affected.paths and "/themen/thema/" in change.affected.gone
    assert WebhookDelivery.objects.count() == 1


def test_an_unpublish_is_one_change(topic, announced, commit, endpoint):  # noqa: F811
    clear(announced)
    commit(lambda: type(topic).objects.get(pk=topic.pk).unpublish())
    [change] = announced["changes"]
    assert change.event == "page.unpublished" and "/themen/thema/" in change.affected.gone
    assert f"page:{topic.pk}" in change.affected.tags
    assert WebhookDelivery.objects.filter(event="page.unpublished").count() == 1


def test_a_direct_save_of_a_live_page_is_still_a_change(topic, announced, commit, endpoint):  # noqa: F811
    clear(announced)

    def save():
        page = type(topic).objects.get(pk=topic.pk)
        page.intro = "Direkt geändert"
        page.save()

    commit(save)
    [change] = announced["changes"]
    assert change.event == "page.published" and change.object_id == topic.pk


def test_a_contact_person_is_a_change_when_published_not_while_a_draft(
    announced,  # noqa: F811
    commit,
    endpoint,
):
    clear(announced)
    person = commit(lambda: ContactPersonFactory(live=False, role="Entwurf"))
    assert announced["changes"] == [] and not WebhookDelivery.objects.exists()

    commit(lambda: person.save_revision().publish())
    [change] = announced["changes"]
    assert change.event == "snippet.saved" and change.object_id == person.pk
    assert "listing:people" in change.affected.tags
    assert WebhookDelivery.objects.count() == 1

    clear(announced)
    commit(lambda: type(person).objects.get(pk=person.pk).unpublish())
    [change] = announced["changes"]
    assert change.event == "snippet.saved" and change.object_id == person.pk
    assert WebhookDelivery.objects.count() == 1
