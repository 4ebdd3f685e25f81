"""A topic page with three or more sections opens with a table of contents of jump links."""

import re

from topics.factories import TopicPageFactory


def sections(*headings):
    return [
        {"type": "section", "value": {"heading": heading, "text": "<p>Text.</p>"}}
        for heading in headings
    ]


def test_three_sections_get_jump_links_to_unique_heading_ids(client, topic_index):
    page = TopicPageFactory(
        parent=topic_index,
        slug="drei",
        body=sections("Beratung für Geflüchtete", "Angebote", "Beratung für Geflüchtete"),
    )
    html = client.get(page.url).content.decode()
    toc = html[html.index('<nav class="toc"') : html.index("</nav>", html.index('class="toc"'))]
    links = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', toc)
    assert links == [
        ("abschnitt-beratung-fur-gefluchtete", "Beratung für Geflüchtete"),
        ("abschnitt-angebote", "Angebote"),
        ("abschnitt-beratung-fur-gefluchtete-2", "Beratung für Geflüchtete"),
    ]
    for anchor, heading in links:
        assert f'<h2 id="{anchor}">{heading}</h2>' in html
    # The API gives frontends the same list, and the anchors on each section.
    api = client.get(f"/api/v3/pages/{page.pk}/").json()
    assert [(e["anchor"], e["heading"]) for e in api["contents"]] == links
    assert [b["value"]["anchor"] for b in api["body"]] == [a for a, _ in links]


def test_fewer_than_three_sections_get_none(client, topic_index):
    page = TopicPageFactory(parent=topic_index, slug="zwei", body=sections("Eins", "Zwei"))
    html = client.get(page.url).content.decode()
    assert 'class="toc"' not in html
    assert client.get(f"/api/v3/pages/{page.pk}/").json()["contents"] == []
