"""Leichte Sprache in a real browser: the glossary page and the Leichte Sprache home (with its
BITV parts) without an axe violation at 1280 and 320 px and without sideways scrolling; a
glossary word on the seed page leads to its explanation; German pages keep their layout."""

import json

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import ARTIFACTS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
HOME = "/de-x-ls/"
GLOSSARY = "/de-x-ls/woerterbuch/"
SEED = "/de-x-ls/themen-leichte-sprache/hilfe-fuer-fluechtlinge/"


@pytest.fixture
def easy_read_demo(demo_site):
    """The demo's Leichte Sprache pages (read before the browser starts)."""
    from easyread.models import GlossaryPage

    if not GlossaryPage.objects.filter(locale__language_code="de-x-ls", live=True).exists():
        pytest.skip("the demo has no Leichte Sprache home and glossary page yet")


def visit(tab, path):
    response = tab.goto(path, wait_until="load")
    assert response.status == 200, path


def test_leichte_sprache_pages_pass_axe_without_sideways_scroll(easy_read_demo, page):
    axe = Axe()
    report = {}
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        for path in (HOME, GLOSSARY):
            visit(page, path)
            assert page.evaluate("document.documentElement.lang") == "de-x-ls"
            scroll, client = page.evaluate(
                "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
            )
            assert scroll <= client, f"{path} scrolls sideways at {width}px"
            results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_A_AA}})
            report[f"{path} at {width}px"] = [
                {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]]}
                for v in results.response["violations"]
            ]
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "axe-violations-leichte-sprache.json").write_text(json.dumps(report, indent=2))
    assert report == {name: [] for name in report}
    screenshots = ARTIFACTS / "screenshots"
    screenshots.mkdir(parents=True, exist_ok=True)
    for name, path in (("home", HOME), ("glossary", GLOSSARY)):
        page.set_viewport_size({"width": 375, "height": 900})
        visit(page, path)
        page.screenshot(path=str(screenshots / f"{name}-de-x-ls-mobile.png"), full_page=True)


def test_the_layout_is_larger_and_unhyphenated_in_leichte_sprache_only(easy_read_demo, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    style = (
        "(() => { const p = document.querySelector('main .block-section p');"
        " const s = getComputedStyle(p);"
        " return [parseFloat(s.fontSize), s.hyphens, s.textAlign,"
        " parseFloat(getComputedStyle(document.body).lineHeight) /"
        " parseFloat(getComputedStyle(document.body).fontSize)]; })()"
    )
    visit(page, "/themen/fluechtlingsarbeit/")
    german_size, _hyphens, _align, german_leading = page.evaluate(style)
    visit(page, SEED)
    size, hyphens, align, leading = page.evaluate(style)
    assert size > german_size * 1.1
    assert hyphens == "manual" and align == "start"
    assert leading > german_leading


def test_a_glossary_word_leads_to_its_explanation(easy_read_demo, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    visit(page, SEED)
    word = page.locator('main a[data-linktype="glossary"]').first
    target = word.get_attribute("href")
    text = word.inner_text()
    assert target.startswith(GLOSSARY + "#wort-")
    word.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    anchor = target.split("#", 1)[1]
    assert page.evaluate(f"document.getElementById('{anchor}').tagName") == "DIV"
    assert page.locator(f"#{anchor} dfn").inner_text().lower() == text.lower()
