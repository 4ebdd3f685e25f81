"""The search page at /suche/: accessible structure, escaped excerpts, filters and paging."""

import re
from html.parser import HTMLParser

import pytest

from topics.factories import TopicPageFactory


class Outline(HTMLParser):
    """Collects headings, labels, inputs and list items of the <main> element."""

    def __init__(self):
        super().__init__()
        self.in_main = False
        self.headings, self.labels, self.inputs, self.lists = [], [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "main":
            self.in_main = True
        if not self.in_main:
            return
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        elif tag == "label":
            self.labels.append(attrs.get("for"))
        elif tag == "input":
            self.inputs.append(attrs)
        elif tag in ("ol", "ul"):
            self.lists.append(attrs.get("class", ""))

    def handle_endtag(self, tag):
        if tag == "main":
            self.in_main = False


def outline(response):
    parser = Outline()
    parser.feed(response.content.decode())
    return parser


def test_the_page_is_accessible_in_structure(demo, search_page):
    response = search_page(q="Beratung")
    assert response.status_code == 200
    page = outline(response)
    assert page.headings.count(1) == 1
    assert page.headings[0] == 1
    # Headings never skip a level on the way down.
    assert all(b - a <= 1 for a, b in zip(page.headings, page.headings[1:], strict=False))
    field = next(i for i in page.inputs if i.get("name") == "q")
    assert field["id"] in page.labels
    assert field["value"] == "Beratung"
    assert "search-results" in page.lists
    html = response.content.decode()
    assert 'role="search"' in html
    # The demo's five public German hits and the Leichte Sprache page (every language is
    # searched, German first).
    assert "6 Ergebnisse für „Beratung“" in html


def test_without_a_query_only_the_form(db, search_page):
    response = search_page()
    assert response.status_code == 200
    assert outline(response).headings == [1]
    assert "Ergebnis" not in response.content.decode()


def test_titles_and_excerpts_are_escaped_and_hits_marked(topic_index, search_page, search_api):
    TopicPageFactory(
        parent=topic_index,
        title="<script>alert('Titel')</script> Familienhilfe",
        slug="xss",
        intro='Familienhilfe <img src=x onerror="alert(1)"> & mehr',
        body=[],
    )
    html = search_page(q="Familienhilfe").content.decode()
    assert "<script>alert(" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(&#x27;Titel&#x27;)&lt;/script&gt; Familienhilfe" in html
    assert (
        "<mark>Familienhilfe</mark> &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; mehr"
        in html
    )
    item = search_api(q="Familienhilfe").json()["items"][0]
    assert item["title"] == "<script>alert('Titel')</script> Familienhilfe"  # JSON: plain text
    assert item["excerpt"].startswith("<mark>Familienhilfe</mark> &lt;img src=x")


def test_type_filter_links_and_counts(demo, search_page):
    html = search_page(q="Beratung", type="publication").content.decode()
    assert 'href="?q=Beratung&amp;type=publication" aria-current="page"' in html
    assert "Publikationen (2)" in html
    assert "Themen (2)" in html  # the German page and its Leichte Sprache version
    assert "search-result--topic" not in html
    assert html.count('class="search-result search-result--publication"') == 2


@pytest.mark.parametrize("number, expected", [(1, 10), (2, 2), (3, 2)])
def test_pagination(topic_index, search_page, number, expected):
    for n in range(12):
        TopicPageFactory(parent=topic_index, title=f"Schuldnerberatung {n}", slug=f"s{n}")
    html = search_page(q="Schuldnerberatung", seite=number).content.decode()
    # Page 3 does not exist: the last page is shown.
    assert html.count('class="search-result search-result--topic"') == expected
    assert 'aria-label="Seiten der Suchergebnisse"' in html
    current = '<a aria-current="page" href="?q=Schuldnerberatung&amp;seite={}">'
    assert current.format(min(number, 2)) in html


def test_an_old_link_with_page_is_redirected_permanently_to_seite(db, client):
    """The search page used ?page= before the site's listings agreed on ?seite=."""
    response = client.get(
        "/suche/?q=Beratung&type=topic&page=2", HTTP_ACCEPT="text/html,application/xhtml+xml"
    )
    assert response.status_code == 301
    assert response["Location"] == "/suche/?q=Beratung&type=topic&seite=2"
    assert client.get(response["Location"]).status_code == 200
