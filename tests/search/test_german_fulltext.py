"""The issue's must-show searches, on PostgreSQL's German full-text search (stemming)."""

import pytest
from wagtail.rich_text import RichText

from documents.models import Publication
from topics.factories import TopicPageFactory
from topics.models import TopicIndexPage

pytestmark = pytest.mark.postgres


def titles(response, type=None):  # noqa: A002
    return [i["title"] for i in response.json()["items"] if type is None or i["type"] == type]


def test_gefluechtete_finds_the_page_that_says_gefluechteten(demo, search_api):
    # The demo page, and a page whose text has *only* the inflected form.
    TopicPageFactory(
        parent=TopicIndexPage.objects.get(locale__language_code="de"),
        title="Unterbringung",
        intro="Wohnraum für geflüchteten Menschen.",
        body=[],
    )
    response = search_api(q="Geflüchtete")
    assert response.status_code == 200
    found = titles(response, "topic")
    assert "Flüchtlingsarbeit" in found
    assert "Unterbringung" in found
    item = next(i for i in response.json()["items"] if i["title"] == "Unterbringung")
    assert "<mark>geflüchteten</mark>" in item["excerpt"]


def test_metelmann_finds_the_contact_person(demo, search_api):
    response = search_api(q="Metelmann")
    items = response.json()["items"]
    assert [(i["type"], i["title"]) for i in items] == [("person", "Janine Metelmann")]
    assert items[0]["url"] == "http://testserver/themen/fluechtlingsarbeit/#topic-contacts-heading"
    assert "Fachreferentin Migration" in items[0]["excerpt"]


def test_asylverfahrensberatung_finds_the_topic_page(demo, search_api):
    response = search_api(q="Asylverfahrensberatung", type="topic")
    items = response.json()["items"]
    assert [i["title"] for i in items] == ["Flüchtlingsarbeit"]
    assert "<mark>Asylverfahrensberatung</mark>" in items[0]["excerpt"]


def test_a_word_only_inside_a_pdf_finds_the_publication(demo, search_api):
    publication = Publication.objects.get(title="Arbeitshilfe Asylverfahrensberatung")
    assert "Anhörungscheckliste" in publication.full_text
    assert "Anhörungscheckliste" not in publication.title + publication.description

    response = search_api(q="Anhörungscheckliste")
    items = response.json()["items"]
    assert [(i["type"], i["title"]) for i in items] == [("publication", publication.title)]
    assert items[0]["url"] == "http://testserver" + publication.url
    assert "<mark>Anhörungscheckliste</mark>" in items[0]["excerpt"]


def test_a_title_match_ranks_above_a_match_deep_in_the_text(search_api, topic_index):
    filler = " ".join(["Die Beratungsstellen arbeiten eng mit den Kommunen zusammen."] * 40)
    TopicPageFactory(
        parent=topic_index,
        title="Allgemeine Hinweise",
        intro="Überblick über die Angebote.",
        body=[
            ("section", {"heading": "Hintergrund", "text": RichText(f"<p>{filler}</p>")}),
            (
                "section",
                {"heading": "Anhang", "text": RichText("<p>Auch: Wohnungslosenhilfe.</p>")},
            ),
        ],
    )
    TopicPageFactory(
        parent=topic_index, title="Wohnungslosenhilfe", intro="Hilfe für Menschen.", body=[]
    )
    assert titles(search_api(q="Wohnungslosenhilfe")) == [
        "Wohnungslosenhilfe",
        "Allgemeine Hinweise",
    ]
