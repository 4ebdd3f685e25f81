"""Content-Security-Policy in Chromium: every page type carries the header, and Chromium
reports no violation (``securitypolicyviolation`` events, recorded from before the first
script runs); the consent embed still loads after the click; the API docs load from the site's
own static files only.
"""

import pytest
from wagtail.embeds.blocks import EmbedValue
from wagtail.models import Site

from home.factories import EmbedFactory, StandardPageFactory

from .conftest import ERROR_URLS, PAGES, foreign_hosts
from .urls import ERROR_PAGES

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.urls(ERROR_URLS),
]

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture
def tab(page):
    page.add_init_script(RECORD_VIOLATIONS)
    return page


def violations(tab):
    return tab.evaluate("window.__cspViolations")


def visit(tab, path):
    response = tab.goto(path)
    tab.wait_for_load_state("networkidle")
    return response


@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_type_has_a_strict_policy_and_no_violation(tab, name):
    response = visit(tab, PAGES[name])
    assert response.status < 500
    policy = response.headers["content-security-policy"]
    for directive in (
        "default-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'self'",
    ):
        assert directive in policy, (name, directive)
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "camera=()" in response.headers["permissions-policy"]
    assert violations(tab) == [], name


# What the site's stylesheet does to the error pages: the header's brand-coloured edge, the
# site's fonts and the hidden label of the search field.
ERROR_PAGE_STYLE = """() => ({
  header: getComputedStyle(document.querySelector("header.site-header")).borderTopColor,
  font: getComputedStyle(document.body).fontFamily,
  stylesheets: [...document.styleSheets].map(sheet => sheet.href),
  inlineStyles: document.querySelectorAll("style, [style]").length,
})"""


@pytest.mark.parametrize("name", list(ERROR_PAGES))
def test_error_pages_are_styled_under_the_strict_policy(tab, name):
    """The 500 and 503 pages as the server sends them, with the public policy (``style-src
    'self'``): their stylesheet is the site's own file, loaded and applied, no inline style."""
    response = visit(tab, ERROR_PAGES[name])
    assert response.status == int(name)
    policy = response.headers["content-security-policy"]
    assert "style-src 'self'" in policy and "unsafe-inline" not in policy
    assert violations(tab) == [], name
    style = tab.evaluate(ERROR_PAGE_STYLE)
    assert style["inlineStyles"] == 0
    assert [href.rsplit("/", 1)[-1] for href in style["stylesheets"]] == ["site.css"]
    loaded = [r for r in tab.requests if r.resource_type == "stylesheet"]
    assert loaded and all(r.response() is not None and r.response().ok for r in loaded)
    assert style["header"] == "rgb(0, 85, 155)", style
    assert style["font"].startswith("system-ui"), style


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


@pytest.mark.usefixtures("video_page")
def test_consent_embed_loads_under_the_policy(tab, demo_site):
    tab.route("https://www.youtube-nocookie.com/**", lambda route: route.fulfill(body="Player"))
    response = visit(tab, "/film/")
    assert "https://www.youtube-nocookie.com" in response.headers["content-security-policy"]
    assert tab.locator("iframe").count() == 0
    tab.get_by_role("button", name="Externen Inhalt laden: Beratung erklärt").click()
    tab.locator(".block-embed__frame iframe").wait_for()
    tab.wait_for_load_state("networkidle")
    player = "https://www.youtube-nocookie.com/embed/"
    for _ in range(100):  # the frame's navigation may commit after the network went idle
        if any(frame.url.startswith(player) for frame in tab.frames):
            break
        tab.wait_for_timeout(100)
    assert any(frame.url.startswith(player) for frame in tab.frames), [f.url for f in tab.frames]
    assert foreign_hosts(tab, demo_site) == {"www.youtube-nocookie.com"}
    assert violations(tab) == []


def test_api_docs_load_from_the_site_only(tab, demo_site):
    response = visit(tab, "/api/v3/docs/")
    assert response.status == 200
    assert "object-src 'none'" in response.headers["content-security-policy"]
    tab.locator(".swagger-ui .opblock").first.wait_for()
    assert tab.locator(".swagger-ui .opblock").count() > 10
    assert foreign_hosts(tab, demo_site) == set()
    assert violations(tab) == []


@pytest.fixture
def editor(demo_site, django_user_model):
    django_user_model.objects.create_superuser("redaktion", "r@example.org", "Sicher-2026-pw")
    return Site.objects.get(is_default_site=True).root_page.get_children().get(slug="themen").pk


def test_admin_has_its_own_policy_and_works(editor, tab, demo_site):
    response = visit(tab, "/admin/login/")
    assert "object-src 'none'" in response.headers["content-security-policy"]
    tab.fill("#id_username", "redaktion")
    tab.fill("#id_password", "Sicher-2026-pw")
    tab.click("button[type=submit]")
    tab.wait_for_url("**/admin/")
    tab.wait_for_load_state("networkidle")
    visit(tab, f"/admin/pages/{editor}/edit/")
    tab.locator("form#page-edit-form").wait_for()
    assert foreign_hosts(tab, demo_site) == set()
    assert violations(tab) == []
