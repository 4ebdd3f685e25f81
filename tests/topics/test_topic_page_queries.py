"""The rendered topic page runs a fixed number of queries, however long the page is."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail_factories import ImageFactory

from people.factories import ContactPersonFactory, FachgruppeFactory
from topics.factories import (
    TopicPageContactPersonFactory,
    TopicPageFachgruppeFactory,
    TopicPageFactory,
    sections,
)

QUERY_BUDGET = 20


def build_page(topic_index, size):
    page = TopicPageFactory(
        parent=topic_index,
        slug=f"thema-{size}",
        hero_image=ImageFactory(),
        hero_image_alt="Ein Bild",
        body=sections(size),
    )
    for index in range(size):
        person = ContactPersonFactory(photo=ImageFactory())
        TopicPageContactPersonFactory(page=page, person=person, sort_order=index)
        TopicPageFachgruppeFactory(page=page, fachgruppe=FachgruppeFactory(), sort_order=index)
    return page


def queries_to_render(client, page):
    client.get(page.url)  # first visit creates the image renditions
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page.url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_query_count_does_not_grow_with_sections_and_persons(client, topic_index):
    small_count, small_html = queries_to_render(client, build_page(topic_index, 1))
    large_count, large_html = queries_to_render(client, build_page(topic_index, 20))
    assert large_html.count('class="contact-card"') == 20
    assert large_html.count('class="block-section"') == 20
    assert large_count == small_count
    assert large_count <= QUERY_BUDGET


@pytest.mark.parametrize("size", [1, 20])
def test_topic_page_query_budget(client, topic_index, django_assert_max_num_queries, size):
    page = build_page(topic_index, size)
    client.get(page.url)
    with django_assert_max_num_queries(QUERY_BUDGET):
        client.get(page.url)
