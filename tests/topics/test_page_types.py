"""Page type rules: each page type only where it belongs."""

import pytest
from wagtail.models import Page

from documents.models import PublicationIndexPage
from home.models import HomePage, StandardPage
from topics.factories import TopicPageFactory
from topics.models import TopicIndexPage, TopicPage


@pytest.mark.parametrize(
    ("model", "parents", "not_parents"),
    [
        (TopicPage, {TopicIndexPage}, {HomePage, StandardPage, TopicPage, PublicationIndexPage}),
        (TopicIndexPage, {HomePage}, {StandardPage, TopicIndexPage, TopicPage}),
        (StandardPage, {HomePage, StandardPage}, {TopicIndexPage, TopicPage}),
        (PublicationIndexPage, {HomePage}, {StandardPage, TopicIndexPage, TopicPage}),
    ],
)
def test_allowed_parent_types(model, parents, not_parents):
    allowed = set(model.allowed_parent_page_models())
    assert parents <= allowed
    assert not (not_parents & allowed)


def refused(response):
    """Wagtail's admin turns PermissionDenied into a redirect to the dashboard with a message."""
    return response.status_code == 302 and response.url == "/admin/"


def test_admin_refuses_topic_page_directly_under_home(admin_client, home_page):
    count = Page.objects.count()
    assert refused(admin_client.get(f"/admin/pages/add/topics/topicpage/{home_page.pk}/"))
    response = admin_client.post(
        f"/admin/pages/add/topics/topicpage/{home_page.pk}/",
        {"title": "Falsch", "slug": "falsch", "intro": "x"},
    )
    assert refused(response)
    assert Page.objects.count() == count


def test_add_subpage_offers_only_allowed_types(admin_client, home_page, topic_index):
    home_types = admin_client.get(f"/admin/pages/{home_page.pk}/add_subpage/").content.decode()
    assert "/admin/pages/add/topics/topicindexpage/" in home_types
    assert "/admin/pages/add/topics/topicpage/" not in home_types
    # A topic index only takes topic pages, so the admin goes straight to that form.
    response = admin_client.get(f"/admin/pages/{topic_index.pk}/add_subpage/")
    assert response.status_code == 302
    assert response.url.startswith(f"/admin/pages/add/topics/topicpage/{topic_index.pk}/")


def test_admin_offers_topic_page_under_topic_index(admin_client, topic_index):
    response = admin_client.get(f"/admin/pages/add/topics/topicpage/{topic_index.pk}/")
    assert response.status_code == 200


def test_topic_pages_cannot_have_children(admin_client, topic_index):
    topic = TopicPageFactory(parent=topic_index)
    assert refused(admin_client.get(f"/admin/pages/add/home/standardpage/{topic.pk}/"))


def test_only_one_publications_page(admin_client, home_page):
    home_page.add_child(instance=PublicationIndexPage(title="Publikationen", slug="publikationen"))
    assert refused(
        admin_client.get(f"/admin/pages/add/documents/publicationindexpage/{home_page.pk}/")
    )
