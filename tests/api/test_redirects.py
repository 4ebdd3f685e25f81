"""``find`` answers with a clean, absolute address: no trailing ``?``, the public base URL."""

import pytest

from topics.factories import TopicPageFactory


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_find_redirects_to_the_absolute_detail_without_an_empty_query(client, topic_index, version):
    topic = TopicPageFactory(parent=topic_index, slug="gesucht")
    for _ in range(2):  # a miss, then the response cache's hit
        response = client.get(f"/api/{version}/pages/find/", {"html_path": topic.url})
        assert response.status_code == 302
        assert response["Location"] == f"http://testserver/api/{version}/pages/{topic.pk}/"


def test_find_keeps_the_parameters_meant_for_the_detail(client, topic_index):
    topic = TopicPageFactory(parent=topic_index, slug="gesucht")
    kept = client.get("/api/v2/pages/find/", {"html_path": topic.url, "fields": "*"})
    assert kept["Location"] == f"http://testserver/api/v2/pages/{topic.pk}/?fields=%2A"
