"""Every block an editor can pick shows a preview and a description in the admin's block picker.

The blocks come from the StreamFields of the project's models, so a new block (or a new
stream) is covered as soon as editors can pick it. Each preview is fetched through the admin's
own block preview view, once with an empty database and once with the demo content.
"""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.conf import settings
from django.urls import reverse
from wagtail.blocks import Block
from wagtail.embeds.finders import get_finders
from wagtail.fields import StreamField
from wagtail.models import Collection, CollectionViewRestriction
from wagtail_factories import ImageFactory

from blocks.shared import (
    AccordionBlock,
    BaseStreamBlock,
    CallToActionBlock,
    CaptionedImageBlock,
    ConsentEmbedBlock,
    LinkListBlock,
    PictureTextBlock,
    QuoteBlock,
    SectionBlock,
    SignLanguageVideoBlock,
    TextBlock,
)
from content.translated import TranslationsBlock
from demo import content
from documents.blocks import PublicationsBlock
from documents.factories import PublicationFactory
from people.blocks import ContactPersonsBlock
from people.factories import ContactPersonFactory
from topics.blocks import FurtherInformationBlock, TopicBodyBlock


def pickable_blocks():
    """``{(stream name, block name): block}`` for every content StreamField of the project's
    models (the apps at the repository's root, not Wagtail's or Django's)."""
    found = {}
    for app in apps.get_app_configs():
        if Path(app.path).parent != Path(settings.BASE_DIR):
            continue
        for field in (f for model in app.get_models() for f in model._meta.get_fields()):
            if not isinstance(field, StreamField):
                continue
            stream = field.stream_block
            if isinstance(stream, TranslationsBlock):
                continue  # a form's language entries (content/translated.py), not content
            for name, block in stream.child_blocks.items():
                found[(type(stream).__name__, name)] = block
    return found


PICKABLE = pickable_blocks()

# What each block's preview shows: with an empty database, and with the demo content. Blocks
# that pick their preview from the database say so when there is nothing to pick yet.
SHOWS = {
    SectionBlock: {
        "any": [
            '<h2 id="abschnitt-soziale-beratung-fur-gefluchtete">'
            "Soziale Beratung für Geflüchtete</h2>",
            "Mitgliedsorganisationen",
        ]
    },
    TextBlock: {"any": ["Der Paritätische NRW berät seine Mitgliedsorganisationen."]},
    QuoteBlock: {
        "any": [
            "<blockquote><p>Für uns stehen immer die Menschen im Mittelpunkt.</p></blockquote>",
            "<figcaption>Der Paritätische NRW</figcaption>",
        ]
    },
    CallToActionBlock: {
        "any": [
            "<h2>Mehr Informationen</h2>",
            '<a href="https://www.paritaet-nrw.org/">Zu den Publikationen</a>',
        ]
    },
    LinkListBlock: {
        "any": [
            "<h2>Weitere Angebote</h2>",
            '<a href="https://www.paritaet-nrw.org/">Der Paritätische NRW</a>',
            '<a href="https://www.der-paritaetische.de/">Der Paritätische Gesamtverband</a>',
        ]
    },
    AccordionBlock: {
        "any": ["<h2>Häufige Fragen</h2>", "<summary>Wer kann beraten werden?</summary>"]
    },
    ConsentEmbedBlock: {
        "any": [
            'aria-label="Video: Der Paritätische NRW stellt sich vor"',
            "Dieser Inhalt wird von einem externen Anbieter bereitgestellt.",
            "„Der Paritätische NRW stellt sich vor“ beim Anbieter ansehen",
        ]
    },
    CaptionedImageBlock: {
        "empty": ["Es gibt noch keine Bilder in der Bildersammlung."],
        "demo": [
            'alt="Beispielbild"',
            "<figcaption>Bildunterschrift mit Fotonachweis</figcaption>",
        ],
    },
    PictureTextBlock: {
        "empty": ["Es gibt noch keine Bilder in der Bildersammlung."],
        "demo": [
            'alt="Beispielbild"',
            "<p>Hier steht ein kurzer Satz.</p><p>Das Bild hilft beim Verstehen.</p>",
            "Bild: Beispiel</figcaption>",
        ],
    },
    # The demo has no video in sign language (tests/blocks/test_easy_read_blocks.py has one).
    SignLanguageVideoBlock: {
        "empty": ["Es gibt noch keine Videodateien (MP4 oder WebM) in den Dokumenten."],
        # The demo's sign-language video on the Leichte Sprache home.
        "demo": ["<video", "/dgs-beispiel", "Video herunterladen (WEBM"],
    },
    ContactPersonsBlock: {
        "empty": ["Es gibt noch keine veröffentlichten Ansprechpersonen."],
        "demo": [
            "<h2>Ansprechpersonen</h2>",
            *[f"{first} {last}</h3>" for first, last, _ in content.CONTACT_PERSONS],
            "Fachreferentin Migration und Flüchtlingsarbeit",
        ],
    },
    PublicationsBlock: {
        "empty": ["Es gibt noch keine öffentlichen Publikationen."],
        "demo": [
            "<h2>Publikationen</h2>",
            *[row[0] for row in content.DEMO_TOPIC_PUBLICATIONS[-2:]],
        ],
    },
}


