"""The everyday work of each role, end to end, in Debian's Chromium, on the demo content, as the
role itself (never as superuser): review with rejection and approval, publishing and what the
visitor and the frontends see, a contact person changed and published, two revisions compared
and the older one restored.

Each step leaves a screenshot in ``test-artifacts/journeys/`` (``<journey>-<step>.png``) and each
journey prints how long it took (run with ``-s`` to see it). Database work happens before the
browser starts; while it runs, the test looks only through the browser and over HTTP (Playwright's
sync API runs an event loop in this thread, where Django refuses database access).
"""

import json
import time
import urllib.request
from contextlib import contextmanager
from types import SimpleNamespace
from urllib.parse import quote, urlsplit

import pytest
from django.core import mail

from .conftest import ARTIFACTS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "journey-demo-4711"
SHOTS = ARTIFACTS / "journeys"


@pytest.fixture
def editorial_password(demo_site):
    """The demo accounts' password for this test (the demo may come from an earlier test's
    snapshot, loaded with another DEMO_EDITORIAL_PASSWORD)."""
    from django.contrib.auth import get_user_model

    for user in get_user_model().objects.filter(
        username__in=["fachredaktion", "fachpruefung", "zentralredaktion"]
    ):
        user.set_password(PASSWORD)
        user.save(update_fields=["password"])


@contextmanager
def journey(name):
    """Times a journey and prints the figure."""
    started = time.perf_counter()
    yield
    print(f"\njourney {name}: {time.perf_counter() - started:.1f} s")


