"""Visitors meeting a protected page or document get German forms in the site's layout."""

import re

import pytest
from wagtail.models import PageViewRestriction

from home.factories import StandardPageFactory


@pytest.fixture
def protected(home_page):
    page = StandardPageFactory(parent=home_page, title="Geheime Sitzung", slug="geheim")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="sesam"
    )
    return page


def test_password_form_is_german_and_does_not_reveal_the_page(client, protected):
    response = client.get("/geheim/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Passwort erforderlich</h1>" in html
    assert '<html lang="de" dir="ltr">' in html and 'href="#main"' in html
    assert '<meta name="robots" content="noindex">' in html
    assert "Geheime Sitzung" not in html
    assert re.search(r'<label for="id_password">Passwort:?</label>', html)

    wrong = client.post(re.search(r'action="([^"]+)"', html).group(1), {"password": "falsch"})
    assert "Geheime Sitzung" not in wrong.content.decode()


def test_front_end_login_is_german_in_the_site_layout(client, home_page):
    response = client.get("/_util/login/?next=/intern/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Anmelden – Der Paritätische NRW</title>" in html
    assert "<h1>Anmelden</h1>" in html
    assert re.search(r'<label for="id_username">Benutzername:?</label>', html)
    assert 'name="next" value="/intern/"' in html

    failed = client.post(
        "/_util/login/", {"username": "niemand", "password": "falsch", "next": "/intern/"}
    )
    assert "Benutzername und Passwort passen nicht zusammen" in failed.content.decode()
