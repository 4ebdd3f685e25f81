"""Every page of the demo site (the seed page with a publications block as well), previewed as the
least-privileged role that edits it, through every view an editor or reviewer previews with:
the admin preview in each of the page's preview modes (the "Frontend" mode leads on to the
frontend preview API), the revision view and the compare view of the saved draft. Every answer
is 200 and shows the unsaved (or unpublished) change; the live page does not. Contact persons
(the snippet type with previews) go through the same views.

The demo content is the session's (``demo`` in tests/conftest.py), rolled back per test.
"""

import json
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Page, Site

from people.models import ContactPerson
from tests.admin_forms import edit_form_data
from tests.governance.test_permission_matrix import person_form
from topics.models import TopicPage

FRONTEND = "https://frontend.example.org/preview"
CHANGE = "Ungespeicherte Änderung"
SEEN = []  # (page, view) checked, for the count printed at the end


@pytest.fixture
def with_publications(demo):
    """The session's demo (rolled back per test), the seed page choosing two publications in a
    publications block (so a preview can remove one)."""
    from documents.blocks import PublicationsBlock
    from documents.models import Publication

    seed = TopicPage.objects.get(slug="fluechtlingsarbeit")
    name, block = next(
        (name, child)
        for name, child in seed.body.stream_block.child_blocks.items()
        if isinstance(child, PublicationsBlock)
    )
    chosen = list(Publication.objects.order_by("pk")[:2])
    seed.body.append((name, block.normalize({"heading": "Publikationen", "publications": chosen})))
    seed.save_revision().publish()
    return seed


def pages():
    root = Site.objects.get(is_default_site=True).root_page
    return [root.pk, *root.get_descendants().values_list("pk", flat=True)]


def editor_of(page):
    """The least-privileged demo account that edits the page: the Fachbereich's editor for its
    topic pages, the central Redaktion for everything else."""
    fachbereich = getattr(page, "fachbereich", None)
    if fachbereich and fachbereich.name == "Migration und Flüchtlingsarbeit":
        return "fachredaktion"
    return "zentralredaktion"


def client_as(username):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def changed_form(client, page):
    data = edit_form_data(client, page)
    data["title"] = f"{CHANGE}: {page.title}"
    return data


def check(response, page, view, text=CHANGE):
    where = getattr(page, "url_path", page)
    assert response.status_code == 200, (where, view, response.status_code)
    body = response.content.decode()
    if response["Content-Type"].startswith("application/json"):
        body = json.dumps(json.loads(body), ensure_ascii=False)  # v3 escapes non-ASCII
    assert text in body, (where, view)
    SEEN.append((page.pk, view))


# The demo has about ten pages; the ids are only known once it is loaded, so each case
# walks them all (one case per view keeps the failure message precise).
@pytest.mark.parametrize("view", ["preview", "revisions"])
def test_every_page(with_publications, settings, view):
    settings.FRONTEND_PREVIEW_URL = FRONTEND
    anonymous = Client()
    for pk in pages():
        page = Page.objects.get(pk=pk).specific
        client = client_as(editor_of(page))
        data = changed_form(client, page)
        if view == "preview":
            url = f"/admin/pages/{page.pk}/edit/preview/"
            posted = client.post(url, data)
            assert posted.json() == {"is_valid": True, "is_available": True}, page.url_path
            modes = [mode for mode, _label in page.preview_modes]
            assert "frontend" in modes
            for mode in modes:
                response = client.get(url, {"mode": mode})
                if mode != "frontend":
                    check(response, page, f"preview:{mode or 'default'}")
                    continue
                assert response.status_code == 302, page.url_path
                token = parse_qs(urlsplit(response["Location"]).query)["token"][0]
                api = anonymous.get(f"/api/v3/preview/{page.pk}/", {"token": token})
                check(api, page, "frontend preview API")
        else:
            live_revision = page.live_revision_id
            response = client.post(f"/admin/pages/{page.pk}/edit/", data)
            assert response.status_code == 302, page.url_path
            draft = Page.objects.get(pk=pk).get_latest_revision()
            assert draft.pk != live_revision
            check(
                client.get(f"/admin/pages/{page.pk}/revisions/{draft.pk}/view/"),
                page,
                "revision view",
            )
            compare = client.get(
                f"/admin/pages/{page.pk}/revisions/compare/{live_revision}...{draft.pk}/"
            )
            check(compare, page, "compare")
            assert page.title in compare.content.decode()  # both sides
        # Nothing of it reaches the visitor.
        if page.live and page.url:
            assert CHANGE not in anonymous.get(page.url).content.decode()


def test_every_contact_person(demo):
    base = "/admin/snippets/people/contactperson"
    for person in ContactPerson.objects.all():
        username = (
            "fachredaktion"
            if person.fachbereich and person.fachbereich.name == "Migration und Flüchtlingsarbeit"
            else "zentralredaktion"
        )
        client = client_as(username)
        data = person_form(person, role=f"{CHANGE} der Rolle")
        posted = client.post(f"{base}/preview/{person.pk}/", data)
        assert posted.json()["is_valid"] is True, person
        check(client.get(f"{base}/preview/{person.pk}/"), person, "person preview")
        live_revision = person.live_revision_id
        assert client.post(f"{base}/edit/{person.pk}/", data).status_code == 302
        draft = ContactPerson.objects.get(pk=person.pk).latest_revision
        check(
            client.get(f"{base}/history/{person.pk}/revisions/{draft.pk}/view/"),
            person,
            "person revision view",
        )
        check(
            client.get(
                f"{base}/history/{person.pk}/revisions/compare/{live_revision}...{draft.pk}/"
            ),
            person,
            "person compare",
        )


def test_zz_report_the_count():
    """Prints what the sweep covered (run with -s): pages × modes × views."""
    pages_seen = {pk for pk, _ in SEEN}
    views = sorted({view for _, view in SEEN})
    print(
        f"\npreview sweep: {len(SEEN)} answers, all 200 with the change; "
        f"{len(pages_seen)} pages and persons; views: {', '.join(views)}"
    )