def shot(tab, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def log_in(tab, username):
    tab.context.clear_cookies()
    tab.goto("/admin/login/", wait_until="load")
    tab.fill("input[name=username]", username)
    tab.fill("input[name=password]", PASSWORD)
    tab.click("button[type=submit]")
    tab.wait_for_url("**/admin/")


def main_text(tab):
    return tab.locator("main").inner_text()


def pause_as_a_person(tab):
    """An editor reads what they typed before clicking on: the admin's autosave (500 ms after a
    change) has its turn, as it has with a person at the keyboard."""
    tab.wait_for_timeout(2000)


def open_footer_menu(tab):
    tab.locator("footer .w-dropdown__toggle, footer [data-w-dropdown-target=toggle]").first.click()


def save_draft(tab):
    pause_as_a_person(tab)
    with tab.expect_navigation(wait_until="load"):
        tab.locator("footer button.action-save").first.click()


def submit_for_review(tab):
    pause_as_a_person(tab)
    open_footer_menu(tab)
    with tab.expect_navigation(wait_until="load"):
        tab.locator("button[name=action-submit]").click()


def fetch(base, path, headers=None):
    """A visitor's or a frontend's request to the live server, as a browser would send it."""
    request = urllib.request.Request(
        base + path,
        headers={"Accept": "text/html,application/json;q=0.9,*/*;q=0.8", **(headers or {})},
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        body = response.read().decode()
        if response.headers.get_content_type() == "application/json":
            # Ninja (v3) escapes non-ASCII characters; compare the text as the reader gets it.
            body = json.dumps(json.loads(body), ensure_ascii=False)
        return response.status, body


def workflow_dropdown_action(tab, row_text, action_name):
    """The dashboard's "Ihre Überprüfung steht aus" panel: the row's menu, then the action."""
    row = tab.locator("tr", has_text=row_text).first
    row.locator("button[aria-label], [data-w-dropdown-target=toggle]").last.click()
    tab.get_by_role("button", name=action_name, exact=True).click()


@pytest.fixture
def seed(editorial_password, demo_site):
    """The seed page's ids and texts, read before the browser starts."""
    from topics.models import TopicPage

    page = TopicPage.objects.get(slug="fluechtlingsarbeit")
    persons = [link.person for link in page.contact_person_links.select_related("person")]
    return SimpleNamespace(
        pk=page.pk,
        title=page.title,
        intro=page.intro,
        url=page.url,
        live_revision=page.live_revision_id,
        person=SimpleNamespace(pk=persons[0].pk, role=persons[0].role),
    )


# -- Journey 2: review, rejection with a comment, resubmission, approval -------------------------


def test_journey_2_review_reject_resubmit_approve(seed, page, demo_site):
    new_title = "Flüchtlingsarbeit und Integration"
    with journey("2 Prüfung: ablehnen, ändern, erneut einreichen, freigeben"):
        # Fachredaktion changes the page and submits it.
        log_in(page, "fachredaktion")
        page.goto(f"/admin/pages/{seed.pk}/edit/", wait_until="load")
        page.fill("input[name=title]", new_title)
        submit_for_review(page)
        shot(page, "2-01-eingereicht")

        # The reviewer follows the link in the mail.
        review_mail = next(m for m in mail.outbox if m.to == ["fachpruefung@example.org"])
        link = next(word for word in review_mail.body.split() if f"/admin/pages/{seed.pk}/" in word)
        # The mail's address is WAGTAILADMIN_BASE_URL's (the test settings' host): the reviewer
        # opens its path on this server.
        link = urlsplit(link).path
        log_in(page, "fachpruefung")
        shot(page, "2-02-dashboard-fachpruefung")
        assert new_title in main_text(page)
        page.goto(link, wait_until="load")
        assert page.url.startswith(demo_site) and "/admin/login/" not in page.url
        shot(page, "2-03-link-aus-der-mail")

        # The reviewer previews the draft from the dashboard (the task's menu, "Vorschau").
        page.goto("/admin/", wait_until="load")
        row = page.locator("tr", has_text=new_title).first
        row.locator("button[aria-label], [data-w-dropdown-target=toggle]").last.click()
        with page.expect_popup() as popup_info:
            row.get_by_role("link", name="Vorschau").click()
        preview_tab = popup_info.value
        preview_tab.wait_for_load_state("load")
        assert new_title in preview_tab.locator("h1").inner_text()
        shot(preview_tab, "2-04-vorschau-fachpruefung")
        preview_tab.close()
        page.goto("/admin/", wait_until="load")

        # Rejects with a comment.
        comment = "Bitte den Titel wie im Verband üblich lassen."
        workflow_dropdown_action(page, new_title, "Änderungen anfordern")
        page.locator("textarea[name=comment]").fill(comment)
        shot(page, "2-05-ablehnen-mit-kommentar")
        with page.expect_navigation(wait_until="load"):
            page.locator(".modal button[type=submit], dialog button[type=submit]").last.click()
        shot(page, "2-06-abgelehnt")

        # Fachredaktion sees the comment, changes the page, resubmits.
        log_in(page, "fachredaktion")
        page.goto(f"/admin/pages/{seed.pk}/edit/", wait_until="load")
        assert comment in page.content()
        shot(page, "2-07-kommentar-im-editor")
        page.fill("input[name=title]", seed.title)
        page.fill("textarea[name=intro], input[name=intro]", seed.intro + " Neu ergänzt.")
        submit_for_review(page)
        shot(page, "2-08-erneut-eingereicht")

        # The reviewer approves.
        log_in(page, "fachpruefung")
        with page.expect_navigation(wait_until="load"):
            workflow_dropdown_action(page, seed.title, "Freigeben")
        shot(page, "2-09-fachlich-freigegeben")
        # The Fachredaktion sees the page waiting for the Redaktion.
        log_in(page, "fachredaktion")
        page.goto(f"/admin/pages/{seed.pk}/workflow_history/", wait_until="load")
        history = main_text(page)
        assert "Redaktion" in history
        shot(page, "2-10-workflow-verlauf")


# -- Journey 3: the Redaktion publishes; every output shows it on the next request ---------------


@pytest.fixture
def in_redaktion_review(seed):
    """The seed page with a new intro, through "Fachliche Prüfung", waiting for the Redaktion."""
    from django.contrib.auth import get_user_model
    from wagtail.models import Workflow

    from governance.roles import WORKFLOW_NAME
    from topics.models import TopicPage

    User = get_user_model()
    page = TopicPage.objects.get(pk=seed.pk)
    page.title = "Flüchtlingsarbeit in NRW"
    page.save_revision(user=User.objects.get(username="fachredaktion"))
    Workflow.objects.get(name=WORKFLOW_NAME).start(page, User.objects.get(username="fachredaktion"))
    page.refresh_from_db()
    page.current_workflow_task_state.approve(user=User.objects.get(username="fachpruefung"))
    from webhooks.models import WebhookEndpoint

    endpoints = [
        WebhookEndpoint.objects.create(name=f"Frontend {n}", url=f"http://127.0.0.1:9/hook{n}")
        for n in (1, 2)
    ]
    return SimpleNamespace(title="Flüchtlingsarbeit in NRW", endpoints=[e.pk for e in endpoints])


def in_a_thread(function):
    """Runs ``function`` (database work) outside Playwright's event loop."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(function).result()


def published_deliveries(endpoint_ids):
    from django.db import connection

    from webhooks.models import WebhookDelivery

    try:
        return {
            pk: WebhookDelivery.objects.filter(endpoint_id=pk, event="page.published").count()
            for pk in endpoint_ids
        }
    finally:
        connection.close()


def test_journey_3_publish_and_every_output_shows_it(seed, in_redaktion_review, page, demo_site):
    title = in_redaktion_review.title
    # Warm every cache first, as visitors and frontends would have.
    outputs = {
        "page": seed.url,
        "v2": f"/api/v2/pages/{seed.pk}/",
        "v3": f"/api/v3/pages/{seed.pk}/",
        "page-by-path": f"/api/v3/page-by-path/?html_path={seed.url}",
        "topic listing": "/api/v3/topics/",
        "topic index": "/themen/",
    }
    for path in outputs.values():
        assert title not in fetch(demo_site, path)[1]
    with journey("3 Redaktion veröffentlicht; alle Ausgaben zeigen es"):
        log_in(page, "zentralredaktion")
        assert title in main_text(page)
        shot(page, "3-01-dashboard-redaktion")
        with page.expect_navigation(wait_until="load"):
            workflow_dropdown_action(page, title, "Freigeben")
        shot(page, "3-02-veroeffentlicht")
        for name, path in outputs.items():
            status, body = fetch(demo_site, path)
            assert status == 200 and title in body, name
        status, body = fetch(demo_site, "/api/v3/search/?q=" + quote("NRW Flüchtlingsarbeit"))
        assert title in body, "search"
        page.goto(seed.url, wait_until="load")
        assert page.locator("h1").inner_text() == title
        shot(page, "3-03-besucherseite")
    # Every endpoint has the publish recorded. "Exactly one delivery per endpoint" waits for the
    # change-pipeline issue (one change, one event); until it lands the count is printed.
    deliveries = in_a_thread(lambda: published_deliveries(in_redaktion_review.endpoints))
    print(f"webhook deliveries of page.published per endpoint: {deliveries}")
    assert all(count >= 1 for count in deliveries.values()), deliveries


# -- Journey 4: a contact person changed, previewed on the seed page, published ------------------


def test_journey_4_contact_person_edited_previewed_published(seed, page, demo_site):
    new_role = "Fachreferentin Migration, Flucht und Integration"
    base = "/admin/snippets/people/contactperson"
    with journey("4 Ansprechperson ändern, Vorschau, veröffentlichen"):
        log_in(page, "fachredaktion")
        page.goto(f"{base}/edit/{seed.person.pk}/", wait_until="load")
        shot(page, "4-01-ansprechperson-editor")
        page.fill("input[name=role]", new_role)
        save_draft(page)
        shot(page, "4-02-entwurf-gespeichert")
        # The person's own preview shows the draft.
        page.goto(f"{base}/edit/{seed.person.pk}/", wait_until="load")
        assert page.locator("input[name=role]").input_value() == new_role
        # The seed page's preview still shows the published person (a draft is not public).
        page.goto(f"/admin/pages/{seed.pk}/edit/", wait_until="load")
        page.locator("button[data-side-panel-toggle=preview]").click()
        frame = page.frame_locator("#w-preview-iframe")
        frame.get_by_text(seed.person.role).first.wait_for(timeout=60000)
        shot(page, "4-03-vorschau-themenseite")
        assert new_role not in fetch(demo_site, seed.url)[1]

        # The Redaktion publishes the person (Fachredaktion may not: see the matrix).
        log_in(page, "zentralredaktion")
        page.goto(f"{base}/edit/{seed.person.pk}/", wait_until="load")
        assert page.locator("input[name=role]").input_value() == new_role
        open_footer_menu(page)
        with page.expect_navigation(wait_until="load"):
            page.locator("button[name=action-publish]").click()
        shot(page, "4-04-veroeffentlicht")
        assert new_role in fetch(demo_site, seed.url)[1]
        page.goto(seed.url, wait_until="load")
        assert new_role in page.locator("main").inner_text()
        shot(page, "4-05-themenseite")


# -- Journey 5: two revisions compared, the older one restored ----------------------------------


@pytest.fixture
def newer_revision(seed):
    from django.contrib.auth import get_user_model

    from topics.models import TopicPage

    page = TopicPage.objects.get(pk=seed.pk)
    page.intro = "Eine neuere Einleitung, die wieder zurückgenommen wird."
    revision = page.save_revision(user=get_user_model().objects.get(username="fachredaktion"))
    return SimpleNamespace(pk=revision.pk, intro=page.intro)


def test_journey_5_compare_two_revisions_and_revert(seed, newer_revision, page, demo_site):
    with journey("5 Versionen vergleichen und zurücksetzen"):
        log_in(page, "fachredaktion")
        page.goto(f"/admin/pages/{seed.pk}/history/", wait_until="load")
        shot(page, "5-01-verlauf")
        page.goto(
            f"/admin/pages/{seed.pk}/revisions/compare/{seed.live_revision}...{newer_revision.pk}/",
            wait_until="load",
        )
        compared = main_text(page)
        assert newer_revision.intro in compared and seed.intro[:60] in compared
        shot(page, "5-02-vergleich")
        page.goto(
            f"/admin/pages/{seed.pk}/revisions/{seed.live_revision}/revert/", wait_until="load"
        )
        assert page.locator("[name=intro]").input_value() == seed.intro
        shot(page, "5-03-aeltere-version-im-editor")
        save_draft(page)
        shot(page, "5-04-zurueckgesetzt")
        page.goto(f"/admin/pages/{seed.pk}/edit/", wait_until="load")
        assert page.locator("[name=intro]").input_value() == seed.intro
        shot(page, "5-05-editor-nach-dem-zuruecksetzen")
        assert json.loads(fetch(demo_site, f"/api/v3/pages/{seed.pk}/")[1])["intro"] == seed.intro
