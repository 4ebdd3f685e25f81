"""Every block of every page type, filled, through every preview an editor or reviewer uses.

A page of each type with StreamFields (the home page, a standard page, the seed topic page)
gets one block of every type its streams offer, each filled with the block's own example value
(the value the block picker's preview shows; images and documents are the demo's real files).
As the least-privileged editor of the page: the admin preview in each preview mode, the
frontend preview API (every block type present, none dropped by resolution), the revision view
and the compare view all answer 200 and show the unsaved change.

Then the "removed publication" case: removing hand-picked publications from a topic page's
body in the unsaved form. The topic page also lists, below its body, the publications *tagged*
with the topic ("Publikationen zum Thema", automatic, without the hand-picked ones). So a removed
publication that is tagged with the topic leaves the body's block and appears in the automatic
list (it is no longer hand-picked); one that is not tagged is not shown at all.
"""

import json
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from blocks.shared import ConsentEmbedBlock, SignLanguageVideoBlock
from documents.models import Publication
from home.models import HomePage, StandardPage
from tests.admin_forms import edit_form_data, stream_items
from topics.models import TopicPage

from .test_preview_sweep import CHANGE, FRONTEND, check, client_as, editor_of

SEEN = []


def stream_fields(page):
    return [f for f in type(page)._meta.get_fields() if isinstance(f, StreamField)]


# A video address as an editor would enter it. Its oEmbed answer is in Wagtail's embed cache
# (the Embed table, which the embed finders consult first), so no request goes to the provider;
# the block's own example address is one no finder accepts, which the editor's form refuses.
VIDEO = "https://www.youtube.com/watch?v=paritaet-demo"


def cached_video():
    Embed.objects.update_or_create(
        hash=get_embed_hash(VIDEO),
        defaults={
            "url": VIDEO,
            "type": "video",
            "html": '<iframe src="https://www.youtube-nocookie.com/embed/paritaet-demo" '
            'title="Der Paritätische NRW stellt sich vor"></iframe>',
            "title": "Der Paritätische NRW stellt sich vor",
            "provider_name": "YouTube",
            "thumbnail_url": "",
            "width": 640,
            "height": 360,
        },
    )


