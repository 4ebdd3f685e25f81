"""Word families: "Flüchtlinge" and "Geflüchtete" are one word to the search."""

import pytest
from wagtail.rich_text import RichText

from topics.factories import TopicPageFactory


@pytest.fixture
def pages(topic_index):
    return {
        "gefluechtete": TopicPageFactory(
            parent=topic_index,
            slug="a",
            title="Wohnen",
            intro="Beratung für Geflüchtete.",
            body=[],
        ),
        "fluechtling": TopicPageFactory(
            parent=topic_index,
            slug="b",
            title="Arbeit",
            intro="Jeder Flüchtling wird beraten.",
            body=[],
        ),
        "other": TopicPageFactory(
            parent=topic_index,
            slug="c",
            title="Pflege",
            intro="Beratung für Angehörige.",
            body=[("section", {"heading": "Pflege", "text": RichText("<p>Nichts davon.</p>")})],
        ),
    }


def found(search_api, q):
    return {item["title"] for item in search_api(q=q).json()["items"]}


@pytest.mark.parametrize("query", ["Flüchtling", "Geflüchtete"])
def test_either_word_finds_both(search_api, pages, query):
    assert found(search_api, query) == {"Wohnen", "Arbeit"}


def test_other_words_of_the_query_still_must_match(search_api, pages):
    assert found(search_api, "Flüchtling Wohnen") == {"Wohnen"}


def test_the_family_word_is_marked_in_the_excerpt(search_api, pages):
    items = search_api(q="Flüchtling").json()["items"]
    excerpt = next(i["excerpt"] for i in items if i["title"] == "Wohnen")
    assert "<mark>Geflüchtete</mark>" in excerpt


@pytest.mark.postgres
def test_inflected_forms_of_the_family_are_found_on_postgres(search_api, topic_index):
    TopicPageFactory(
        parent=topic_index,
        slug="d",
        title="Unterbringung",
        intro="Wohnraum für geflüchteten Menschen.",
        body=[],
    )
    assert "Unterbringung" in found(search_api, "Flüchtlinge")
