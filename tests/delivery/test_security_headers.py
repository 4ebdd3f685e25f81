"""CSP and Permissions-Policy on every response, delivery cache hits included."""

import pytest

from documents.factories import PublicationFactory
from topics.factories import TopicPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/themen/thema/", "/api/v3/pages/find/?html_path=/themen/thema/"])
def test_cache_hits_carry_the_policies(client, topic_index, path):
    TopicPageFactory(parent=topic_index, slug="thema")
    first = client.get(path, follow=path.startswith("/api/"))
    second = client.get(path, follow=path.startswith("/api/"))
    assert second.status_code == 200 and second["X-Delivery-Cache"] == "hit"
    for response in (first, second):
        assert "script-src 'self'" in response["Content-Security-Policy"]
        assert "object-src 'none'" in response["Content-Security-Policy"]
        assert "geolocation=()" in response["Permissions-Policy"]


def test_admin_has_its_own_policy(admin_client):
    policy = admin_client.get("/admin/")["Content-Security-Policy"]
    assert "'unsafe-inline'" in policy and "object-src 'none'" in policy


def test_document_download_keeps_its_own_policy(client):
    publication = PublicationFactory(title="Broschüre")
    response = client.get(publication.url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'"
