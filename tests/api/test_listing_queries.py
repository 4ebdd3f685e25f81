"""Every listing runs the same number of queries for 5 items as for 50."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site
from wagtail_factories import ImageFactory

from documents.factories import PublicationFactory
from httpcache import cache
from organisation.factories import FachbereichFactory
from people.factories import ContactPersonFactory, FachgruppeFactory
from topics.factories import TopicIndexPageFactory, TopicPageFactory

LISTINGS = [
    "/api/v2/pages/",
    "/api/v2/documents/",
    "/api/v3/pages/",
    "/api/v3/publications/",
    "/api/v3/people/contact-persons/",
    "/api/v3/people/fachbereiche/",
    "/api/v3/people/fachgruppen/",
    "/api/v3/topics/",
]


@pytest.fixture(scope="class")
def content(django_db_setup, django_db_blocker):
    """51 of everything, built once for the class in a transaction rolled back after it; each
    test runs in a savepoint inside it (so its renditions and cache rows go with it)."""
    with django_db_blocker.unblock(), transaction.atomic():
        topic_index = TopicIndexPageFactory(parent=Site.objects.get(is_default_site=True).root_page)
        fachbereich = FachbereichFactory()
        for _ in range(51):
            person = ContactPersonFactory(photo=ImageFactory())
            FachgruppeFactory(fachbereich=fachbereich, lead=person)
            FachbereichFactory()
            topic = TopicPageFactory(
                parent=topic_index, hero_image=ImageFactory(), show_in_menus=True
            )
            PublicationFactory().topics.add(topic)
        yield
        transaction.set_rollback(True)


def queries(client, url, limit):
    client.get(url, {"limit": limit})  # renditions are created on the first request
    cache.forget_everything()  # measure the work, not the cache
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, {"limit": limit})
    assert response.status_code == 200
    data = response.json()
    assert len(data["items"]) == limit
    return len(captured)


# One worker builds the content once for all listings.
@pytest.mark.xdist_group("listing-queries")
class TestListings:
    @pytest.mark.parametrize("url", LISTINGS)
    def test_listing_queries_do_not_grow_with_the_limit(
        self, content, db, client, url, django_assert_num_queries
    ):
        five = queries(client, url, 5)
        client.get(url, {"limit": 50})  # renditions are created on the first request
        cache.forget_everything()  # measure the work, not the cache
        with django_assert_num_queries(five):
            assert len(client.get(url, {"limit": 50}).json()["items"]) == 50


def test_navigation_queries_do_not_grow_with_the_menu(topic_index, client):
    def navigation_queries():
        cache.forget_everything()  # measure the work, not the cache
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/api/v3/navigation/").status_code == 200
        return len(captured)

    topic_index.show_in_menus = True
    topic_index.save()
    TopicPageFactory(parent=topic_index, show_in_menus=True)
    navigation_queries()  # fills Wagtail's cache of the sites' root paths
    few = navigation_queries()
    for _ in range(30):
        TopicPageFactory(parent=topic_index, show_in_menus=True)
    assert navigation_queries() == few
