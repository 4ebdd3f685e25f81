"""Listings with delivered fields resolve their items together: v2's page listing with
``fields=body`` (or every field) and the v3 listings cost the same number of queries for 5
topic pages as for 50, each page referring to its own contact persons (in the body and the
sidebar), publications (chosen and tagged), images, Fachgruppe and a draft person that must not
show; and each item is exactly what the page's own detail delivers."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site
from wagtail.rich_text import RichText
from wagtail_factories import ImageFactory

from documents.factories import PublicationFactory, PublicationIndexPageFactory
from httpcache import cache
from organisation.factories import FachbereichFactory
from people.factories import ContactPersonFactory, FachgruppeFactory
from topics.factories import (
    TopicIndexPageFactory,
    TopicPageContactPersonFactory,
    TopicPageFachgruppeFactory,
    TopicPageFactory,
)
from topics.values import TopicPageValue

PAGES = 50
DELIVERED = list(TopicPageValue.model_fields)

LISTINGS = [
    "/api/v2/pages/?type=topics.TopicPage&fields=body",
    "/api/v2/pages/?type=topics.TopicPage&fields=body,contact_persons,publications,hero",
    "/api/v2/pages/?type=topics.TopicPage&fields=*",
    "/api/v3/pages/?type=topics.TopicPage",
    "/api/v3/topics/",
]


def build_topic(topic_index, fachbereich, number):
    person = ContactPersonFactory(photo=ImageFactory())
    draft = ContactPersonFactory(live=False, first_name="Entwurf", last_name=f"Person {number}")
    chosen = PublicationFactory(title=f"Gewählt {number}")
    link = f'<a linktype="document" id="{chosen.pk}">PDF</a>'
    body = [
        ("section", {"heading": f"Abschnitt {number}", "text": RichText(f"<p>{link}</p>")}),
        (
            "image",
            {
                "image": {"image": ImageFactory(), "alt_text": "Bild", "decorative": False},
                "caption": f"Bild {number}",
            },
        ),
        ("contact_persons", {"heading": "Ansprechpersonen", "persons": [draft, person]}),
        ("publications", {"heading": "Publikationen", "publications": [chosen]}),
    ]
    topic = TopicPageFactory(
        parent=topic_index,
        slug=f"thema-{number:02d}",
        title=f"Thema {number:02d}",
        hero_image=ImageFactory(),
        fachbereich=fachbereich,
        body=body,
    )
    TopicPageContactPersonFactory(page=topic, person=person, sort_order=0)
    TopicPageContactPersonFactory(page=topic, person=draft, sort_order=1)
    TopicPageFachgruppeFactory(
        page=topic,
        fachgruppe=FachgruppeFactory(fachbereich=fachbereich, lead=person),
        sort_order=0,
    )
    PublicationFactory(title=f"Getaggt {number}").topics.add(topic)
    return topic


@pytest.fixture(scope="class")
def topics(django_db_setup, django_db_blocker):
    """50 topic pages, built once for the class in a transaction rolled back after it; each
    test runs in a savepoint inside it."""
    with django_db_blocker.unblock(), transaction.atomic():
        home = Site.objects.get(is_default_site=True).root_page
        topic_index = TopicIndexPageFactory(parent=home)
        PublicationIndexPageFactory(parent=home)
        fachbereich = FachbereichFactory()
        yield [build_topic(topic_index, fachbereich, n) for n in range(PAGES)]
        transaction.set_rollback(True)


def measured(client, url, limit):
    """The response and the number of queries of ``url`` at ``limit``, without the cache."""
    url = f"{url}{'&' if '?' in url else '?'}limit={limit}"
    client.get(url)  # renditions are created on the first request
    cache.forget_everything()  # measure the work, not the cache
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content
    assert len(response.json()["items"]) == limit
    return response.json()["items"], len(captured)


@pytest.mark.xdist_group("listing-fields-queries")
class TestListingsWithDeliveredFields:
    @pytest.mark.parametrize("url", LISTINGS)
    def test_five_and_fifty_pages_cost_the_same_queries(self, topics, db, client, url):
        _items, five = measured(client, url, 5)
        items, fifty = measured(client, url, PAGES)
        assert fifty == five, (five, fifty)
        assert len({item["id"] for item in items}) == PAGES

    def test_each_item_is_the_page_s_own_detail(self, topics, db, client):
        items, _queries = measured(client, LISTINGS[2], PAGES)
        assert {item["id"] for item in items} == {topic.pk for topic in topics}
        for item in items:
            detail = client.get(f"/api/v2/pages/{item['id']}/").json()
            assert {name: item[name] for name in DELIVERED} == {
                name: detail[name] for name in DELIVERED
            }
            number = int(item["title"].split()[-1])
            # Its own references, and nothing the reader may not see.
            persons = [p["name"] for p in item["contact_persons"]]
            assert len(persons) == 1 and "Entwurf" not in str(item)
            [block] = [b for b in item["body"] if b["type"] == "contact_persons"]
            assert [p["name"] for p in block["value"]["persons"]] == persons
            assert [p["title"] for p in item["publications"]] == [f"Getaggt {number}"]
            [block] = [b for b in item["body"] if b["type"] == "publications"]
            assert [p["title"] for p in block["value"]["publications"]] == [f"Gewählt {number}"]
            assert item["hero"]["renditions"]
            assert [f["lead"]["name"] for f in item["fachgruppen"]] == persons
            assert [crumb["title"] for crumb in item["breadcrumbs"]][-1] == "Themen"
