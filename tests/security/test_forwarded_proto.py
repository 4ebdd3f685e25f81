"""X-Forwarded-Proto makes a request secure only when a trusted proxy sent it (production
settings: SECURE_PROXY_SSL_HEADER with the HTTPS redirect on)."""

import pytest

PROXY = "10.0.0.5"


@pytest.fixture
def production_proxy_settings(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]


def test_a_direct_client_cannot_claim_https(client, db, production_proxy_settings):
    response = client.get("/robots.txt", HTTP_X_FORWARDED_PROTO="https", REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


def test_the_trusted_proxy_says_https(client, db, production_proxy_settings):
    response = client.get("/robots.txt", HTTP_X_FORWARDED_PROTO="https", REMOTE_ADDR=PROXY)
    assert response.status_code == 200
    # Plain HTTP through the proxy is redirected as before.
    plain = client.get("/robots.txt", HTTP_X_FORWARDED_PROTO="http", REMOTE_ADDR=PROXY)
    assert plain.status_code == 301


def test_without_trusted_proxies_nobody_claims_https(
    client, db, production_proxy_settings, settings
):
    settings.TRUSTED_PROXIES = []
    response = client.get("/robots.txt", HTTP_X_FORWARDED_PROTO="https", REMOTE_ADDR=PROXY)
    assert response.status_code == 301
