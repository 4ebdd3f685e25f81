"""The seed page in German, Leichte Sprache, English and Arabic in a real browser: no axe
violation at 1280 and 320 px, lang and dir, no sideways scrolling, the language switcher by
keyboard; screenshots of the Arabic and the Leichte-Sprache page in test-artifacts/."""

import json

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import ARTIFACTS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SEED = {
    "de": ("/themen/fluechtlingsarbeit/", "ltr"),
    "de-x-ls": ("/de-x-ls/themen-leichte-sprache/hilfe-fuer-fluechtlinge/", "ltr"),
    "en": ("/en/topics/refugee-work/", "ltr"),
    "ar": ("/ar/mawadi/al-amal-maa-al-lajiin/", "rtl"),
}


def visit(tab, path):
    response = tab.goto(path, wait_until="load")
    assert response.status == 200, path


def test_the_seed_page_in_four_languages_axe_lang_dir_and_no_sideways_scroll(page):
    axe = Axe()
    report = {}
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        for code, (path, direction) in SEED.items():
            visit(page, path)
            lang, dir_ = page.evaluate(
                "[document.documentElement.lang, document.documentElement.dir]"
            )
            assert (lang, dir_) == (code, direction)
            scroll, client = page.evaluate(
                "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
            )
            assert scroll <= client, f"{code} scrolls sideways at {width}px ({scroll} > {client})"
            results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_A_AA}})
            report[f"{code} at {width}px"] = [
                {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]]}
                for v in results.response["violations"]
            ]
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "axe-violations-languages.json").write_text(json.dumps(report, indent=2))
    assert report == {name: [] for name in report}
    screenshots = ARTIFACTS / "screenshots"
    screenshots.mkdir(parents=True, exist_ok=True)
    for code in ("ar", "de-x-ls"):
        for label, width in (("desktop", 1280), ("mobile", 375)):
            page.set_viewport_size({"width": width, "height": 900})
            visit(page, SEED[code][0])
            shot = screenshots / f"topic-page-{code}-{label}.png"
            page.screenshot(path=str(shot), full_page=True)


def test_the_language_switcher_by_keyboard(page):
    page.set_viewport_size({"width": 1280, "height": 900})
    visit(page, SEED["de"][0])
    # Skip link first, then the switcher's links, in the site's order.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    seen = []
    for _ in range(4):
        page.keyboard.press("Tab")
        seen.append(page.evaluate("document.activeElement.getAttribute('hreflang')"))
    assert seen == ["de", "de-x-ls", "en", "ar"]
    # The Arabic link is focused: Enter follows it.
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(SEED["ar"][0])
    assert page.evaluate("document.documentElement.dir") == "rtl"
