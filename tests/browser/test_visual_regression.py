"""Visual regression: six pages at 1280 and 375 px compared with committed baselines.

Python Playwright has no ``toHaveScreenshot``; the comparison is Pillow's: a pixel differs when
one of its channels differs by more than ``CHANNEL_TOLERANCE`` (anti-aliasing noise), and a page
fails when more than ``MAX_DIFFERENT_PIXELS`` of its pixels differ or its size changed. A layout
change of one pixel shifts everything below it and fails; a font hinting wobble does not.

When a change of the look is intended, write new baselines and commit them:

    UPDATE_VISUAL_BASELINES=1 .venv/bin/pytest tests/browser/test_visual_regression.py

The screenshots are deterministic: fixed demo content (``load_demo_content``), the fonts of
Debian's ``fonts-dejavu-core``/``fonts-liberation`` (what ``.ci/run`` installs), reduced motion,
no caret, animations stopped, every lazy image loaded. On a failure the page's screenshot and a
picture of the differences are written to ``test-artifacts/visual/``.
"""

import os
from pathlib import Path

import pytest
from django.db import connection
from PIL import Image, ImageChops

from tests.waiting import wait_until

from .conftest import ARTIFACTS, PAGES

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BASELINES = Path(__file__).resolve().parent / "baselines"
UPDATE = os.environ.get("UPDATE_VISUAL_BASELINES", "").lower() in ("1", "true", "yes")
OUTPUT = ARTIFACTS / "visual"

SHOWN = {
    "home": (PAGES["home"], 200),
    "themen": (PAGES["topic index"], 200),
    "topic-page": (PAGES["topic page"], 200),
    "publications": (PAGES["publications"], 200),
    "search-results": (PAGES["search results"], 200),
    "404": (PAGES["404"], 404),
}
SIZES = {"desktop": (1280, 900), "mobile": (375, 800)}
# Pages whose order of results is the search backend's ranking, which differs between
# PostgreSQL's full-text search and the SQLite fallback: one baseline per database.
RANKED = {"search-results"}

CHANNEL_TOLERANCE = 24
MAX_DIFFERENT_PIXELS = 0.0005  # of the page's pixels: 0.05 %


def difference(expected, actual):
    """(share of differing pixels, an image of the differences) of two screenshots, or
    (1.0, None) when their sizes differ."""
    expected, actual = expected.convert("RGB"), actual.convert("RGB")
    if expected.size != actual.size:
        return 1.0, None
    diff = ImageChops.difference(expected, actual)
    # The largest channel difference per pixel, then 255 where it exceeds the tolerance.
    red, green, blue = diff.split()
    mask = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    mask = mask.point(lambda v: 255 if v > CHANNEL_TOLERANCE else 0)
    different = mask.histogram()[255]
    return different / (mask.width * mask.height), mask


def capture(tab, path, status):
    response = tab.goto(path, wait_until="load")
    assert response.status == status, path
    # Load the lazy images (cards, covers, photos) now, wait for every one, shoot from the top.
    tab.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')")
    # Polled from here: wait_for_function evaluates its predicate in a way the site's CSP
    # (no 'unsafe-eval') refuses.
    wait_until(
        lambda: tab.evaluate(
            "[...document.images].every(img => img.complete && img.naturalWidth > 0)"
        ),
        timeout=30,
        message=f"every image of {path} loads",
    )
    tab.evaluate("window.scrollTo(0, 0)")
    tab.evaluate("document.fonts.ready")
    return tab.screenshot(full_page=True, animations="disabled", caret="hide")


def test_pages_look_like_their_baselines_at_1280_and_375_px(page):
    page.emulate_media(reduced_motion="reduce")
    OUTPUT.mkdir(parents=True, exist_ok=True)
    BASELINES.mkdir(exist_ok=True)
    failures, compared = [], 0
    for size, (width, height) in SIZES.items():
        page.set_viewport_size({"width": width, "height": height})
        for name, (path, status) in SHOWN.items():
            shot = capture(page, path, status)
            filename = f"{name}-{size}.png"
            if name in RANKED:
                filename = f"{name}-{size}.{connection.vendor}.png"
            (OUTPUT / filename).write_bytes(shot)
            baseline = BASELINES / filename
            if UPDATE:
                baseline.write_bytes(shot)
                continue
            if not baseline.exists():
                failures.append(f"{filename}: no baseline (UPDATE_VISUAL_BASELINES=1 writes it)")
                continue
            compared += 1
            with Image.open(baseline) as expected, Image.open(OUTPUT / filename) as actual:
                share, mask = difference(expected, actual)
                if mask is None:
                    failures.append(f"{filename}: size {actual.size} != baseline {expected.size}")
                elif share > MAX_DIFFERENT_PIXELS:
                    mask.save(OUTPUT / f"{name}-{size}.diff.png")
                    failures.append(f"{filename}: {share:.3%} of the pixels differ")
    assert not failures, (
        "Pages differ from tests/browser/baselines/ (screenshots and differences in "
        "test-artifacts/visual/); if the change is intended: UPDATE_VISUAL_BASELINES=1 "
        "pytest tests/browser/test_visual_regression.py\n" + "\n".join(failures)
    )
    if not UPDATE:
        assert compared == len(SIZES) * len(SHOWN)
