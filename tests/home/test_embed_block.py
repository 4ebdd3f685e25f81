"""Video embeds with two-click consent: the provider's player is inert until the visitor agrees."""

import re

import pytest
from wagtail.embeds.blocks import EmbedValue

from home.factories import EmbedFactory, StandardPageFactory


@pytest.fixture
def video_page(home_page):
    embed = EmbedFactory()
    return StandardPageFactory(
        parent=home_page,
        title="Film",
        slug="film",
        body=[("embed", {"title": "Beratung erklärt", "embed": EmbedValue(embed.url)})],
    )


def test_player_waits_in_an_inert_template_until_consent(client, video_page):
    html = client.get("/film/").content.decode()
    outside_templates = re.sub(r"<template\b.*?</template>", "", html, flags=re.S)
    assert "<iframe" in html
    assert "<iframe" not in outside_templates
    assert "youtube" not in outside_templates.replace("https://www.youtube.com/watch?v=", "")
    assert re.search(r"<button [^>]*data-consent-embed-load hidden>", html)
    assert "Erst wenn Sie ihn laden, werden Daten wie Ihre IP-Adresse" in html
    # Without JavaScript the visitor still reaches the video, on the provider's site.
    assert '<a href="https://www.youtube.com/watch?v=demo' in html
    assert '<script src="/static/blocks/consent-embed.js" defer></script>' in html


def test_pages_without_embeds_load_no_embed_script(client, home_page):
    html = client.get("/").content.decode()
    # Only the header search's suggestions (same origin, progressive enhancement).
    assert re.findall(r"<script[^>]*>", html) == [
        '<script src="/static/search/autocomplete.js" defer>'
    ]
