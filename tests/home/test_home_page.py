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
from organisation.models import Fachbereich
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


def test_without_featured_topics_the_newest_published_topics_are_cards(
    client, home_page, topic_index
):
    for i in range(5):
        TopicPageFactory(parent=topic_index, title=f"Thema {i}")
    TopicPageFactory(parent=topic_index, title="Entwurfsthema", live=False)
    html = client.get("/").content.decode()
    cards = html[html.index('id="featured-topics-heading"') : html.index("</section>")]
    assert [f"Thema {i}" in cards for i in range(5)] == [False, False, True, True, True]
    assert "Entwurfsthema" not in cards
    feature(home_page, topic_titled(topic_index, "Thema 0"), 0)
    cache.clear()
    html = client.get("/").content.decode()
    cards = html[html.index('id="featured-topics-heading"') : html.index("</section>")]
    assert "Thema 0" in cards and "Thema 4" not in cards


def topic_titled(parent, title):
    return parent.get_children().get(title=title).specific


def test_every_fachbereich_with_a_published_topic_is_a_way_in(client, home_page, topic_index):
    migration = Fachbereich.objects.create(name="Migration und Flüchtlingsarbeit")
    youth = Fachbereich.objects.create(name="Kinder, Jugend und Familie")
    unused = Fachbereich.objects.create(name="Ohne Themen")
    TopicPageFactory(parent=topic_index, title="Flucht", fachbereich=migration)
    TopicPageFactory(parent=topic_index, title="Kita", fachbereich=youth)
    TopicPageFactory(parent=topic_index, title="Ohne Zuordnung")
    html = client.get("/").content.decode()
    section = html[html.index('id="fachbereiche-heading"') :]
    section = section[: section.index("</section>")]
    index_url = topic_index.url
    assert f'href="{index_url}#fachbereich-migration-und-fluchtlingsarbeit"' in section
    assert f'href="{index_url}#fachbereich-kinder-jugend-und-familie"' in section
    assert unused.name not in section
    overview = client.get(index_url).content.decode()
    for anchor in ("fachbereich-migration-und-fluchtlingsarbeit", "weitere-themen"):
        assert f'id="{anchor}"' in overview
    assert (
        overview.index("Kinder, Jugend")
        < overview.index("Migration und")
        < overview.index("Weitere Themen")
    )
    api = client.get(f"/api/v3/pages/{home_page.pk}/").json()
    assert [f["name"] for f in api["fachbereiche"]] == [youth.name, migration.name]
    assert api["fachbereiche"][0]["url"].startswith("http://testserver/")
