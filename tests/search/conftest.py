"""Fixtures for the site search: the demo content and helpers to ask the page and the API."""

import pytest


@pytest.fixture
def search_api(client):
    def get(**params):
        return client.get("/api/v3/search/", params)

    return get


@pytest.fixture
def search_page(client):
    def get(**params):
        return client.get("/suche/", params)

    return get
