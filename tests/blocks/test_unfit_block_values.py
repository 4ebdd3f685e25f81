"""A stored block value that does not fit its type (after an import or a data migration) is left
out of every output and logged; the rest of the page is delivered as usual."""

import json
import logging

import pytest
from django.db import connection

from topics.factories import TopicPageFactory
from topics.models import TopicPage

GOOD_HEADING = "Beratung vor Ort"
GOOD_QUOTE = "Für uns stehen die Menschen im Mittelpunkt."
BAD_ID = "0b5c1f5e-bad0-4c4e-9d6a-4b1d5e5f0a11"

STORED_BODY = [
    {"type": "section", "id": "s-good", "value": {"heading": GOOD_HEADING, "text": "<p>Gut</p>"}},
    {"type": "section", "id": BAD_ID, "value": {"heading": None, "text": "<p>Verwaist</p>"}},
    {"type": "quote", "id": "q-good", "value": {"quote": GOOD_QUOTE, "attribution": ""}},
    # Not even a struct: the whole value is a string.
    {"type": "quote", "id": "q-bad", "value": "Kein Zitat"},
]


@pytest.fixture
def page(topic_index):
    page = TopicPageFactory(parent=topic_index, title="Thema mit Altlast", slug="altlast")
    # Written past the model (as an import or a data migration would): the section's required
    # heading is null in the stored JSON.
    TopicPage.objects.filter(pk=page.pk).update(body=STORED_BODY)
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM topics_topicpage WHERE page_ptr_id = %s", [page.pk])
        stored = cursor.fetchone()[0]
    stored = json.loads(stored) if isinstance(stored, str) else stored
    assert stored[1]["value"]["heading"] is None
    return page


URLS = {
    "html": lambda page: page.url,
    "v2": lambda page: f"/api/v2/pages/{page.pk}/",
    "v3": lambda page: f"/api/v3/pages/{page.pk}/",
}


@pytest.mark.parametrize("output", ["html", "v2", "v3"])
def test_an_unfit_block_is_left_out_and_the_rest_delivered(page, client, output, caplog):
    with caplog.at_level(logging.WARNING, logger="blocks.shared"):
        response = client.get(URLS[output](page))
    assert response.status_code == 200, response.content[:500]

    if output == "html":
        html = response.content.decode()
        assert GOOD_HEADING in html and GOOD_QUOTE in html
        assert "Verwaist" not in html and "Kein Zitat" not in html
    else:
        body = response.json()["body"]
        assert [block["id"] for block in body] == ["s-good", "q-good"]
        assert body[0]["value"]["heading"] == GOOD_HEADING
        assert body[1]["value"]["quote"] == GOOD_QUOTE

    section, quote = [r for r in caplog.records if r.name == "blocks.base"]
    assert section.levelno == quote.levelno == logging.WARNING
    message = section.getMessage()
    assert "'section'" in message and BAD_ID in message and "heading" in message
    assert "Thema mit Altlast" in message and f"id {page.pk}" in message
    assert "'quote'" in quote.getMessage() and "q-bad" in quote.getMessage()
