"""Every page shares the layout: skip link, navigation, breadcrumbs and the legal footer."""

import re

PATHS = [
    "/",
    "/themen/",
    "/themen/fluechtlingsarbeit/",
    "/publikationen/",
    "/impressum/",
    "/datenschutz/",
    "/barrierefreiheit/",
    "/suche/?q=Beratung",
]


def test_layout_and_footer_on_every_page(client, demo):
    for path in [*PATHS, "/gibt-es-nicht/"]:
        response = client.get(path)
        assert response.status_code == (404 if path == "/gibt-es-nicht/" else 200), path
        html = response.content.decode()
        assert '<html lang="de" dir="ltr">' in html, path
        assert '<a class="skip-link" href="#main">' in html, path
        assert '<main id="main"' in html, path
        assert '<nav class="main-nav" aria-label="Hauptnavigation">' in html, path
        footer = html[html.index('<footer class="site-footer">') :]
        assert '<a href="/impressum/">Impressum</a>' in footer, path
        assert '<a href="/datenschutz/">Datenschutz</a>' in footer, path
        assert '<a href="/barrierefreiheit/">Erklärung zur Barrierefreiheit</a>' in footer, path
        assert "Kontakt" in footer and 'href="mailto:' in footer, path


def test_breadcrumbs_and_current_menu_item_on_the_topic_page(client, demo):
    html = client.get("/themen/fluechtlingsarbeit/").content.decode()
    crumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', html, re.S).group(0)
    assert re.findall(r"<a [^>]*>([^<]+)</a>", crumbs) == [
        "Startseite",
        "Themen",
        "Flüchtlingsarbeit",
    ]
    assert 'aria-current="page">Flüchtlingsarbeit' in crumbs
    assert '<a href="/themen/" aria-current="true">Themen</a>' in html


def test_site_stays_german_for_an_english_browser(client, demo):
    """Dates and sizes follow the page's lang="de", not the visitor's Accept-Language."""
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="de" dir="ltr">' in html
    assert "Juni 2025" in html and "June" not in html
    assert re.search(r"PDF, \d,\d\xa0KB", html)


def test_editors_see_the_userbar_on_the_german_page(admin_client, demo):
    html = admin_client.get("/themen/fluechtlingsarbeit/").content.decode()
    assert "wagtail-userbar" in html
    assert '<html lang="de" dir="ltr">' in html
