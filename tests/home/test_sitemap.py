"""sitemap.xml lists every live public page and nothing else; robots.txt points to it."""

import pytest
from defusedxml.ElementTree import fromstring
from wagtail.models import Page, PageViewRestriction, Site

from home.factories import StandardPageFactory
from topics.factories import TopicPageFactory

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return {loc.text for loc in fromstring(response.content).findall("s:url/s:loc", NS)}


@pytest.fixture
def pages(home_page, topic_index):
    live = TopicPageFactory(parent=topic_index, title="Öffentlich", slug="oeffentlich")
    draft = TopicPageFactory(parent=topic_index, title="Entwurf", slug="entwurf", live=False)
    unpublished = TopicPageFactory(parent=topic_index, title="Zurückgezogen", slug="zurueck")
    unpublished.unpublish()
    password = TopicPageFactory(parent=topic_index, title="Passwort", slug="passwort")
    PageViewRestriction.objects.create(
        page=password, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    members = StandardPageFactory(parent=home_page, title="Intern", slug="intern")
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    below_private = StandardPageFactory(parent=members, title="Darunter", slug="darunter")
    return {
        "listed": [home_page, topic_index, live],
        "hidden": [draft, unpublished, password, members, below_private],
    }


def test_sitemap_lists_live_public_pages_only(client, pages):
    locations = sitemap_locations(client)
    expected = {page.full_url for page in pages["listed"]}
    assert locations == expected
    for page in pages["hidden"]:
        assert page.full_url not in locations, page.title


def test_sitemap_lists_the_whole_demo_site(client, demo):
    # Every language's pages: the trees below the home page and its translations.
    root = Site.objects.get(is_default_site=True).root_page
    homes = root.get_translations(inclusive=True)
    expected = {
        p.full_url
        for home in homes
        for p in Page.objects.descendant_of(home, inclusive=True).live()
    }
    assert len(homes) == 4
    locations = sitemap_locations(client)
    assert locations == expected
    for path in (
        "/",
        "/themen/",
        "/themen/fluechtlingsarbeit/",
        "/publikationen/",
        "/impressum/",
        "/datenschutz/",
        "/barrierefreiheit/",
    ):
        assert f"http://testserver{path}" in locations, path


def test_robots_txt_allows_pages_and_names_the_sitemap(db, client, settings):
    settings.ALLOWED_HOSTS = ["www.example.org", "evil.example"]
    settings.SITE_BASE_URL = "https://www.example.org"
    # The sitemap line comes from SITE_BASE_URL, not from the Host the client sent.
    response = client.get("/robots.txt", HTTP_HOST="evil.example")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /" not in lines
    assert "Sitemap: https://www.example.org/sitemap.xml" in lines
    assert "evil.example" not in response.content.decode()


def test_robots_txt_refuses_writes(client):
    assert client.post("/robots.txt").status_code == 405
