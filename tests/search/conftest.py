"""Fixtures for the site search: the demo content and helpers to ask the page and the API."""

import io

import pytest
from django.core.management import call_command


@pytest.fixture
def demo(db):
    """The demo content of load_demo_content: the Flüchtlingsarbeit page, persons, publications."""
    call_command("load_demo_content", stdout=io.StringIO())


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
