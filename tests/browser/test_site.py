"""The rendered site in a real browser: accessibility, keyboard use, small screens, weight."""

import json
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import ARTIFACTS, ERROR_URLS, PAGES, foreign_hosts
from .urls import ERROR_PAGES

# Live-server tests commit to the database; serialized rollback restores the rows the
# migrations created (the home page and the default site) for the tests that follow.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.urls(ERROR_URLS),
]

WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def visit(tab, path, expected_status):
    response = tab.goto(path, wait_until="load")
    assert response.status == expected_status, path


def status_for(name):
    return int(name) if name in ("404", "500", "503") else 200


def test_axe_finds_no_wcag_a_or_aa_violations_at_1280_and_320_px(page):
    axe = Axe()
    report = {}
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        for name, path in [*PAGES.items(), *ERROR_PAGES.items()]:
            visit(page, path, status_for(name))
            results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_A_AA}})
            report[f"{name} at {width}px"] = [
                {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]]}
                for v in results.response["violations"]
            ]
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "axe-violations.json").write_text(json.dumps(report, indent=2))
    assert report == {name: [] for name in report}
    assert len(report) == 2 * (len(PAGES) + len(ERROR_PAGES))


def test_skip_link_moves_focus_to_main_content(page):
    visit(page, PAGES["topic page"], 200)
    page.keyboard.press("Tab")
    skip_link = page.locator(".skip-link")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    box = skip_link.bounding_box()
    assert box["y"] >= 0 and box["height"] > 0, "the focused skip link is on screen"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    assert page.evaluate("document.activeElement.tagName") == "MAIN"
    # The next Tab continues inside the main content, not back at the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")


# Marks every visible element a keyboard user must reach, and reads the focus styles of the
# element that has focus (or of the element with the given index when it has not).
# Links and form fields count even with tabindex="-1" (that would hide them from the keyboard);
# other elements only when they opt in with tabindex >= 0 (main's tabindex="-1" is the skip target).
MARK_FOCUSABLE = """() => {
  const native = 'a[href], button, input:not([type=hidden]), select, textarea, summary';
  const all = [...document.querySelectorAll(`${native}, [tabindex]`)].filter(el =>
    (el.matches(native) || el.tabIndex >= 0) && !el.disabled &&
    el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden');
  all.forEach((el, i) => el.dataset.focusIndex = i);
  return all.map(el => el.outerHTML.slice(0, 120));
}"""
FOCUS_STYLE = """(index) => {
  const el = index === null ? document.activeElement
                            : document.querySelector(`[data-focus-index="${index}"]`);
  if (!el || el.dataset.focusIndex === undefined) return null;
  const s = getComputedStyle(el);
  return {index: Number(el.dataset.focusIndex),
          outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
          outlineVisible: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
          boxShadow: s.boxShadow};
}"""


def test_every_interactive_element_is_reachable_by_tab_with_visible_focus(page):
    for name, path in [*PAGES.items(), *ERROR_PAGES.items()]:
        visit(page, path, status_for(name))
        focusable = page.evaluate(MARK_FOCUSABLE)
        assert focusable, name
        focused = {}
        for _ in range(len(focusable) + 3):
            page.keyboard.press("Tab")
            style = page.evaluate(FOCUS_STYLE, None)
            if style is not None:
                focused.setdefault(style["index"], style)
        missing = [focusable[i] for i in range(len(focusable)) if i not in focused]
        assert not missing, f"{name}: not reachable with Tab: {missing}"

        page.evaluate("document.activeElement.blur()")
        for index, style in focused.items():
            rest = page.evaluate(FOCUS_STYLE, index)
            changed = (style["outline"], style["boxShadow"]) != (rest["outline"], rest["boxShadow"])
            visible = style["outlineVisible"] or style["boxShadow"] != "none"
            assert visible and changed, f"{name}: no visible focus on {focusable[index]}"


def test_no_horizontal_scrolling_at_320_and_375_px_topic_screenshots_and_print(page):
    for width in (320, 375):
        page.set_viewport_size({"width": width, "height": 800})
        for name, path in [*PAGES.items(), *ERROR_PAGES.items()]:
            visit(page, path, status_for(name))
            scroll, client = page.evaluate(
                "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
            )
            assert scroll <= client, f"{name} scrolls sideways at {width}px ({scroll} > {client})"

    screenshots = ARTIFACTS / "screenshots"
    screenshots.mkdir(parents=True, exist_ok=True)
    for label, size in (("desktop", (1280, 900)), ("mobile", (375, 800))):
        page.set_viewport_size({"width": size[0], "height": size[1]})
        visit(page, PAGES["topic page"], 200)
        # Load the lazy images (contact photos) before the full-page screenshot.
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_load_state("networkidle")
        page.evaluate("window.scrollTo(0, 0)")
        path = screenshots / f"topic-page-{label}.png"
        page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 10_000

    # Printed, the topic page is its content: no navigation, no footer.
    page.emulate_media(media="print")
    hidden = ".skip-link, .site-header, .breadcrumbs, .site-footer"
    displays = page.evaluate(
        f"[...document.querySelectorAll('{hidden}')].map(e => getComputedStyle(e).display)"
    )
    assert displays and set(displays) == {"none"}
    assert page.locator("main h1").is_visible()
    assert page.locator(".contact-card").first.is_visible()
    page.pdf(path=str(screenshots / "topic-page-print.pdf"))


