"""CSP and Permissions-Policy on every response, response cache hits included."""

import pytest

from documents.factories import PublicationFactory
from topics.factories import TopicPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/themen/thema/", "/api/v3/pages/find/?html_path=/themen/thema/"])
def test_cache_hits_carry_the_policies(client, topic_index, path):
    TopicPageFactory(parent=topic_index, slug="thema")
    first = client.get(path, follow=path.startswith("/api/"))
    second = client.get(path, follow=path.startswith("/api/"))
    assert second.status_code == 200 and second["X-Response-Cache"] == "hit"
    for response in (first, second):
        assert "script-src 'self'" in response["Content-Security-Policy"]
        assert "object-src 'none'" in response["Content-Security-Policy"]
        assert "geolocation=()" in response["Permissions-Policy"]
        expected = "cross-origin" if path.startswith("/api/") else "same-origin"
        assert response["Cross-Origin-Resource-Policy"] == expected


def test_admin_has_its_own_policy(admin_client):
    policy = admin_client.get("/admin/")["Content-Security-Policy"]
    assert "'unsafe-inline'" in policy and "object-src 'none'" in policy


def test_document_download_keeps_its_own_policy(client):
    publication = PublicationFactory(title="Broschüre")
    response = client.get(publication.url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'"


@pytest.mark.parametrize(
    ("env", "origins"),
    [
        ({}, "[]"),
        ({"AWS_STORAGE_BUCKET_NAME": "b"}, "['https://*.amazonaws.com']"),
        (
            {"AWS_STORAGE_BUCKET_NAME": "b", "AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9000/"},
            "['http://127.0.0.1:9000']",
        ),
        (
            {"AWS_STORAGE_BUCKET_NAME": "b", "AWS_S3_CUSTOM_DOMAIN": "media.example.org"},
            "['https://media.example.org']",
        ),
        ({"IMAGE_ORIGINS": "https://a.example.org,https://b.example.org"}, None),
    ],
)
def test_image_origins_follow_the_storage(env, origins):
    import os
    import subprocess
    import sys
    from pathlib import Path

    script = (
        "import django; django.setup(); from django.conf import settings as s;"
        "print(s.IMAGE_ORIGINS, s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'])"
    )
    environment = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    environment.update(DJANGO_SETTINGS_MODULE="cms.settings.dev", **env)
    out = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script],
        cwd=Path(__file__).resolve().parents[2],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if origins is None:
        assert "'https://a.example.org', 'https://b.example.org'" in out
    else:
        assert out.startswith(origins)


@pytest.mark.parametrize(
    ("path", "policy"),
    [
        ("/", "same-origin"),
        ("/admin/login/", "same-origin"),
        ("/robots.txt", "same-origin"),
        ("/health/live/", "same-origin"),
        ("/gibt-es-nicht/", "same-origin"),
        ("/static/css/site.css", "same-origin"),
        ("/media/images/gibt-es-nicht.png", "cross-origin"),
        ("/api/v3/pages/", "cross-origin"),
    ],
)
def test_every_response_has_a_cross_origin_resource_policy(client, path, policy):
    response = client.get(path)
    assert response["Cross-Origin-Resource-Policy"] == policy, response.status_code
