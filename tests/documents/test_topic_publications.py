"""Topic pages show the publications tagged with their topic, plus the hand-picked ones."""

import re
from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

from documents.factories import PublicationFactory, PublicationIndexPageFactory
from httpcache import cache
from topics.factories import TopicPageFactory


def section(html, heading_id):
    match = re.search(rf'<section[^>]*aria-labelledby="{heading_id}".*?</section>', html, re.S)
    return match.group(0) if match else ""


def listed(html):
    return re.findall(r'class="publication-item__title"><a [^>]*>([^<]+)</a>', html)


def test_tagged_and_hand_picked_publications(client, topic_index, private_collection):
    other = TopicPageFactory(parent=topic_index, slug="pflege")
    chosen = PublicationFactory(title="Von Hand gewählt")
    topic = TopicPageFactory(
        parent=topic_index,
        slug="flucht",
        further_information=[
            ("publications", {"heading": "Broschüren", "publications": [chosen]}),
        ],
    )
    PublicationFactory(title="Getaggt alt", publication_date=date(2023, 1, 1), topics=[topic])
    PublicationFactory(title="Getaggt neu", publication_date=date(2025, 1, 1), topics=[topic])
    chosen.topics.set([topic])  # chosen and tagged: listed once, in the chosen block
    PublicationFactory(title="Anderes Thema", topics=[other])
    PublicationFactory(title="Intern getaggt", collection=private_collection, topics=[topic])

    html = client.get("/themen/flucht/").content.decode()
    assert listed(section(html, "topic-publications-heading")) == ["Getaggt neu", "Getaggt alt"]
    assert "Von Hand gewählt" in html and html.count("Von Hand gewählt") == 1
    assert "Anderes Thema" not in html
    assert "Intern getaggt" not in html


def test_more_than_six_link_to_the_filtered_publications_page(client, home_page, topic_index):
    PublicationIndexPageFactory(parent=home_page)
    topic = TopicPageFactory(parent=topic_index, slug="flucht")
    for day in range(1, 9):
        PublicationFactory(publication_date=date(2024, 1, day), topics=[topic])
    html = client.get("/themen/flucht/").content.decode()
    assert len(listed(section(html, "topic-publications-heading"))) == 6
    assert 'href="/publikationen/?thema=flucht"' in html
    # …and that link lists all eight.
    assert "8 Publikationen gefunden" in client.get("/publikationen/?thema=flucht").content.decode()


def test_topic_page_query_count_does_not_grow_with_tagged_publications(
    client, home_page, topic_index, on_commit
):
    PublicationIndexPageFactory(parent=home_page)
    topic = TopicPageFactory(parent=topic_index, slug="flucht")

    def queries():
        client.get("/themen/flucht/")  # renditions of new covers are created once
        cache.forget_everything()  # measure the work, not the cache
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/themen/flucht/").status_code == 200
        return len(captured)

    with on_commit():  # with generated covers
        for _ in range(7):
            PublicationFactory(topics=[topic])
    seven = queries()
    with on_commit():
        for _ in range(13):
            PublicationFactory(topics=[topic])
    assert queries() == seven
