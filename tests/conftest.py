"""Shared fixtures: the default site's home page and a Themen index below it."""

import pytest
from wagtail.models import Site

from topics.factories import TopicIndexPageFactory


@pytest.fixture
def home_page(db):
    """The HomePage created by the home app's data migration (the default site's root)."""
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def topic_index(home_page):
    return TopicIndexPageFactory(parent=home_page)


@pytest.fixture
def admin_client(client, django_user_model):
    """A logged-in superuser whose admin language is German (the default)."""
    user = django_user_model.objects.create_superuser("redaktion", "redaktion@example.org", "pw")
    client.force_login(user)
    client.user = user
    return client