def sign_language_video():
    """A video file in the document library (the demo has none), as the block needs one."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    mp4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64
    return Publication.objects.create(
        title="Informationen in Gebärdensprache (Video)",
        file=SimpleUploadedFile("gebaerdensprache.mp4", mp4, "video/mp4"),
    )


def example_value(block):
    """The block's own example value, completed where the demo has nothing to pick: a video
    address whose embed is cached, a sign-language video file with its poster image."""
    if isinstance(block, ConsentEmbedBlock):
        return block.normalize({"title": "Der Paritätische NRW stellt sich vor", "embed": VIDEO})
    if isinstance(block, SignLanguageVideoBlock):
        image = get_image_model().objects.order_by("pk").first()
        return block.normalize(
            {
                "title": "Informationen in Deutscher Gebärdensprache",
                "video": sign_language_video(),
                "poster": {"image": image, "alt_text": "Eine Frau gebärdet", "decorative": False},
                "duration": "2:30",
                "caption": "Gebärdet von einer Dolmetscherin",
            }
        )
    return block.get_preview_value()


def fill_every_block(page):
    """Each StreamField of ``page`` with one block of each type, in the order offered."""
    for field in stream_fields(page):
        stream = field.stream_block
        setattr(
            page,
            field.name,
            [(name, example_value(block)) for name, block in stream.child_blocks.items()],
        )
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


@pytest.fixture
def every_block(demo):
    """The home page, the Impressum and the seed page, each with every block of its streams
    (the session's demo content, rolled back per test)."""
    cached_video()
    german = Locale.get_default()
    pages = [
        HomePage.objects.get(locale=german),
        StandardPage.objects.get(slug="impressum", locale=german),
        TopicPage.objects.get(slug="fluechtlingsarbeit"),
    ]
    return [fill_every_block(page) for page in pages]


def test_every_block_is_filled(every_block):
    """The fixture holds what it says: every block type of every stream, none left empty."""
    for page in every_block:
        for field in stream_fields(page):
            value = getattr(page, field.name)
            offered = list(field.stream_block.child_blocks)
            assert [child.block_type for child in value] == offered, (page, field.name)
            for child in value:
                assert child.value, (page, field.name, child.block_type)


def block_types(api, page):
    """``{stream field: [block types]}`` of a page in the frontend preview API."""
    return {
        field.name: [block["type"] for block in api[field.name]] for field in stream_fields(page)
    }


@pytest.mark.parametrize("view", ["preview", "revisions"])
def test_every_block_through_every_preview(every_block, settings, view):
    settings.FRONTEND_PREVIEW_URL = FRONTEND
    anonymous = Client()
    for page in every_block:
        client = client_as(editor_of(page))
        data = edit_form_data(client, page)
        data["title"] = f"{CHANGE}: {page.title}"
        if view == "preview":
            url = f"/admin/pages/{page.pk}/edit/preview/"
            posted = client.post(url, data)
            assert posted.json() == {"is_valid": True, "is_available": True}, page.url_path
            for mode, _label in page.preview_modes:
                response = client.get(url, {"mode": mode})
                if mode != "frontend":
                    check(response, page, f"preview:{mode or 'default'}")
                    SEEN.append((page.pk, f"preview:{mode or 'default'}"))
                    continue
                assert response.status_code == 302, page.url_path
                token = parse_qs(urlsplit(response["Location"]).query)["token"][0]
                api = anonymous.get(f"/api/v3/preview/{page.pk}/", {"token": token})
                check(api, page, "frontend preview API")
                SEEN.append((page.pk, "frontend preview API"))
                offered = {
                    field.name: list(field.stream_block.child_blocks)
                    for field in stream_fields(page)
                }
                assert block_types(api.json(), page) == offered, page.url_path
        else:
            live_revision = page.live_revision_id
            assert client.post(f"/admin/pages/{page.pk}/edit/", data).status_code == 302
            draft = Page.objects.get(pk=page.pk).get_latest_revision()
            check(
                client.get(f"/admin/pages/{page.pk}/revisions/{draft.pk}/view/"),
                page,
                "revision view",
            )
            check(
                client.get(
                    f"/admin/pages/{page.pk}/revisions/compare/{live_revision}...{draft.pk}/"
                ),
                page,
                "compare",
            )
            SEEN.extend([(page.pk, "revision view"), (page.pk, "compare")])


# -- A publication removed from the body in the unsaved form ------------------------------------


@pytest.fixture
def hand_picked(demo):
    """The seed page's body with a publications block choosing two publications: one tagged
    with the topic, one not."""
    seed = TopicPage.objects.get(slug="fluechtlingsarbeit")
    tagged = Publication.objects.filter(topics=seed).order_by("pk").first()
    untagged = Publication.objects.exclude(topics=seed).order_by("pk").first()
    assert tagged and untagged
    block = seed.body.stream_block.child_blocks["publications"]
    seed.body.append(
        (
            "publications",
            block.normalize({"heading": "Ausgewählt", "publications": [tagged, untagged]}),
        )
    )
    seed.save_revision().publish()
    return seed, tagged, untagged


def shown_in(html):
    """Publication titles in the body's publications blocks and in the automatic list."""
    soup = BeautifulSoup(html, "html.parser")

    def titles(sections):
        return {item.get_text(" ", strip=True) for s in sections for item in s.select("li")}

    automatic = soup.select("section.topic-publications")
    blocks = [s for s in soup.select("section.block-publications") if s not in automatic]
    return titles(blocks), titles(automatic)


def contains(texts, title):
    return any(title in text for text in texts)


def test_a_removed_publication_leaves_the_bodys_block(hand_picked, settings):
    settings.FRONTEND_PREVIEW_URL = FRONTEND
    seed, tagged, untagged = hand_picked
    client = client_as("fachredaktion")
    data = edit_form_data(client, seed)
    index = next(i for i, kind in stream_items(data, "body") if kind == "publications")
    before_body, before_automatic = shown_in(client.get(seed.url).content.decode())
    assert contains(before_body, tagged.title) and contains(before_body, untagged.title)
    assert not contains(before_automatic, tagged.title)  # hand-picked: not listed twice

    data[f"body-{index}-deleted"] = "1"  # the editor removes the block, unsaved
    url = f"/admin/pages/{seed.pk}/edit/preview/"
    assert client.post(url, data).json() == {"is_valid": True, "is_available": True}
    body, automatic = shown_in(client.get(url).content.decode())
    assert not contains(body, tagged.title) and not contains(body, untagged.title)
    # Tagged with the topic: now among the automatic publications; the other is gone.
    assert contains(automatic, tagged.title)
    assert not contains(automatic, untagged.title)

    # The frontend preview API says the same.
    response = client.get(url, {"mode": "frontend"})
    token = parse_qs(urlsplit(response["Location"]).query)["token"][0]
    api = Client().get(f"/api/v3/preview/{seed.pk}/", {"token": token}).json()
    in_blocks = json.dumps(
        [b for b in api["body"] if b["type"] == "publications"], ensure_ascii=False
    )
    assert tagged.title not in in_blocks and untagged.title not in in_blocks
    automatic_titles = [p["title"] for p in api["publications"]]
    assert tagged.title in automatic_titles and untagged.title not in automatic_titles
    # The visitor still sees the published page.
    assert contains(shown_in(Client().get(seed.url).content.decode())[0], untagged.title)


def test_zz_report_the_count():
    """Prints what the sweep covered (run with -s)."""
    print(
        f"\nevery-block preview sweep: {len(SEEN)} answers, all 200 with the change; "
        f"{len({pk for pk, _ in SEEN})} pages; views: {sorted({v for _, v in SEEN})}"
    )
