"""The search form in every page's header: by keyboard, without JavaScript, on small screens."""

import re

import pytest

from .conftest import ERROR_URLS, PAGES
from .test_site import status_for, visit
from .urls import ERROR_PAGES

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.urls(ERROR_URLS),
]

FORM = "header form[role=search]"
# Every page type with the header's search: the site's pages and the production 500 page (the
# 503 page has none: the search needs the database that is down).
SEARCHABLE = {**PAGES, "500": ERROR_PAGES["500"]}


def search_by_keyboard(tab, query):
    """Tab from the top of the page to the header's search field, type, press Enter."""
    for _ in range(30):
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.id") == "site-search-q":
            break
    else:
        raise AssertionError("the header's search field is not reachable with Tab")
    tab.keyboard.type(query)
    with tab.expect_navigation():
        tab.keyboard.press("Enter")


def assert_results_for(tab, query):
    # The site's form sends the query and its token for the report of frequent searches.
    assert re.search(rf"/suche/\?q={query}&formular=[\w-]+$", tab.url), tab.url
    assert f"für „{query}“" in tab.locator("#search-summary").inner_text()
    assert tab.locator(".search-results li").count() > 0


def test_header_search_form_is_a_labelled_landmark_on_every_page(page):
    for name, path in SEARCHABLE.items():
        visit(page, path, status_for(name))
        form = page.locator(FORM)
        assert form.count() == 1, name
        assert form.get_attribute("aria-label") == "Website", name
        field = page.get_by_label("Website durchsuchen", exact=True)
        assert field.count() == 1 and field.get_attribute("id") == "site-search-q", name
        assert page.get_by_role("search", name="Website").count() == 1, name


def test_every_page_type_searches_by_keyboard(page):
    for name, path in SEARCHABLE.items():
        visit(page, path, status_for(name))
        search_by_keyboard(page, "Beratung")
        assert_results_for(page, "Beratung")


def test_search_works_without_javascript_at_320_px(page, demo_site):
    context = page.context.browser.new_context(
        base_url=demo_site, java_script_enabled=False, viewport={"width": 320, "height": 800}
    )
    tab = context.new_page()
    try:
        for name, path in SEARCHABLE.items():
            visit(tab, path, status_for(name))
            box = tab.locator(FORM).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 320, f"{name}: {box}"
            tab.locator("#site-search-q").fill("Flüchtlingsarbeit")
            with tab.expect_navigation():
                tab.locator(f"{FORM} button").click()
            assert "/suche/?q=Fl%C3%BCchtlingsarbeit" in tab.url, tab.url
            assert tab.locator(".search-results li").count() > 0, name
    finally:
        context.close()


def test_autocomplete_suggests_as_a_progressive_enhancement(page):
    visit(page, PAGES["topic index"], 200)
    page.locator("#site-search-q").press_sequentially("Flü", delay=50)
    # A locator wait (not wait_for_function, whose string evaluation the site's CSP forbids).
    suggestions = page.locator("#site-search-suggestions option")
    suggestions.first.wait_for(state="attached")
    assert suggestions.count() > 0
