"""Webhooks from real edits: the CMS's own change signals reach a registered endpoint with the
exact affected paths and API URLs."""

import json

from people.factories import ContactPersonFactory
from tests.webhooks.support import make_endpoint
from topics.factories import TopicPageContactPersonFactory, TopicPageFactory


def test_publishing_a_contact_person_notifies_with_the_pages_that_show_it(
    receiver, topic_index, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILAPI_BASE_URL = "https://www.example.org"
    # What the setup did is committed (announced) before the change under test.
    with django_capture_on_commit_callbacks(execute=True):
        person = ContactPersonFactory(last_name="Metelmann")
        shown = TopicPageFactory(parent=topic_index, slug="zeigt")
        TopicPageFactory(parent=topic_index, slug="anderes")
        TopicPageContactPersonFactory(page=shown, person=person)
        shown.save_revision().publish()
    make_endpoint(receiver.url)

    with django_capture_on_commit_callbacks(execute=True):
        person.role = "Neue Rolle"
        person.save_revision().publish()

    [request] = receiver.requests
    event = json.loads(request.body)
    assert event["event"] == "snippet.saved"
    assert event["object"]["model"] == "people.contactperson"
    assert event["object"]["id"] == person.pk
    assert event["paths"] == ["/themen/zeigt/"]
    assert f"https://www.example.org/api/v3/pages/{shown.pk}/" in event["api_urls"]
    assert not any("anderes" in url for url in event["api_urls"])


def test_unpublishing_a_page_notifies_that_its_path_is_gone(
    receiver, topic_index, django_capture_on_commit_callbacks
):
    # What the setup did is committed (announced) before the change under test.
    with django_capture_on_commit_callbacks(execute=True):
        page = TopicPageFactory(parent=topic_index, slug="weg")
    make_endpoint(receiver.url, events=("page.unpublished",))
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    [request] = receiver.requests
    event = json.loads(request.body)
    assert event["event"] == "page.unpublished"
    assert "/themen/weg/" in event["paths"]
    assert "/themen/" in event["paths"]  # the index that listed it
