"""The start page's topic cards: live, public topics only, with constant queries."""

from itertools import count

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction
from wagtail_factories import ImageFactory

from home.models import HomePageFeaturedTopic
from topics.factories import TopicPageFactory


def feature(home_page, topic, order):
    HomePageFeaturedTopic.objects.create(page=home_page, topic=topic, sort_order=order)


@pytest.fixture
def featured(home_page, topic_index):
    numbers = count()

    def add(how_many):
        for _ in range(how_many):
            i = next(numbers)
            image = ImageFactory(file=get_test_image_file(size=(960, 480)))
            topic = TopicPageFactory(parent=topic_index, title=f"Karte {i}", hero_image=image)
            feature(home_page, topic, i)

    return add


def test_topic_cards_have_srcset_lazy_decorative_images(client, home_page, featured):
    featured(1)
    html = client.get("/").content.decode()
    card = html[html.index('<li class="topic-card">') :]
    img = card[card.index("<img") : card.index(">", card.index("<img"))]
    assert 'alt=""' in img and 'loading="lazy"' in img
    assert 'width="640"' in img and 'height="320"' in img
    assert "fill-640x320" in img and "fill-1024x512" in img and "sizes=" in img


def test_draft_and_private_topics_are_not_featured(client, home_page, topic_index):
    shown = TopicPageFactory(parent=topic_index, title="Sichtbar")
    draft = TopicPageFactory(parent=topic_index, title="Entwurfsthema", live=False)
    private = TopicPageFactory(parent=topic_index, title="Internes Thema")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    for order, topic in enumerate((shown, draft, private)):
        feature(home_page, topic, order)
    html = client.get("/").content.decode()
    assert "Sichtbar" in html
    assert "Entwurfsthema" not in html
    assert "Internes Thema" not in html


@pytest.mark.parametrize("path", ["/", "/themen/"])
def test_topic_card_queries_do_not_grow_with_the_number_of_topics(
    client, featured, path, django_assert_num_queries
):
    featured(2)
    client.get(path)  # creates the renditions
    cache.clear()  # Wagtail also caches renditions; count the database work of a cold cache
    with CaptureQueriesContext(connection) as two:
        assert client.get(path).status_code == 200
    queries_for_two = len(two)  # read now: the next request resets the query log
    assert queries_for_two > 0
    featured(6)
    client.get(path)
    cache.clear()
    with django_assert_num_queries(queries_for_two):
        assert client.get(path).status_code == 200
