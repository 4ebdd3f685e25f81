"""Screenshots for review: the pages a newcomer sees first, at desktop and phone widths."""

import pytest

from .conftest import ARTIFACTS, PAGES
from .test_site import visit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SHOWN = {
    "home": PAGES["home"],
    "themen": PAGES["topic index"],
    "topic-page": PAGES["topic page"],
    "publications": PAGES["publications"],
}
SIZES = {"desktop": (1280, 900), "mobile": (375, 800)}


def test_screenshots_of_home_themen_seed_page_and_publications(page):
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    for label, (width, height) in SIZES.items():
        page.set_viewport_size({"width": width, "height": height})
        for name, path in SHOWN.items():
            visit(page, path, 200)
            # Load the lazy images (cards, covers, photos) before the full-page screenshot.
            page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
            page.wait_for_load_state("networkidle")
            page.evaluate("window.scrollTo(0, 0)")
            loaded = page.evaluate(
                "[...document.images].every(img => img.complete && img.naturalWidth > 0)"
            )
            assert loaded, f"{name}: an image did not load"
            shot = folder / f"{name}-{label}.png"
            page.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 10_000
