"""Every page's <head>: title, description (SEO field, else intro), canonical URL, OpenGraph."""

from html.parser import HTMLParser

import pytest
from wagtail.images.tests.utils import get_test_image_file
from wagtail_factories import ImageFactory

from home.factories import StandardPageFactory
from topics.factories import TopicPageFactory


class Head(HTMLParser):
    """Collects <title>, <meta> and <link rel=canonical> of a document."""

    def __init__(self, html):
        super().__init__()
        self.title, self.meta, self.links, self._in_title = "", {}, {}, False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "title":
            self._in_title = True
        elif tag == "meta" and ("name" in attrs or "property" in attrs):
            self.meta[attrs.get("name") or attrs["property"]] = attrs.get("content")
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.links["canonical"] = attrs["href"]

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def head(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return Head(response.content.decode())


@pytest.fixture
def topic(topic_index):
    image = ImageFactory(title="Titelbild", file=get_test_image_file(size=(1600, 900)))
    return TopicPageFactory(
        parent=topic_index,
        title="Flüchtlingsarbeit",
        slug="fluechtlingsarbeit",
        intro="Für den Paritätischen NRW stehen immer die Menschen im Mittelpunkt. " * 5,
        hero_image=image,
        hero_image_alt="Drei junge Männer",
    )


def test_topic_page_head_uses_intro_canonical_and_hero_image(client, topic):
    page = head(client, "/themen/fluechtlingsarbeit/")
    assert page.title == "Flüchtlingsarbeit – Der Paritätische NRW"
    description = page.meta["description"]
    assert description.startswith("Für den Paritätischen NRW stehen immer die Menschen")
    assert len(description) <= 160 and description.endswith("…")
    assert page.links["canonical"] == "http://testserver/themen/fluechtlingsarbeit/"
    assert page.meta["og:url"] == page.links["canonical"]
    assert page.meta["og:title"] == "Flüchtlingsarbeit"
    assert page.meta["og:description"] == description
    assert page.meta["og:type"] == "article"
    assert page.meta["og:locale"] == "de_DE"
    assert page.meta["og:site_name"] == "Der Paritätische NRW"
    assert page.meta["og:image"].startswith("http://testserver/")
    # The hero's largest delivered size (one rendition vocabulary for srcset, API and OG).
    assert ".fill-1600x800." in page.meta["og:image"]
    assert (page.meta["og:image:width"], page.meta["og:image:height"]) == ("1600", "800")
    assert page.meta["og:image:alt"] == "Drei junge Männer"


def test_seo_fields_win_over_title_and_intro(client, topic):
    topic.seo_title = "Flucht und Asyl in NRW"
    topic.search_description = "Beratung für Geflüchtete & ihre Unterstützer."
    topic.save_revision().publish()
    page = head(client, "/themen/fluechtlingsarbeit/")
    assert page.title == "Flucht und Asyl in NRW – Der Paritätische NRW"
    assert page.meta["og:title"] == "Flucht und Asyl in NRW"
    assert page.meta["description"] == "Beratung für Geflüchtete & ihre Unterstützer."


def test_decorative_hero_has_no_image_alt(client, topic):
    topic.hero_image_decorative = True
    topic.save_revision().publish()
    page = head(client, "/themen/fluechtlingsarbeit/")
    assert "og:image" in page.meta
    assert "og:image:alt" not in page.meta


def test_home_page_title_is_the_site_name_once(client, home_page):
    home_page.intro = "Der Dachverband."
    home_page.save_revision().publish()
    page = head(client, "/")
    assert page.title == "Der Paritätische NRW"
    assert page.meta["og:type"] == "website"
    assert page.meta["description"] == "Der Dachverband."
    assert page.links["canonical"] == "http://testserver/"


def test_page_without_intro_or_description_has_no_empty_description(client, home_page):
    StandardPageFactory(parent=home_page, title="Impressum", slug="impressum", intro="")
    page = head(client, "/impressum/")
    assert page.title == "Impressum – Der Paritätische NRW"
    assert "description" not in page.meta
    assert page.links["canonical"] == "http://testserver/impressum/"


def test_html_lang_is_german_on_pages_404_and_500(client, home_page):
    assert '<html lang="de" dir="ltr">' in client.get("/").content.decode()
    not_found = client.get("/gibt-es-nicht/")
    assert not_found.status_code == 404
    html = not_found.content.decode()
    assert '<html lang="de" dir="ltr">' in html
    assert '<meta name="robots" content="noindex">' in html
    assert "<title>Seite nicht gefunden – Der Paritätische NRW</title>" in html
    assert 'rel="canonical"' not in html
