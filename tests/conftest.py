"""Shared fixtures: the default site's home page and a Themen index below it."""

import pytest
from django.test import Client
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
def admin_client(db, django_user_model):
    """A logged-in superuser (separate from the anonymous ``client`` fixture)."""
    user = django_user_model.objects.create_superuser("redaktion", "redaktion@example.org", "pw")
    client = Client()
    client.force_login(user)
    client.user = user
    return client


# --- PostgreSQL-only tests: @pytest.mark.postgres skips (with the reason) on other databases.
def pytest_collection_modifyitems(config, items):
    from django.conf import settings

    vendor = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    if "postgresql" in vendor:
        return
    skip = pytest.mark.skip(
        reason=f"needs PostgreSQL (the database is {vendor}); set DATABASE_URL=postgres://…"
    )
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _empty_caches():
    """Every test starts with empty caches: the response cache keys entries by page id and
    path, which the next test's rolled-back database reuses."""
    from django.core.cache import caches
    from django.core.cache.backends.db import DatabaseCache

    for cache in caches.all():
        # The shared cache in the database is a table: rolled back or flushed with the rest.
        if not isinstance(cache, DatabaseCache):
            cache.clear()
