"""Editors' promoted results ("Empfehlungen") and the report of the most frequent queries."""

import io
import re

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from home.factories import StandardPageFactory


def promote(query, **fields):
    return SearchPromotion.objects.create(query=Query.get(query), **fields)


def test_promotions_come_first_on_the_first_page_only(demo, home_page, search_api, search_page):
    impressum = home_page.get_children().get(slug="impressum")
    promote("Beratung", page=impressum, description="Wer <b>wir</b> sind.", sort_order=1)
    promote(
        "Beratung",
        external_link_url="https://example.org/beratung",
        external_link_text="Beratungsstellen-Suche",
        sort_order=2,
    )
    body = search_api(q="  beratung ").json()
    assert body["promotions"] == [
        {
            "type": "promotion",
            "type_label": "Empfehlung",
            "title": "Impressum",
            "excerpt": "Wer &lt;b&gt;wir&lt;/b&gt; sind.",
            "url": "http://testserver/impressum/",
            "trail": [],
            "locale": "de",
        },
        {
            "type": "promotion",
            "type_label": "Empfehlung",
            "title": "Beratungsstellen-Suche",
            "excerpt": "",
            "url": "https://example.org/beratung",
            "trail": [],
            "locale": "de",
        },
    ]
    # The demo has six public hits (among them the home page, whose sentence mentions
    # "Beratung", and the Leichte Sprache topic page); promotions are not counted as hits.
    assert body["count"] == 6
    assert search_api(q="Beratung", offset=1).json()["promotions"] == []

    html = search_page(q="Beratung").content.decode()
    assert html.index("Empfehlungen") < html.index('class="search-results"')
    assert html.index('href="/impressum/"') < html.index('class="search-results"')


def test_a_promoted_page_that_is_not_public_is_not_shown(home_page, search_api):
    private = StandardPageFactory(parent=home_page, title="Intern", slug="intern")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    draft = StandardPageFactory(parent=home_page, title="Entwurf", slug="entwurf", live=False)
    promote("Beratung", page=private)
    promote("Beratung", page=draft)
    assert search_api(q="Beratung").json()["promotions"] == []


def test_searches_feed_the_report_of_frequent_queries(demo, client, admin_client):
    # The token of the site's own search forms, as a visitor's browser sends it.
    home = client.get("/").content.decode()
    token = re.search(r'name="formular" value="([^"]+)"', home)[1]
    for _ in range(3):
        client.get("/suche/", {"q": "Beratung", "formular": token})
    not_found = client.get("/diese-seite-gibt-es-nicht/").content.decode()
    assert f'name="formular" value="{token}"' in not_found  # the 404 page's form has it too
    client.get("/suche/", {"q": "Metelmann", "formular": token})
    # Further pages, suggestions, the API, searches made up elsewhere (whatever headers they
    # send, with a made-up token or none) and searches that found nothing are not counted.
    client.get("/suche/", {"q": "Beratung", "seite": 2, "formular": token})
    client.get("/api/v3/search/autocomplete/", {"q": "Bera", "formular": token})
    client.get("/api/v3/search/", {"q": "Beratung"})
    client.get("/suche/", {"q": "Beratung"})
    client.get("/suche/", {"q": "Beratung"}, HTTP_SEC_FETCH_SITE="same-origin")
    client.get("/suche/", {"q": "Beratung"}, HTTP_REFERER="http://testserver/themen/")
    client.get("/suche/", {"q": "Beratung", "formular": "erfunden"})
    client.get("/suche/", {"q": "<script>alert(1)</script>", "formular": token})
    client.get("/suche/", {"q": "1' OR '1'='1", "formular": token})
    assert not Query.objects.exists()  # nothing written while the visitors waited

    call_command("flush_search_terms", stdout=io.StringIO())
    popular = {q.query_string: q._hits for q in Query.get_most_popular()}
    assert popular == {"beratung": 3, "metelmann": 1}

    report = admin_client.get(reverse("wagtailsearchpromotions:search_terms"))
    assert report.status_code == 200
    html = report.content.decode()
    assert "beratung" in html
    assert "metelmann" in html


def test_a_promotion_shows_from_the_next_search_and_goes_when_deleted(home_page, search_api):
    """Which queries have promotions is kept in the cache; a change to a promotion clears it."""
    page = StandardPageFactory(parent=home_page, title="Kita-Beratung", slug="kita")
    with CaptureQueriesContext(connection) as before:
        assert search_api(q="Kita").json()["promotions"] == []
    with CaptureQueriesContext(connection) as again:
        assert search_api(q="Kita").json()["promotions"] == []
    # The second search asks nothing about promotions (the first read the list once).
    assert not [q for q in again.captured_queries if "searchpromotion" in q["sql"]]
    assert [q for q in before.captured_queries if "searchpromotion" in q["sql"]]

    pick = promote("Kita", page=page, description="Alles zur Kita")
    assert [p["title"] for p in search_api(q="Kita").json()["promotions"]] == ["Kita-Beratung"]
    pick.delete()
    assert search_api(q="Kita").json()["promotions"] == []
    promote("Kita", external_link_url="https://example.org/kita", external_link_text="Kita")
    assert len(search_api(q="kita").json()["promotions"]) == 1
    Query.objects.filter(query_string="kita").delete()
    assert search_api(q="Kita").json()["promotions"] == []
