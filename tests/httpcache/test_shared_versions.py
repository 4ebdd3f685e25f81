"""Without Redis the response cache's tag versions live in the database (the shared cache on
``changes``' table): a first miss creates the versions of all its new tags in one statement,
an invalidation moves all its tags and the generation in one, and Django's own database cache
reads what they write."""

import pytest
from django.core.cache.backends.db import DatabaseCache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from changes.models import SharedCacheEntry
from httpcache import cache
from topics.factories import TopicPageFactory

NEW_TAGS = {f"listing:neu-{n}" for n in range(6)}


@pytest.fixture(autouse=True)
def database_versions():
    if not isinstance(cache.shared(), DatabaseCache):
        pytest.skip("the tag versions are not in the database (RESPONSE_CACHE_VERSIONS)")


def shared_cache_queries(captured):
    return [q["sql"] for q in captured.captured_queries if "changes_shared_cache" in q["sql"]]


def test_a_first_miss_creates_its_new_tag_versions_in_one_statement(db, django_assert_num_queries):
    with django_assert_num_queries(2) as captured:  # one read, one write for all six
        versions, _generation = cache.versions(NEW_TAGS)
    assert set(versions) == NEW_TAGS and len(set(versions.values())) == len(NEW_TAGS)
    assert "INSERT" in captured.captured_queries[1]["sql"].upper()
    # Stored where every process reads them, through Django's own database cache.
    generation = cache.generation()
    with django_assert_num_queries(1):
        assert cache.versions(NEW_TAGS) == (versions, generation)
    assert cache.shared().get_many([cache.PREFIX + "tag:" + tag for tag in NEW_TAGS]) == {
        cache.PREFIX + "tag:" + tag: version for tag, version in versions.items()
    }


def test_an_invalidation_moves_its_tags_and_the_generation_in_one_statement(
    db, django_assert_num_queries
):
    versions, generation = cache.versions(NEW_TAGS)
    moved = set(sorted(NEW_TAGS)[:3])
    with django_assert_num_queries(1):
        cache.invalidate(moved)
    now, new_generation = cache.versions(NEW_TAGS)
    assert new_generation != generation
    assert {tag for tag in NEW_TAGS if now[tag] != versions[tag]} == moved


def test_a_first_miss_over_http_writes_the_shared_cache_once(db, topic_index, client):
    topic = TopicPageFactory(parent=topic_index, slug="neu")
    url = f"/api/v3/pages/{topic.pk}/"
    SharedCacheEntry.objects.all().delete()  # every tag of the answer is new
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    queries = shared_cache_queries(captured)
    # The lookup, the versions to store the answer with, and one write of the new ones.
    assert len(queries) == 3, queries
    assert sum("INSERT" in sql.upper() for sql in queries) == 1
    assert client.get(url)["X-Response-Cache"] == "hit"
