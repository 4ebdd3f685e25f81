"""Stored markup is not trusted: hostile values written straight into the database (past the
editor, its forms and the models) reach neither the HTML nor the API (content/richtext.py).

Each case writes one hostile value into a topic page's body (or the embed cache) with SQL and
reads the page as a visitor does (HTML) and as a frontend does (v2 and v3 details). The
hostile part must be gone from all three; the harmless words around it must still be there, so
the block is shown to render at all.
"""

import json
import uuid

import pytest
from django.db import connection

from home.factories import EmbedFactory
from topics.factories import TopicPageFactory
from topics.models import TopicPage

pytestmark = pytest.mark.django_db


def block(type_, value):
    return {"type": type_, "value": value, "id": str(uuid.uuid4())}


def text(html):
    return block("text", html)


def link(url):
    return block(
        "link_list",
        {"heading": "Weiterlesen", "links": [block("item", {"label": "Ziel", "url": url})]},
    )


CASES = {
    # id: (stream blocks, hostile fragments that must not appear, harmless words that must)
    "script": (
        [text('<p>Vorher<script>alert("XSS-SCRIPT")</script>Nachher</p>')],
        ["XSS-SCRIPT", "<script>alert"],
        ["Vorher", "Nachher"],
    ),
    "script-escaped-tag": (
        [text("<p>Vorher<SCRIPT SRC=https://evil.example/x.js></SCRIPT>Nachher</p>")],
        ["evil.example"],
        ["Vorher"],
    ),
    "on-attribute": (
        [text("<p onmouseover=\"alert('XSS-ON')\">Beratung</p>")],
        ["onmouseover", "XSS-ON"],
        ["Beratung"],
    ),
    "img-onerror": (
        [text("<p>Bild<img src=x onerror=\"alert('XSS-IMG')\"></p>")],
        ["onerror", "XSS-IMG", "<img"],
        ["Bild"],
    ),
    "svg-onload": (
        [text("<p>Grafik<svg onload=\"alert('XSS-SVG')\"></svg></p>")],
        ["onload", "XSS-SVG", "<svg"],
        ["Grafik"],
    ),
    "iframe-in-rich-text": (
        [text('<p>Rahmen<iframe src="https://evil.example/frame"></iframe></p>')],
        ["<iframe", "evil.example"],
        ["Rahmen"],
    ),
    "javascript-link-in-rich-text": (
        [text("<p><a href=\"javascript:alert('XSS-JS')\">Klick</a></p>")],
        ["javascript:", "XSS-JS"],
        ["Klick"],
    ),
    "javascript-link-obfuscated": (
        [text("<p><a href=\" JaVa&#x09;ScRiPt:alert('XSS-JS2')\">Klick</a></p>")],
        ["XSS-JS2", "script:"],
        ["Klick"],
    ),
    "data-link-in-rich-text": (
        [text('<p><a href="data:text/html;base64,PHNjcmlwdD5YU1M8L3NjcmlwdD4=">Daten</a></p>')],
        ["data:text", "PHNjcmlwdD5"],
        ["Daten"],
    ),
    "style-attribute": (
        [text('<p style="background:url(javascript:alert(1))">Stil</p>')],
        ["style=", "javascript:"],
        ["Stil"],
    ),
    "javascript-url-in-link-block": (
        [text("<p>Davor</p>"), link("javascript:alert('XSS-LINK')")],
        ["javascript:", "XSS-LINK"],
        ["Davor"],
    ),
    "javascript-url-with-whitespace": (
        [text("<p>Davor</p>"), link("\tjava\nscript:alert('XSS-LINK2')")],
        ["XSS-LINK2"],
        ["Davor"],
    ),
    "data-url-in-link-block": (
        [text("<p>Davor</p>"), link("data:text/html,<script>alert('XSS-DATA')</script>")],
        ["data:text", "XSS-DATA"],
        ["Davor"],
    ),
    "vbscript-url-in-link-block": (
        [text("<p>Davor</p>"), link("vbscript:msgbox('XSS-VB')")],
        ["vbscript", "XSS-VB"],
        ["Davor"],
    ),
    "javascript-embed-url": (
        [
            text("<p>Davor</p>"),
            block("embed", {"title": "Film", "embed": "javascript:alert('XSS-EMBED-URL')"}),
        ],
        ["XSS-EMBED-URL"],
        ["Davor"],
    ),
}


