"""What a change affects is found through Wagtail's reference index, which must say what the
live pages show: a page whose unpublished draft no longer shows a person still shows it live,
so a change to the person reaches it. With the production setting (tasks queued in the
database for the worker) Wagtail updates the index only when the worker runs; the change
pipeline keeps it current for what goes live, in the same transaction."""

import pytest
from wagtail.models import ReferenceIndex

from people.factories import ContactPersonFactory
from topics.factories import TopicPageContactPersonFactory, TopicPageFactory

TASK_BACKENDS = {
    "inline": "django_tasks.backends.immediate.ImmediateBackend",
    "database queue": "django_tasks_db.DatabaseBackend",
}


@pytest.fixture(params=list(TASK_BACKENDS))
def tasks(request, settings):
    settings.TASKS = {"default": {"BACKEND": TASK_BACKENDS[request.param]}}
    return request.param


def urls(page):
    path = page.get_url_parts()[2]
    return [path, f"/api/v2/pages/{page.pk}/", f"/api/v3/pages/{page.pk}/"]


def test_a_person_removed_only_in_a_draft_is_still_live_and_its_change_reaches_the_page(
    tasks, topic_index, client
):
    person = ContactPersonFactory(first_name="Petra", last_name="Beispiel", role="Alte Rolle")
    topic = TopicPageFactory(
        parent=topic_index,
        slug="zeigt",
        body=[("contact_persons", {"heading": "Kontakt", "persons": [person]})],
    )
    TopicPageContactPersonFactory(page=topic, person=person, sort_order=0)
    topic.save_revision().publish()
    for url in urls(topic):
        assert "Alte Rolle" in client.get(url).content.decode(), url
        assert client.get(url)["X-Response-Cache"] == "hit", url  # kept in the cache

    # An editor removes the person in a draft; the live page still shows them.
    topic = type(topic).objects.get(pk=topic.pk)
    topic.body = []
    topic.contact_person_links.clear()
    topic.save_revision()
    assert "Alte Rolle" in client.get(urls(topic)[2]).content.decode()

    person.role = "Neue Rolle"
    person.save_revision().publish()

    for url in urls(topic):
        body = client.get(url).content.decode()
        assert "Neue Rolle" in body and "Alte Rolle" not in body, url


def test_the_index_holds_the_live_references_when_the_change_is_announced(
    tasks, topic_index, django_capture_on_commit_callbacks
):
    person = ContactPersonFactory()
    with django_capture_on_commit_callbacks(execute=True):
        topic = TopicPageFactory(parent=topic_index, slug="zeigt", live=False)
        TopicPageContactPersonFactory(page=topic, person=person, sort_order=0)
        topic.save_revision().publish()
    referrers = ReferenceIndex.get_references_to(person).values_list("object_id", flat=True)
    assert str(topic.pk) in set(referrers)
