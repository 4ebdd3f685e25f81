"""Every body block renders, and deleted or private references are left out, not crashed on."""

import pytest
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.rich_text import RichText
from wagtail_factories import ImageFactory

from documents.factories import PublicationFactory
from people.factories import ContactPersonFactory
from topics.factories import TopicPageFactory


@pytest.fixture
def refs(db):
    private = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    return {
        "person": ContactPersonFactory(first_name="Block", last_name="Person", role="Beraterin"),
        "draft_person": ContactPersonFactory(first_name="Entwurf", last_name="Person", live=False),
        "publication": PublicationFactory(title="Öffentliche Broschüre"),
        "private_publication": PublicationFactory(title="Interne Notiz", collection=private),
        "image": ImageFactory(title="Bild"),
    }


@pytest.fixture
def page(topic_index, refs):
    return TopicPageFactory(
        parent=topic_index,
        slug="alle-bloecke",
        body=[
            ("section", {"heading": "Abschnitt", "text": RichText("<p>Abschnittstext</p>")}),
            ("text", RichText("<p>Freier Text</p>")),
            (
                "image",
                {
                    "image": {
                        "image": refs["image"],
                        "alt_text": "Ein Testbild",
                        "decorative": False,
                    },
                    "caption": "Bildunterschrift",
                },
            ),
            ("quote", {"quote": "Ein Zitat", "attribution": "Jemand"}),
            (
                "call_to_action",
                {"heading": "Mitmachen", "text": "Text", "link": {"url": "https://example.org/"}},
            ),
            (
                "link_list",
                {"heading": "Links", "links": [{"label": "Doku", "document": refs["publication"]}]},
            ),
            (
                "accordion",
                {
                    "heading": "Fragen",
                    "items": [{"title": "Frage 1", "text": RichText("<p>Antwort 1</p>")}],
                },
            ),
            ("embed", {"title": "Ein Video", "embed": "https://www.youtube.com/watch?v=abc"}),
            (
                "contact_persons",
                {"heading": "Kontakt", "persons": [refs["person"], refs["draft_person"]]},
            ),
            (
                "publications",
                {
                    "heading": "Zum Herunterladen",
                    "publications": [refs["publication"], refs["private_publication"]],
                },
            ),
        ],
    )


def test_every_block_renders(client, page):
    html = client.get(page.url).content.decode()
    for text in [
        '<h2 id="abschnitt-abschnitt">Abschnitt</h2>',
        "Freier Text",
        'alt="Ein Testbild"',
        "Bildunterschrift",
        "Ein Zitat",
        'href="https://example.org/"',
        "Doku",
        "<summary>Frage 1</summary>",
        "Ein Video",
        "Block Person",
        "Beraterin",
        "Öffentliche Broschüre",
    ]:
        assert text in html, text
    # Privacy by default: the embed is a link, nothing is loaded from the video host.
    assert "<iframe" not in html and "youtube.com/embed" not in html


def test_drafts_and_private_documents_are_not_shown(client, page):
    html = client.get(page.url).content.decode()
    assert "Entwurf Person" not in html
    assert "Interne Notiz" not in html


def test_deleted_references_are_left_out(client, page, refs):
    refs["person"].delete()
    refs["publication"].delete()
    refs["image"].delete()
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Block Person" not in html
    assert "Öffentliche Broschüre" not in html
