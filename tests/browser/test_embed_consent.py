"""Two-click consent in the browser: the provider is contacted only after the visitor clicks."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from wagtail.embeds.blocks import EmbedValue
from wagtail.models import Site

from home.factories import EmbedFactory, StandardPageFactory

from .conftest import foreign_hosts

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def video_page(demo_site):
    embed = EmbedFactory(url="https://www.youtube.com/watch?v=beratung")
    home = Site.objects.get(is_default_site=True).root_page
    StandardPageFactory(
        parent=home,
        title="Film",
        slug="film",
        body=[("embed", {"title": "Beratung erklärt", "embed": EmbedValue(embed.url)})],
    )
    return "/film/"


def test_video_loads_from_the_provider_only_after_the_click(video_page, page, demo_site):
    # This machine has no way out; answer for the provider instead of waiting for a timeout.
    page.route("https://www.youtube-nocookie.com/**", lambda route: route.fulfill(body="Player"))
    assert page.goto(video_page).status == 200
    page.wait_for_load_state("networkidle")
    assert page.locator("iframe").count() == 0
    assert foreign_hosts(page, demo_site) == set()
    results = Axe().run(page, options={"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]})
    assert results.response["violations"] == []

    button = page.get_by_role("button", name="Externen Inhalt laden: Beratung erklärt")
    button.focus()
    page.keyboard.press("Enter")
    iframe = page.locator(".block-embed__frame iframe")
    iframe.wait_for()
    assert iframe.get_attribute("title") == "Beratung erklärt"
    assert page.evaluate("document.activeElement.className") == "block-embed__frame"
    page.wait_for_load_state("networkidle")
    assert foreign_hosts(page, demo_site) == {"www.youtube-nocookie.com"}
