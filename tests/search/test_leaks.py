"""Nothing that is not public is ever found or counted: not in results, counts, suggestions."""

import pytest
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from documents.factories import PublicationFactory
from home.factories import StandardPageFactory
from people.factories import ContactPersonFactory
from topics.factories import TopicPageFactory

WORD = "Zauberwort"


@pytest.fixture
def hidden_and_public(home_page, topic_index):
    # One public object per type carries the word: they, and only they, must be found.
    TopicPageFactory(parent=topic_index, title=f"Thema {WORD}", slug="oeffentlich")
    ContactPersonFactory(first_name="Olga", last_name=WORD)
    PublicationFactory(title=f"Broschüre {WORD}", full_text=f"Öffentlich {WORD}")

    # Everything below must stay invisible.
    draft = TopicPageFactory(
        parent=topic_index, title=f"Entwurf {WORD}", slug="entwurf", live=False
    )
    assert not draft.live

    unpublished = TopicPageFactory(parent=topic_index, title=f"Zurückgezogen {WORD}", slug="alt")
    unpublished.unpublish()

    private = StandardPageFactory(parent=home_page, title=f"Intern {WORD}", slug="intern")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    StandardPageFactory(parent=private, title=f"Unterseite {WORD}", slug="unterseite")

    live_with_draft = TopicPageFactory(
        parent=topic_index, title="Veröffentlicht", slug="veroeffentlicht", intro="Alter Text."
    )
    live_with_draft.intro = f"Neuer, noch nicht freigegebener Text: {WORD}"
    live_with_draft.save_revision()

    ContactPersonFactory(first_name="Dora", last_name=f"{WORD}entwurf", role=WORD, live=False)

    internal = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=internal, restriction_type="password", password="x"
    )
    PublicationFactory(title=f"Vertraulich {WORD}", full_text=WORD, collection=internal)
    below = internal.add_child(name="Unterordner")
    PublicationFactory(title=f"Auch vertraulich {WORD}", full_text=WORD, collection=below)


def test_only_public_objects_are_found_and_counted(hidden_and_public, search_api):
    body = search_api(q=WORD, limit=50).json()
    assert sorted((i["type"], i["title"]) for i in body["items"]) == [
        ("person", f"Olga {WORD}"),
        ("publication", f"Broschüre {WORD}"),
        ("topic", f"Thema {WORD}"),
    ]
    assert body["count"] == 3
    assert {c["type"]: c["count"] for c in body["counts"]} == {
        "topic": 1,
        "page": 0,
        "person": 1,
        "fachgruppe": 0,
        "publication": 1,
    }


@pytest.mark.parametrize("type", ["topic", "page", "person", "publication"])
def test_filtered_by_type_nothing_hidden_appears(hidden_and_public, search_api, type):  # noqa: A002
    body = search_api(q=WORD, type=type, limit=50).json()
    assert body["count"] == (0 if type == "page" else 1)
    assert len(body["items"]) == body["count"]


def test_the_page_shows_no_hidden_title(hidden_and_public, search_page):
    html = search_page(q=WORD).content.decode()
    assert f"Thema {WORD}" in html
    for hidden in ("Entwurf", "Zurückgezogen", "Intern", "Unterseite", "Vertraulich", "Dora"):
        assert hidden not in html
    assert "freigegeben" not in html
    assert "3 Ergebnisse" in html


def test_suggestions_show_nothing_hidden(hidden_and_public, client):
    items = client.get("/api/v3/search/autocomplete/", {"q": WORD[:5], "limit": 20}).json()["items"]
    assert sorted(i["title"] for i in items) == sorted(
        [f"Thema {WORD}", f"Olga {WORD}", f"Broschüre {WORD}"]
    )


def test_link_words_are_found_only_where_every_reader_is_shown_them(topic_index, search_api):
    """A link to a page or document is shown only while its target is visible, so its label
    (and the heading of a list of such links) is not searchable; external links always are."""
    draft = TopicPageFactory(parent=topic_index, title="Entwurf", slug="entwurf", live=False)
    TopicPageFactory(
        parent=topic_index,
        title="Öffentlich",
        slug="oeffentlich",
        body=[
            (
                "link_list",
                {
                    "heading": "Weiterführendes",
                    "links": [
                        {"label": "Beratungsatlas", "url": "https://example.org/atlas"},
                        {"label": "Vorstandsinterna", "page": draft},
                    ],
                },
            ),
            ("link_list", {"heading": "Hausmitteilungen", "links": [{"page": draft}]}),
        ],
    )

    def found(word):
        return search_api(q=word).json()["count"]

    assert found("Beratungsatlas") == 1
    assert found("Weiterführendes") == 1
    assert found("Vorstandsinterna") == 0
    assert found("Hausmitteilungen") == 0