OUTLINE = """() => ({
  h1: document.querySelectorAll('h1').length,
  levels: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => Number(h.tagName[1])),
  duplicateIds: (() => {
    const ids = [...document.querySelectorAll('[id]')].map(el => el.id);
    return ids.filter((id, i) => ids.indexOf(id) !== i);
  })(),
})"""


def test_one_h1_no_skipped_heading_levels_no_duplicate_ids(page):
    for name, path in [*PAGES.items(), *ERROR_PAGES.items()]:
        visit(page, path, status_for(name))
        outline = page.evaluate(OUTLINE)
        assert outline["h1"] == 1, f"{name}: {outline['h1']} h1 elements"
        levels = outline["levels"]
        assert levels[0] == 1, f"{name}: the first heading is h{levels[0]}"
        skipped = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
        assert not skipped, f"{name}: heading levels skipped: {skipped}"
        assert outline["duplicateIds"] == [], name


LAYOUT_SHIFT = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(total), 300);
})"""


def test_topic_page_is_light_and_only_talks_to_its_own_host(page, demo_site):
    page.set_viewport_size({"width": 1280, "height": 900})
    visit(page, PAGES["topic page"], 200)
    # Scroll to the end so that lazily loaded images are requested too.
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    sizes = {}
    for request in page.requests:
        if request.resource_type in ("document", "stylesheet", "script"):
            response = request.response()
            assert response is not None and response.ok, request.url
            sizes[request.url] = request.sizes()["responseBodySize"]
    total = sum(sizes.values())
    # Images carry width and height, so nothing jumps while they load.
    layout_shift = page.evaluate(LAYOUT_SHIFT)
    assert layout_shift < 0.01, layout_shift
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "topic-page-weight.json").write_text(
        json.dumps({"total_bytes": total, "layout_shift": layout_shift, "files": sizes}, indent=2)
    )
    assert 0 < total <= 100 * 1024, sizes

    for name, path in PAGES.items():
        visit(page, path, status_for(name))
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_load_state("networkidle")
    hosts = sorted({urlsplit(request.url).netloc for request in page.requests})
    (ARTIFACTS / "requested-hosts.json").write_text(json.dumps(hosts, indent=2))
    assert foreign_hosts(page, demo_site) == set(), hosts
    assert any("/media/images/" in r.url for r in page.requests), "images are served and counted"


PRINTED = """() => {
  const shown = sel => [...document.querySelectorAll(sel)].map(e => getComputedStyle(e).display);
  const link = document.querySelector('main a[href^="/"]:not([href^="//"])');
  return {
    hidden: shown('.skip-link, .site-header, .main-nav, .breadcrumbs, .toc, .site-footer, ' +
                  '.filter-bar, .active-filters, .pagination'),
    href: link.getAttribute('href'),
    after: getComputedStyle(link, '::after').content,
    together: [...document.querySelectorAll('.topic-contacts, .contact-card, .publication-item')]
      .map(e => getComputedStyle(e).breakInside),
  };
}"""


def test_printed_topic_page_and_publications_list_are_their_content_with_link_addresses(page):
    page.emulate_media(media="print")
    screenshots = ARTIFACTS / "screenshots"
    screenshots.mkdir(parents=True, exist_ok=True)
    for name, kinds in (("topic page", 3), ("publications", 1)):
        visit(page, PAGES[name], 200)
        printed = page.evaluate(PRINTED)
        assert printed["hidden"] and set(printed["hidden"]) == {"none"}, name
        # The address follows each link (a site path as it is, external ones in full).
        assert (
            printed["after"] == f'" (" "{printed["href"]}" ")"'
            or printed["href"] in (printed["after"])
        ), (name, printed)
        # Contact persons (and the block of them) and publications are not split over pages.
        assert len(printed["together"]) >= kinds and set(printed["together"]) == {"avoid"}, name
        assert page.locator("main h1").is_visible()
        page.pdf(path=str(screenshots / f"{name.replace(' ', '-')}-print.pdf"))
