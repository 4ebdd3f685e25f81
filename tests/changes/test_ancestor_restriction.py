"""A restriction on an ancestor hides its descendants from every listing at once: after a
login restriction on /themen/, the topics listing (v3), the v2 page listing, the navigation and
the home page stop showing its topics on the next request, although each was served from the
response cache before."""

import pytest
from wagtail.models import PageViewRestriction

from topics.factories import TopicPageFactory

TITLES = ("Flüchtlingsarbeit Frischetest", "Familie Frischetest")
MARK = "Frischetest"


@pytest.fixture
def topics(topic_index):
    topic_index.show_in_menus = True  # the navigation shows the index (its children are deeper)
    topic_index.title = f"Themen {MARK}"
    topic_index.save_revision().publish()
    return [
        TopicPageFactory(parent=topic_index, title=title, slug=f"thema-{n}", show_in_menus=True)
        for n, title in enumerate(TITLES)
    ]


def listings(home_page):
    return {
        "v3 topics": "/api/v3/topics/",
        "v2 listing": "/api/v2/pages/?type=topics.TopicPage&fields=title",
        "navigation": "/api/v3/navigation/",
        "home": home_page.url,
        "home v3": f"/api/v3/pages/{home_page.pk}/",
    }


@pytest.mark.parametrize("restriction", [PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD])
def test_restricting_the_topic_index_hides_its_topics_from_every_listing(
    client, home_page, topic_index, topics, restriction, django_capture_on_commit_callbacks
):
    shown = {}
    for name, url in listings(home_page).items():
        client.get(url)
        again = client.get(url)
        assert again.status_code == 200, name
        shown[name] = MARK in again.content.decode()
    assert shown["v3 topics"] and shown["v2 listing"] and shown["navigation"]
    assert client.get("/api/v3/topics/")["X-Response-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=topic_index, restriction_type=restriction, password="geheim"
        )

    for name, url in listings(home_page).items():
        response = client.get(url)
        assert response.status_code == 200, name
        assert MARK not in response.content.decode(), (name, shown[name])