def preview(client, block):
    return client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})


def preview_problems(client, key, state):
    """What is wrong with the preview of one pickable block (an empty list if nothing)."""
    block = PICKABLE[key]
    response = preview(client, block)
    if response.status_code != 200:
        return [f"{key}: status {response.status_code}"]
    html = str(BeautifulSoup(response.content, "html.parser").select_one("main"))
    shows = SHOWS[type(block)]
    expected = shows.get("any", shows.get(state))
    return [f"{key}: {text!r} not in {html}" for text in expected if text not in html]


@pytest.fixture
def demo_content(demo):
    return demo


def test_the_streams_editors_use_are_all_covered():
    streams = {stream for stream, _ in PICKABLE}
    assert {
        BaseStreamBlock.__name__,
        TopicBodyBlock.__name__,
        FurtherInformationBlock.__name__,
    } <= streams
    assert {name for stream, name in PICKABLE if stream == "TopicBodyBlock"} == {
        *BaseStreamBlock.base_blocks,
        "contact_persons",
        "publications",
    }


@pytest.mark.parametrize("key", sorted(PICKABLE), ids="-".join)
def test_block_is_previewable_and_described(key):
    block = PICKABLE[key]
    assert type(block) in SHOWS, f"Say below what the preview of {type(block).__name__} shows."
    assert block.is_previewable
    assert hasattr(block.meta, "preview_value") or (
        type(block).get_preview_value is not Block.get_preview_value
    ), "a preview value of its own (not only the block's default)"
    assert str(block.get_description()).strip()


@pytest.mark.parametrize("key", sorted(PICKABLE), ids="-".join)
def test_preview_with_an_empty_database(admin_client, key):
    assert preview_problems(admin_client, key, "empty") == []


def test_previews_with_the_demo_content(demo_content, admin_client):
    # One test for all blocks: the demo content is loaded once.
    problems = [
        problem
        for key in sorted(PICKABLE)
        for problem in preview_problems(admin_client, key, "demo")
    ]
    assert problems == []


def test_preview_picks_only_what_visitors_may_see(admin_client):
    private_collection = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=private_collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    ContactPersonFactory(first_name="Entwurf", last_name="Person", live=False)
    PublicationFactory(title="Internes Papier", collection=private_collection)
    for key in (("TopicBodyBlock", "contact_persons"), ("TopicBodyBlock", "publications")):
        assert preview_problems(admin_client, key, "empty") == []
        html = preview(admin_client, PICKABLE[key]).content.decode()
        assert "Entwurf Person" not in html and "Internes Papier" not in html


def test_image_preview_prefers_a_landscape_image(admin_client):
    ImageFactory(title="Porträt", file__width=60, file__height=60)
    ImageFactory(title="Querformat", file__width=120, file__height=60)
    response = preview(admin_client, PICKABLE[("TopicBodyBlock", "image")])
    img = BeautifulSoup(response.content, "html.parser").select_one("main figure img")
    assert (img["width"], img["height"]) == ("120", "60")


def test_embed_preview_asks_no_provider():
    """The embed preview shows the consent notice without a request to a real provider."""
    block = PICKABLE[("TopicBodyBlock", "embed")]
    url = block.get_preview_value()["embed"].url
    assert not any(finder.accept(url) for finder in get_finders())


def test_preview_is_a_german_page_in_the_site_layout(admin_client):
    response = preview(admin_client, PICKABLE[("TopicBodyBlock", "section")])
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "de"
    assert soup.select_one('link[rel="stylesheet"]')["href"].endswith("/css/site.css")
    heading = soup.select_one("main.container > section.block-section > h2")
    assert heading.text == "Soziale Beratung für Geflüchtete"
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex"
    assert soup.title.text == "Vorschau: Abschnitt"


def test_preview_needs_admin_access(db, client):
    response = preview(client, PICKABLE[("TopicBodyBlock", "section")])
    assert response.status_code == 302
    assert "Soziale Beratung" not in response.content.decode()
