"""Search terms are counted off the request path; anonymous searches are rate limited."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from search import terms


def writes(captured):
    return [
        q["sql"]
        for q in captured.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]


def first_search_of_all(client, path):
    """The very first search creates the shared version of the response cache's ``search``
    tag (once per database, not per search; see httpcache.cache.versions)."""
    assert client.get(path, {"q": "Vorab"}).status_code == 200


def test_100_searches_write_no_row_and_are_added_up_later(demo, client):
    first_search_of_all(client, "/suche/")
    with CaptureQueriesContext(connection) as captured:
        for _ in range(100):
            assert (
                client.get("/suche/", {"q": "Beratung", "formular": terms.form_token()}).status_code
                == 200
            )
    assert writes(captured) == []
    assert not Query.objects.exists() and not QueryDailyHits.objects.exists()

    out = io.StringIO()
    call_command("flush_search_terms", stdout=out)
    assert "1 Suchbegriff(e), 100 Suche(n) übertragen." in out.getvalue()
    assert QueryDailyHits.objects.get().hits == 100  # one row for the day, not 100
    assert Query.objects.get().query_string == "beratung"

    # The next flush finds nothing new; later searches add to the same row.
    assert terms.flush() == {}
    client.get("/suche/", {"q": "beratung", "formular": terms.form_token()})
    terms.flush()
    assert QueryDailyHits.objects.get().hits == 101


def test_100_api_searches_write_no_row(demo, client):
    first_search_of_all(client, "/api/v3/search/")
    with CaptureQueriesContext(connection) as captured:
        for _ in range(100):
            assert client.get("/api/v3/search/", {"q": "Beratung"}).status_code == 200
    assert writes(captured) == []
    assert terms.flush() == {}


@pytest.fixture
def limit(settings):
    settings.SEARCH_RATE_LIMIT = "5/m"


@pytest.mark.parametrize(
    "path", ["/api/v3/search/", "/api/v3/search/autocomplete/", "/suche/"], ids=str
)
def test_anonymous_searches_are_limited_with_429_and_retry_after(db, client, limit, path):
    # Each a new search (a repeated one is answered from the response cache, uncounted).
    for n in range(5):
        assert client.get(path, {"q": f"Beratung {n}"}).status_code in (200, 400)
    response = client.get(path, {"q": "Beratung"})
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert "Zu viele Suchanfragen" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_each_address_has_its_own_limit_and_only_valid_tokens_are_not_limited(
    db, client, limit, settings, django_user_model
):
    from wagtail.models import APIToken

    # Five an hour, not a minute: django-ratelimit's windows are fixed, and a minute's could
    # end between the fifth and the sixth search on a slow machine (then 200, not 429).
    settings.SEARCH_RATE_LIMIT = "5/h"
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    for n in range(5):
        client.get("/api/v3/search/", {"q": f"Beratung {n}"}, HTTP_X_FORWARDED_FOR="203.0.113.1")
    assert (
        client.get("/api/v3/search/", {"q": "x"}, HTTP_X_FORWARDED_FOR="203.0.113.1").status_code
        == 429
    )
    other = client.get("/api/v3/search/", {"q": "Beratung"}, HTTP_X_FORWARDED_FOR="203.0.113.2")
    assert other.status_code == 200
    # A bogus token is no credential: counted (and limited) like any visitor.
    bogus = client.get(
        "/api/v3/search/",
        {"q": "Beratung neu"},
        HTTP_X_FORWARDED_FOR="203.0.113.1",
        HTTP_AUTHORIZATION="Bearer ungültig",
    )
    assert bogus.status_code == 429
    user = django_user_model.objects.create_user("leser", "l@example.org", "pw")
    _, key = APIToken.create_token(user=user, name="Frontend")
    with_token = client.get(
        "/api/v3/search/",
        {"q": "Beratung neu"},
        HTTP_X_FORWARDED_FOR="203.0.113.1",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert with_token.status_code != 429


def test_a_direct_client_cannot_rotate_forged_addresses_past_the_limit(db, limit, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.0/8", "10.0.0.0/8"]
    answers = [
        # Each a new search (a repeated one is answered from the response cache, uncounted).
        Client(REMOTE_ADDR="203.0.113.80", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
        .get("/api/v3/search/", {"q": f"Beratung {n}"})
        .status_code
        for n in range(6)
    ]
    assert answers[-1] == 429


def test_the_scheduler_adds_the_counted_searches_to_the_report(demo, client):
    """The Procfile's scheduler process (run_scheduler) is what flushes in production."""
    for _ in range(3):
        client.get("/suche/", {"q": "Beratung", "formular": terms.form_token()})
    assert not QueryDailyHits.objects.exists()
    call_command("run_scheduler", "--once", stdout=io.StringIO(), stderr=io.StringIO())
    assert QueryDailyHits.objects.get().hits == 3


def test_the_form_token_is_good_for_a_week_and_keeps_one_cache_entry(demo, client):
    today = timezone.localdate()
    week_old = terms.form_token(today - timedelta(days=terms.FORM_TOKEN_DAYS - 1))
    too_old = terms.form_token(today - timedelta(days=terms.FORM_TOKEN_DAYS))
    first = client.get("/suche/", {"q": "Beratung", "formular": week_old})
    # The same answer, from the cache, with another token, none, or an expired one.
    again = client.get("/suche/", {"q": "Beratung", "formular": too_old})
    plain = client.get("/suche/", {"q": "Beratung"})
    assert first.get("X-Response-Cache") is None
    assert again["X-Response-Cache"] == plain["X-Response-Cache"] == "hit"
    assert again.content == first.content
    assert terms.flush() == {"Beratung": 1}  # the week-old token counted, the expired one not
