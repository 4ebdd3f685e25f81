"""PostgreSQL: the site search reads ``search_document``, a narrow copy of Wagtail's index that
triggers keep in step (search/migrations/0004). Whatever writes Wagtail's index (a publish, an
edit, a deletion, ``update_index``) must show in the search at once, with nothing left behind."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.models import Page

from topics.factories import TopicPageFactory

pytestmark = pytest.mark.postgres


def in_step():
    """The narrow copy holds exactly Wagtail's entries (all of them have numeric ids here)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT e.id, d.entry_id FROM wagtailsearch_indexentry e "
            "FULL JOIN search_document d ON d.entry_id = e.id "
            "WHERE d.entry_id IS NULL OR e.id IS NULL OR d.object_id <> e.object_id::bigint "
            "OR d.content_type_id <> e.content_type_id OR d.title <> e.title "
            "OR d.document <> e.title || e.body"
        )
        differences = cursor.fetchall()
        cursor.execute("SELECT count(*) FROM search_document")
        return differences, cursor.fetchone()[0]


def count(search_api, q):
    return search_api(q=q).json()["count"]


def test_edits_deletions_and_rebuilds_reach_the_search_at_once(topic_index, search_api):
    page = TopicPageFactory(parent=topic_index, title="Quittenbaum", slug="quitte", body=[])
    assert count(search_api, "Quittenbaum") == 1
    differences, rows = in_step()
    assert differences == [] and rows > 0

    page.title = "Mispelstrauch"
    page.save_revision().publish()
    assert count(search_api, "Quittenbaum") == 0
    assert count(search_api, "Mispelstrauch") == 1
    assert in_step()[0] == []

    # A rebuild empties Wagtail's index first and fills it again.
    call_command("update_index", stdout=io.StringIO())
    assert count(search_api, "Mispelstrauch") == 1
    differences, rebuilt_rows = in_step()
    assert differences == [] and rebuilt_rows >= rows

    Page.objects.get(pk=page.pk).delete()
    assert count(search_api, "Mispelstrauch") == 0
    differences, remaining = in_step()
    assert differences == [] and remaining == rebuilt_rows - 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_emptied_index_empties_the_copy(topic_index, search_api):
    TopicPageFactory(parent=topic_index, title="Quittenbaum", slug="quitte", body=[])
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE wagtailsearch_indexentry")
    assert in_step() == ([], 0)
    assert count(search_api, "Quittenbaum") == 0
