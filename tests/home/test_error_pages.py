"""German error pages: 404 inside the site's layout; 500 and 503 standalone (no database, no
context) on one base, styled by the site's stylesheet (no inline style, which the CSP blocks)."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.db import DatabaseError, OperationalError
from django.urls import path
from django.views.defaults import server_error

import cms.urls


def broken_view(request):
    raise DatabaseError("the database went away")


def database_down_view(request):
    raise OperationalError("connection refused")


# The project's URLs (and its error handler) plus views that fail: with a broken query, and the
# way a lost database connection does.
urlpatterns = [
    path("kaputt/", broken_view),
    path("nicht-erreichbar/", database_down_view),
    *cms.urls.urlpatterns,
]
handler500 = cms.urls.handler500


BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.mark.parametrize("debug", [True, False])
def test_a_path_without_a_page_answers_the_sites_404_page_with_debug_on_too(
    client, home_page, settings, debug
):
    """The dev server (DEBUG on) shows what production shows for a page path that does not
    exist, not Django's technical 404 page; a path Wagtail routes to a page's parent but no
    child answers the same."""
    settings.DEBUG = debug
    for url in ("/gibt-es-nicht/", "/gibt/es/auch/nicht/"):
        response = client.get(url, HTTP_ACCEPT=BROWSER_ACCEPT)
        assert response.status_code == 404, url
        html = response.content.decode()
        assert "<h1>Seite nicht gefunden</h1>" in html, url
        assert "URLconf" not in html and "Using the URLconf" not in html, url
        soup = BeautifulSoup(html, "html.parser")
        assert soup.select_one("link[rel=stylesheet]")["href"].endswith(".css")
        assert soup.select_one("header.site-header a.site-name img")["alt"]


def test_404_is_german_and_keeps_the_navigation_and_footer(client, home_page):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Seite nicht gefunden</h1>" in html
    assert 'href="#main"' in html and 'id="main"' in html
    assert 'action="/suche/"' in html
    assert "Kontakt" in html


def assert_styled_by_the_site_stylesheet(soup):
    assert soup.find("style") is None and soup.select("[style]") == []
    stylesheets = [link["href"] for link in soup.select("link[rel=stylesheet]")]
    assert stylesheets == ["/static/css/site.css"]
    assert finders.find("css/site.css")
    assert soup.select_one("a.skip-link")["href"] == "#main"
    assert soup.select_one("header.site-header a.site-name")["href"] == "/"
    assert soup.select_one("main#main").find("a", string="Startseite")["href"] == "/"


@pytest.mark.urls(__name__)
def test_500_renders_without_database_or_request_context(client):
    """No ``db`` fixture: pytest-django fails any database query, as a dead database would."""
    client.raise_request_exception = False
    response = client.get("/kaputt/")
    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="de">' in html
    assert "<h1>Technischer Fehler</h1>" in html
    assert "Bitte versuchen Sie es in einigen Minuten noch einmal" in html
    assert_styled_by_the_site_stylesheet(BeautifulSoup(html, "html.parser"))


@pytest.mark.urls(__name__)
def test_500_offers_the_site_search_like_every_header(client):
    client.raise_request_exception = False
    soup = BeautifulSoup(client.get("/kaputt/").content, "html.parser")
    form = soup.select_one("header form[role=search]")
    assert (form["action"], form["method"], form["aria-label"]) == ("/suche/", "get", "Website")
    field = form.select_one("input[type=search]")
    assert field["name"] == "q"
    assert form.select_one(f"label[for={field['id']}]").get_text() == "Website durchsuchen"
    assert form.select_one("button[type=submit]").get_text() == "Suchen"


@pytest.mark.urls(__name__)
def test_503_renders_without_database_on_the_same_base(client):
    client.raise_request_exception = False
    response = client.get("/nicht-erreichbar/")
    assert response.status_code == 503
    assert response["Retry-After"]
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("h1").get_text() == "Vorübergehend nicht erreichbar"
    assert_styled_by_the_site_stylesheet(soup)
    assert soup.find("form") is None  # the search needs the database too


def test_500_template_needs_no_context(rf):
    """Django's server_error renders 500.html with an empty context; the database is blocked."""
    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Technischer Fehler" in response.content.decode()