def write_body(page, stream):
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {TopicPage._meta.db_table} SET body = %s WHERE page_ptr_id = %s",  # noqa: S608
            [json.dumps(stream), page.pk],
        )


def outputs(client, page):
    html = client.get(page.url)
    assert html.status_code == 200
    found = {"html": html.content.decode()}
    for version in ("v2", "v3"):
        response = client.get(f"/api/{version}/pages/{page.pk}/")
        assert response.status_code == 200
        found[version] = response.content.decode()
    return found


def main(html):
    return html[html.index("<main") : html.index("</main>")]


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_hostile_value_written_to_the_database_is_absent_from_html_and_api(
    case, client, topic_index
):
    stream, hostile, harmless = CASES[case]
    page = TopicPageFactory(parent=topic_index, title="Feindlich", slug="feindlich")
    write_body(page, stream)

    for output, body in outputs(client, page).items():
        if output == "html":
            body = main(body)
        else:  # the fragments as they would be used, not as JSON escapes them
            body = json.dumps(json.loads(body), ensure_ascii=False).replace('\\"', '"')
        for fragment in hostile:
            assert fragment.lower() not in body.lower(), (output, fragment)
        for word in harmless:
            assert word in body, (output, word)


def test_hostile_embed_html_in_the_embed_cache(client, topic_index):
    embed = EmbedFactory(url="https://www.youtube.com/watch?v=feindlich")
    embed.html = (
        '<iframe src="https://www.youtube-nocookie.com/embed/feindlich" '
        'onload="alert(\'XSS-EMBED\')" title="Film"></iframe>'
        "<script>alert('XSS-EMBED-SCRIPT')</script>"
        "<iframe src=\"javascript:alert('XSS-EMBED-SRC')\"></iframe>"
    )
    embed.save()
    page = TopicPageFactory(parent=topic_index, title="Film", slug="film")
    write_body(page, [block("embed", {"title": "Film", "embed": embed.url})])

    for output, body in outputs(client, page).items():
        if output == "html":
            body = main(body)
        else:
            body = json.dumps(json.loads(body), ensure_ascii=False).replace('\\"', '"')
        for fragment in ("XSS-EMBED", "onload", "javascript:"):
            assert fragment not in body, (output, fragment)
        assert "https://www.youtube-nocookie.com/embed/feindlich" in body, output


def test_safe_links_survive(client, topic_index):
    page = TopicPageFactory(parent=topic_index, title="Sicher", slug="sicher")
    write_body(
        page,
        [
            text(
                '<p><a href="https://www.paritaet-nrw.org/">Web</a> '
                '<a href="mailto:info@example.org">Mail</a> <a href="tel:+492111234">Tel</a> '
                '<a href="/themen/">Intern</a> <b>fett</b> <i>kursiv</i></p>'
                "<h3>Zwischentitel</h3><ul><li>Punkt</li></ul>"
            ),
            link("https://www.der-paritaetische.de/"),
        ],
    )
    for output, body in outputs(client, page).items():
        body = body.replace('\\"', '"')
        for fragment in (
            'href="https://www.paritaet-nrw.org/"',
            'href="mailto:info@example.org"',
            'href="tel:+492111234"',
            "<b>fett</b>",
            "<i>kursiv</i>",
            "<h3>Zwischentitel</h3>",
            "<li>Punkt</li>",
            "https://www.der-paritaetische.de/",
        ):
            assert fragment in body, (output, fragment)
