"""The everyday work of each role, end to end, in Debian's Chromium, on the demo content, as the
role itself (never as superuser): a new topic page with uploads, previewed and submitted;
review with rejection and approval, publishing and what the
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


# -- Journey 1: a new topic page, with an uploaded image and publication, previewed and submitted -


@pytest.fixture
def new_topic(seed):
    """What the Fachredaktion uploads and the ids the journey needs, made before the browser
    starts: a picture (generated, unlike every image of the demo, so the admin sees no
    duplicate) and a real PDF."""
    from wagtail.models import Locale

    from demo.media import pattern_png, publication_pdf
    from topics.models import TopicIndexPage
    from topics.models import TopicPage as Topic

    index = TopicIndexPage.objects.get(locale=Locale.get_default())  # the German "Themen"
    person = Topic.objects.get(pk=seed.pk).contact_person_links.first().person
    return SimpleNamespace(
        index=index.pk,
        title="Wohnraum für Geflüchtete",
        intro="Wie Mitgliedsorganisationen Geflüchteten helfen, eine Wohnung zu finden.",
        hero_alt="Bunte Kreise auf hellem Grund",
        sections=[
            ("Beratung bei der Wohnungssuche", "Die Beratungsstellen helfen bei Anträgen."),
            ("Zusammenarbeit mit Vermietern", "Wir bringen Träger und Vermieter zusammen."),
        ],
        person=str(person),
        picture={
            "name": "wohnraum.png",
            "mimeType": "image/png",
            "buffer": pattern_png((120, 40, 160)),
        },
        pdf={
            "name": "wohnraum-arbeitshilfe.pdf",
            "mimeType": "application/pdf",
            "buffer": publication_pdf(
                "Arbeitshilfe Wohnraum", ["Wohnraum für Geflüchtete finden."], "Arbeitshilfe"
            ),
        },
        pdf_title="Arbeitshilfe Wohnraum",
        links=("Wohnungsbörse NRW", "https://wohnen.example.org/"),
    )


def modal(tab):
    return tab.locator(".modal.fade.show, .modal[aria-hidden=false], .modal.in").last


def add_block(tab, field, label):
    """Appends a block of type ``label`` to the StreamField: its last "+" (after the last
    block), then the block picker's option."""
    stream = tab.locator(f"[data-contentpath={field}]").first
    stream.locator("button.c-sf-add-button").last.click()
    tab.get_by_role("option", name=label, exact=True).first.click()


def type_rich_text(tab, editor, text):
    editor.click()
    tab.keyboard.type(text, delay=20)


def upload_in_chooser(tab, prefix, file, **fields):
    """The chooser's "Hochladen" tab: the file, then the fields, then the upload, which also
    chooses it."""
    dialog = modal(tab)
    dialog.get_by_role("tab", name="Hochladen").click()
    dialog.locator(f"input[name={prefix}-file]").set_input_files(file)
    for name, value in fields.items():
        field = dialog.locator(f"[name={prefix}-{name}]")
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    dialog.locator(f"form:has(input[name={prefix}-file]) button[type=submit]").click()
    try:
        dialog.wait_for(state="hidden", timeout=30000)
    except Exception:
        shot(tab, f"upload-failed-{prefix}")
        raise AssertionError(dialog.inner_text()) from None


def test_journey_1_fachredaktion_creates_a_topic_page(new_topic, page, demo_site):
    t = new_topic
    with journey("1 Fachredaktion legt eine Themenseite an"):
        log_in(page, "fachredaktion")
        page.goto(f"/admin/pages/{t.index}/add_subpage/", wait_until="load")
        assert "/admin/pages/add/topics/topicpage/" in page.url
        shot(page, "1-01-neue-themenseite")

        page.fill("input[name=title]", t.title)
        pause_as_a_person(page)
        # Hero image: uploaded in the image chooser.
        page.locator("[data-contentpath=hero_image] .chooser__choose-button").first.click()
        upload_in_chooser(page, "image-chooser-upload", t.picture, title="Wohnraum Titelbild")
        page.fill("input[name=hero_image_alt]", t.hero_alt)
        shot(page, "1-02-titelbild-hochgeladen")
        page.fill("textarea[name=intro]", t.intro)
        pause_as_a_person(page)

        # Two sections.
        for number, (heading, text) in enumerate(t.sections):
            add_block(page, "body", "Abschnitt")
            page.fill(f"input[name=body-{number}-value-heading]", heading)
            editor = page.locator("[data-contentpath=body] [data-contentpath=text]").nth(number)
            type_rich_text(page, editor.locator("[contenteditable=true]"), text)
            pause_as_a_person(page)
        shot(page, "1-03-zwei-abschnitte")

        # A publication it uploads (a PDF), in a publications block.
        add_block(page, "body", "Publikationen")
        page.locator(
            "[data-contentpath=body] [data-contentpath=publications] .chooser__choose-button"
        ).first.click()
        upload_in_chooser(
            page,
            "document-chooser-upload",
            t.pdf,
            title=t.pdf_title,
            publication_type="arbeitshilfe",
        )
        shot(page, "1-04-publikation-hochgeladen")

        # A link list.
        add_block(page, "body", "Linkliste")
        page.fill("input[name=body-3-value-heading]", "Weiterführende Links")
        page.fill("input[name=body-3-value-links-0-value-label]", t.links[0])
        page.fill("input[name=body-3-value-links-0-value-url]", t.links[1])
        pause_as_a_person(page)
        shot(page, "1-05-linkliste")

        # A contact person (the seed page's), chosen in the snippet chooser.
        page.locator("#id_contact_person_links-ADD").click()
        page.locator("#id_contact_person_links-FORMS .chooser__choose-button").first.click()
        modal(page).get_by_role("link", name=t.person).first.click()
        modal(page).wait_for(state="hidden")
        pause_as_a_person(page)
        shot(page, "1-06-ansprechperson")

        # Preview in the panel, then in a new tab.
        page.locator("button[data-side-panel-toggle=preview]").click()
        frame = page.frame_locator("#w-preview-iframe")
        frame.locator("h1", has_text=t.title).wait_for(timeout=60000)
        for text in (t.sections[1][0], t.pdf_title, t.links[0], t.person.split()[-1]):
            frame.get_by_text(text).first.wait_for(timeout=30000)
        shot(page, "1-07-vorschau-im-panel")
        with page.expect_popup() as popup:
            page.locator("[data-side-panel=preview] a[target=_blank]").first.click()
        preview_tab = popup.value
        preview_tab.wait_for_load_state("load")
        assert t.title in preview_tab.locator("h1").inner_text()
        assert t.pdf_title in preview_tab.locator("main").inner_text()
        shot(preview_tab, "1-08-vorschau-im-neuen-tab")
        preview_tab.close()

        # Save a draft: the editor stays in the page's editor.
        save_draft(page)
        assert "/edit/" in page.url, page.url
        assert "keinen Zugang" not in page.content()
        shot(page, "1-09-entwurf-gespeichert")

        # Submit it to the workflow.
        submit_for_review(page)
        assert "keinen Zugang" not in page.content()
        shot(page, "1-10-eingereicht")
    created = in_a_thread(lambda: created_topic(t.title))
    assert created["count"] == 1, created
    assert created["workflow"] == "in_progress", created
    assert created["hero_collection"] == "Migration und Flüchtlingsarbeit", created
    assert created["blocks"] == ["section", "section", "publications", "link_list"], created
    assert created["persons"] == [t.person], created
    assert created["document"] == t.pdf_title, created


