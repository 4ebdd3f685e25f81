"""German error pages: 404 inside the site's layout, 500 standalone (no database, no context)."""

import pytest
from django.db import DatabaseError
from django.urls import path
from django.views.defaults import server_error

import cms.urls


def broken_view(request):
    raise DatabaseError("the database went away")


# The project's URLs plus one view that fails the way a lost database connection does.
urlpatterns = [path("kaputt/", broken_view), *cms.urls.urlpatterns]


def test_404_is_german_and_keeps_the_navigation_and_footer(client, home_page):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Seite nicht gefunden</h1>" in html
    assert 'href="#main"' in html and 'id="main"' in html
    assert 'action="/suche/"' in html
    assert "Kontakt" in html


@pytest.mark.urls(__name__)
def test_500_renders_without_database_or_request_context(client):
    """No ``db`` fixture: pytest-django fails any database query, as a dead database would."""
    client.raise_request_exception = False
    response = client.get("/kaputt/")
    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="de">' in html
    assert "<h1>Technischer Fehler</h1>" in html
    assert "Bitte versuchen Sie es in einigen Minuten noch einmal." in html
    assert "/static/" not in html  # styles are inline: no file that might be missing


def test_500_template_needs_no_context(rf):
    """Django's server_error renders 500.html with an empty context; the database is blocked."""
    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Technischer Fehler" in response.content.decode()
