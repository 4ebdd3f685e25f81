"""The editors' admin in a real browser: branded, and it contacts no host but the server (no
Gravatar, no update check). Walks the review workflow: the Fachbereich editor submits the demo
topic page, the reviewer of the Fachbereich sees and approves it, the Redaktion publishes it.
Screenshots of the flow go to test-artifacts/admin/."""

import pytest

from topics.models import TopicPage

from .conftest import ARTIFACTS, EDITORIAL_PASSWORD, foreign_hosts

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = EDITORIAL_PASSWORD
SHOTS = ARTIFACTS / "admin"


@pytest.fixture
def editorial_password(monkeypatch):
    monkeypatch.setenv("DEMO_EDITORIAL_PASSWORD", PASSWORD)


@pytest.fixture
def topic_pk(demo_site):
    """Read before the browser starts: no database access inside Playwright's event loop. The
    page's review is due, so the dashboard and the report have something to show."""
    import datetime

    from django.utils import timezone

    topic = TopicPage.objects.get(slug="fluechtlingsarbeit")
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    TopicPage.objects.filter(pk=topic.pk).update(next_review_date=yesterday)
    return topic.pk


def shot(tab, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def approve_on_dashboard(tab):
    """The dashboard's "Ihre Überprüfung steht aus" panel: the row's menu, then "Freigeben"."""
    row = tab.locator("tr", has_text="Flüchtlingsarbeit").first
    row.locator("button[aria-label], [data-w-dropdown-target=toggle]").last.click()
    with tab.expect_navigation(wait_until="load"):
        tab.get_by_role("button", name="Freigeben", exact=True).click()


def log_in(tab, username):
    tab.context.clear_cookies()
    tab.goto("/admin/login/", wait_until="load")
    tab.fill("input[name=username]", username)
    tab.fill("input[name=password]", PASSWORD)
    tab.click("button[type=submit]")
    tab.wait_for_url("**/admin/")


def test_the_admin_is_branded_and_contacts_no_other_host(
    editorial_password, demo_site, topic_pk, page
):
    page.goto("/admin/login/", wait_until="load")
    assert "Der Paritätische NRW" in page.title()
    assert page.locator("h1").inner_text() == "Anmelden bei Der Paritätische NRW"
    shot(page, "01-anmeldung")

    # The Fachbereich editor: dashboard, page editor, submit to the review workflow.
    log_in(page, "fachredaktion")
    assert page.title().endswith("Der Paritätische NRW")
    assert "Ihre Inhalte: Überprüfung fällig" in page.locator("main").inner_text()
    shot(page, "02-dashboard-fachredaktion")
    page.goto(f"/admin/pages/{topic_pk}/edit/", wait_until="load")
    shot(page, "03-seiteneditor")
    page.locator("footer .w-dropdown__toggle, footer [data-w-dropdown-target=toggle]").first.click()
    page.locator("button[name=action-submit]").click()
    page.wait_for_load_state("load")
    page.goto(f"/admin/pages/{topic_pk}/workflow_history/", wait_until="load")
    assert "Fachliche Prüfung" in page.locator("main").inner_text()
    shot(page, "04-eingereicht")

    # The reviewer of the Fachbereich sees it on the dashboard and approves it there.
    log_in(page, "fachpruefung")
    assert "Ihre Überprüfung steht aus" in page.locator("main").inner_text()
    assert "Flüchtlingsarbeit" in page.locator("main").inner_text()
    shot(page, "05-dashboard-fachpruefung")
    approve_on_dashboard(page)
    shot(page, "06-fachlich-freigegeben")

    # The Redaktion sees it next, and its approval publishes it.
    log_in(page, "zentralredaktion")
    assert "Flüchtlingsarbeit" in page.locator("main").inner_text()
    shot(page, "07-dashboard-redaktion")
    approve_on_dashboard(page)
    assert "Flüchtlingsarbeit" not in page.locator("main").inner_text()
    page.goto(f"/admin/pages/{topic_pk}/workflow_history/", wait_until="load")
    history = page.locator("main").inner_text()
    assert "Genehmigt" in history or "Freigegeben" in history, history
    shot(page, "08-workflow-verlauf")
    page.goto("/admin/reports/workflow/", wait_until="load")
    shot(page, "09-bericht-workflows")
    page.goto("/admin/ueberpruefung/", wait_until="load")
    assert "Ein Inhalt ist fällig." in page.locator("main").inner_text()
    shot(page, "10-bericht-ueberpruefung")
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Geprüft, unverändert").click()
    assert "Keine Inhalte sind zur Überprüfung fällig." in page.locator("main").inner_text()
    assert "ist geprüft" in page.content()
    shot(page, "11-geprueft-unveraendert")
    page.goto(f"/admin/pages/{topic_pk}/history/", wait_until="load")
    assert "Geprüft, unverändert" in page.locator("main").inner_text()
    shot(page, "12-verlauf-audit-log")

    assert foreign_hosts(page, demo_site) == set()