def test_autosave_of_a_new_page_at_human_pace(new_topic, page, demo_site):
    """Must-show 4: a new page typed at a person's pace, with pauses (Wagtail 8's autosave
    creates the page from the create view while the editor types), then "Entwurf speichern":
    the editor stays in the page's editor, with no access error, no "saved in another window"
    conflict, a working preview, and one page."""
    t = new_topic
    log_in(page, "fachredaktion")
    page.goto(f"/admin/pages/{t.index}/add_subpage/", wait_until="load")
    page.locator("input[name=title]").press_sequentially(t.title, delay=120)
    page.wait_for_timeout(3000)  # thinking; autosave (500 ms after a change) creates the page
    page.locator("textarea[name=intro]").press_sequentially(t.intro[:40], delay=120)
    page.wait_for_timeout(2500)
    page.locator("textarea[name=intro]").press_sequentially(t.intro[40:], delay=60)
    page.wait_for_timeout(1500)
    shot(page, "autosave-01-getippt")
    with page.expect_navigation(wait_until="load"):
        page.locator("footer button.action-save").first.click()
    shot(page, "autosave-02-entwurf-gespeichert")
    text = page.content()
    assert "/admin/pages/" in page.url and "/edit/" in page.url, page.url
    assert "keinen Zugang" not in text
    assert "anderen Fenster" not in text
    page.wait_for_timeout(3000)  # autosave's turn after the redirect
    page.locator("button[data-side-panel-toggle=preview]").click()
    page.frame_locator("#w-preview-iframe").locator("h1", has_text=t.title).wait_for(timeout=60000)
    text = page.content()
    assert "anderen Fenster" not in text and "Vorschau nicht verfügbar" not in text
    shot(page, "autosave-03-vorschau")
    created = in_a_thread(lambda: created_topic(t.title))
    assert created["count"] == 1, created


def created_topic(title):
    from django.db import connection

    from topics.models import TopicPage

    try:
        pages = list(TopicPage.objects.filter(title=title))
        page = pages[0].get_latest_revision_as_object() if pages else None
        if page is None:
            return {"count": 0}
        state = pages[0].current_workflow_state
        publications = next((b for b in page.body if b.block_type == "publications"), None)
        return {
            "count": len(pages),
            "workflow": state.status if state else None,
            "hero_collection": page.hero_image.collection.name if page.hero_image else None,
            "blocks": [block.block_type for block in page.body],
            "persons": [str(link.person) for link in page.contact_person_links.all()],
            "document": publications.value["publications"][0].title if publications else None,
        }
    finally:
        connection.close()


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


def recorded_deliveries(endpoint_ids):
    """Per endpoint, the events of every delivery recorded (and of each delivery, the events
    of every part of its change, from its payload)."""
    from django.db import connection

    from webhooks.models import WebhookDelivery

    try:
        return {
            pk: [
                {change["event"] for change in json.loads(payload)["changes"]}
                for payload in WebhookDelivery.objects.filter(endpoint_id=pk).values_list(
                    "payload", flat=True
                )
            ]
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
    # One change, one event: the approval that published the page (its revision, its inline
    # rows, the workflow's states, all in one transaction) is exactly one delivery per endpoint.
    deliveries = in_a_thread(lambda: recorded_deliveries(in_redaktion_review.endpoints))
    print(f"webhook deliveries per endpoint: {deliveries}")
    assert len(deliveries) == 2, deliveries
    for endpoint, recorded in deliveries.items():
        assert len(recorded) == 1, (endpoint, recorded)
        assert "page.published" in recorded[0], (endpoint, recorded)


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
