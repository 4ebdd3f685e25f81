"""The publications endpoint: filters by topic, type, year and language; ordered by date."""

import datetime

import pytest

from documents.factories import PublicationFactory
from topics.factories import TopicPageFactory


@pytest.fixture
def publications(topic_index):
    topic = TopicPageFactory(parent=topic_index, title="Flüchtlingsarbeit")
    items = {
        "leitfaden": PublicationFactory(
            title="Leitfaden",
            publication_type="broschuere",
            publication_date=datetime.date(2024, 3, 1),
            language="de",
        ),
        "arbeitshilfe": PublicationFactory(
            title="Arbeitshilfe",
            publication_type="arbeitshilfe",
            publication_date=datetime.date(2025, 6, 30),
            language="de",
        ),
        "english": PublicationFactory(
            title="Guide",
            publication_type="broschuere",
            publication_date=datetime.date(2025, 1, 15),
            language="en",
        ),
    }
    for publication in items.values():  # what the admin's upload form does
        publication._set_document_file_metadata()
        publication.save()
    items["leitfaden"].topics.add(topic)
    items["english"].topics.add(topic)
    return topic, items


def titles(client, **query):
    response = client.get("/api/v3/publications/", query)
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["count"] == len(data["items"])
    return [item["title"] for item in data["items"]]


def test_newest_first_by_default_and_oldest_first_on_request(client, publications):
    assert titles(client) == ["Arbeitshilfe", "Guide", "Leitfaden"]
    assert titles(client, order="date") == ["Leitfaden", "Guide", "Arbeitshilfe"]


def test_filters(client, publications):
    topic, _ = publications
    assert titles(client, topic=topic.slug) == ["Guide", "Leitfaden"]
    assert titles(client, type="broschuere") == ["Guide", "Leitfaden"]
    assert titles(client, year=2025) == ["Arbeitshilfe", "Guide"]
    assert titles(client, language="en") == ["Guide"]
    assert titles(client, type="broschuere", year=2025, language="de") == []


def test_paging(client, publications):
    data = client.get("/api/v3/publications/", {"limit": 1, "offset": 1}).json()
    assert data["count"] == 3
    assert [item["title"] for item in data["items"]] == ["Guide"]


def test_detail_has_everything_a_download_list_needs(client, publications):
    _, items = publications
    data = client.get(f"/api/v3/publications/{items['leitfaden'].pk}/").json()
    assert data["type_label"] == "Broschüre" and data["language_label"] == "Deutsch"
    assert data["date"] == "2024-03-01" and data["file_extension"] == "pdf"
    assert data["file_size"] > 0
    download = client.get(data["download_url"].removeprefix("http://testserver"))
    assert download.status_code == 200
