"""The permission matrix (``governance/matrix.py``), cell by cell, through the admin's own URLs,
as each role, on the demo content.

Every cell does what the role would do (opens the view, posts the form, uploads the file,
approves the task) and then looks at what happened: an allowed action answers and has its
effect, a denied one is refused (a redirect to the login or the dashboard, or 403, never a
500) and leaves everything as it was. The README's table is generated from the same data.

The demo content is the session's (``demo`` in tests/conftest.py): loaded once, each cell
runs in a savepoint of its own that is rolled back.
"""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Revision, TaskState, WorkflowState

from demo.media import publication_pdf
from documents.models import Publication
from easyread.models import EASY_READ_LANGUAGE, GlossaryTerm
from governance import matrix
from governance.roles import WORKFLOW_NAME
from organisation.models import Fachbereich
from people.models import ContactPerson, Fachgruppe
from tests.admin_forms import edit_form_data
from topics.models import TopicPage

Image = get_image_model()
PERSONS = "/admin/snippets/people/contactperson"
GLOSSARY = "/admin/snippets/easyread/glossaryterm"
README = Path(__file__).resolve().parents[2] / "README.md"
DENIED = (302, 403)


@pytest.fixture
def world(demo):
    """The demo content (the session's, rolled back per test) with a front-end member, an
    unpublished draft on each Fachbereich's topic page, a never-published contact person with
    two revisions in each Fachbereich, an image and a document in each Fachbereich's
    collection; both topic pages due for review."""
    import datetime

    from django.utils import timezone

    User = get_user_model()
    User.objects.create_user("mitglied", "mitglied@example.org", "pw")
    fachbereiche = {
        "own": Fachbereich.objects.get(name="Migration und Flüchtlingsarbeit"),
        "other": Fachbereich.objects.get(name="Altenhilfe und Pflege"),
    }
    pages = {
        "own": TopicPage.objects.get(slug="fluechtlingsarbeit"),
        "other": TopicPage.objects.get(slug="pflege"),
    }
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    persons, images, documents = {}, {}, {}
    for side, page in pages.items():
        TopicPage.objects.filter(pk=page.pk).update(next_review_date=yesterday)
        page.refresh_from_db()
        page.intro = f"Entwurf der Einleitung ({side})"
        # Logged, as the admin's editor logs it: the newest entries of the site history (the
        # demo's translations were made after the German pages).
        page.save_revision(log_action=True)
        person = ContactPerson(
            first_name="Entwurf",
            last_name=f"Person{side.capitalize()}",
            role="Referentin (Entwurf)",
            fachbereich=fachbereiche[side],
            live=False,
        )
        person.save()
        person.save_revision()
        person.role = "Referentin (zweiter Entwurf)"
        person.save_revision()
        persons[side] = person
        collection = fachbereiche[side].media_collection.collection
        images[side] = Image.objects.create(
            title=f"Bild-{side}",
            file=get_test_image_file(filename=f"bild-{side}.png"),
            collection=collection,
        )
        documents[side] = Publication.objects.create(
            title=f"Dokument-{side}",
            file=SimpleUploadedFile(f"dokument-{side}.pdf", publication_pdf("D", ["x"])),
            collection=collection,
        )
    return {
        "term": GlossaryTerm.objects.get(term="Asyl", locale__language_code=EASY_READ_LANGUAGE),
        "fachbereiche": fachbereiche,
        "pages": pages,
        "persons": persons,
        "images": images,
        "documents": documents,
    }


def client_as(username):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def refused(response):
    """A refusal as the admin gives it: to the login, to the dashboard, or 403."""
    assert response.status_code in DENIED, (response.status_code, response.content[:300])
    return False


def answered(response):
    """True for a view shown (200); a refusal otherwise (never a 500)."""
    if response.status_code == 200:
        return True
    return refused(response)


def main_text(response):
    soup = BeautifulSoup(response.content, "html.parser")
    main = soup.find("main") or soup
    for form in main.find_all("form", method=lambda m: (m or "").lower() == "get"):
        form.decompose()  # the filters name every Fachbereich
    return str(main)


def admin_form(world, page):
    """The page's edit form as the administrator's browser would post it."""
    return edit_form_data(client_as("admin"), page)


# -- Pages ---------------------------------------------------------------------------------------


def page_draft(client, world, side):
    page = world["pages"][side]
    response = client.get(f"/admin/pages/{page.pk}/view_draft/")
    if answered(response):
        assert f"Entwurf der Einleitung ({side})" in response.content.decode()
        return True
    return False


def page_preview(client, world, side):
    page = world["pages"][side]
    data = admin_form(world, page)
    data["intro"] = "Ungespeicherte Einleitung"
    url = f"/admin/pages/{page.pk}/edit/preview/"
    posted = client.post(url, data)
    if posted.status_code != 200:
        return refused(posted)
    assert posted.json() == {"is_valid": True, "is_available": True}
    shown = client.get(url)
    assert shown.status_code == 200
    assert "Ungespeicherte Einleitung" in shown.content.decode()
    return True


def page_edit(client, world, side):
    page = world["pages"][side]
    data = admin_form(world, page)
    data["intro"] = "Gespeicherter Entwurf"
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    latest = Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()
    if latest.intro == "Gespeicherter Entwurf":
        assert response.status_code == 302
        return True
    return refused(response)


def page_publish(client, world, side):
    page = world["pages"][side]
    data = admin_form(world, page)
    data["intro"] = "Veröffentlichte Einleitung"
    data["action-publish"] = "action-publish"
    client.post(f"/admin/pages/{page.pk}/edit/", data)
    return TopicPage.objects.get(pk=page.pk).intro == "Veröffentlichte Einleitung"


def page_delete(client, world, side):
    page = world["pages"][side]
    response = client.post(f"/admin/pages/{page.pk}/delete/")
    if not Page.objects.filter(pk=page.pk).exists():
        assert response.status_code == 302
        return True
    return refused(response)


def page_revisions(client, world, side):
    page = world["pages"][side]
    revisions = Revision.page_revisions.filter(object_id=str(page.pk)).order_by("pk")
    first, latest = revisions.first(), revisions.last()
    view = answered(client.get(f"/admin/pages/{page.pk}/revisions/{first.pk}/view/"))
    compare = answered(
        client.get(f"/admin/pages/{page.pk}/revisions/compare/{first.pk}...{latest.pk}/")
    )
    assert view == compare, (view, compare)
    return view


def page_history(client, world, side):
    return answered(client.get(f"/admin/pages/{world['pages'][side].pk}/history/"))


def page_listed(client, world, side):
    """The explorer below "Themen", the sidebar's page menu (the admin API) and the admin's
    page search list the side's live page and a new, never-published page of its Fachbereich
    (or neither)."""
    live = world["pages"][side]
    index = live.get_parent()
    draft = index.add_child(
        instance=TopicPage(
            title=f"Neues Thema im Entwurf ({side})",
            slug=f"neues-thema-{side}",
            intro="Entwurf",
            fachbereich=world["fachbereiche"][side],
            live=False,
        )
    )
    seen = set()
    for page in (live, draft):
        explorer = client.get(f"/admin/pages/{index.pk}/")
        menu = client.get("/admin/api/main/pages/", {"child_of": index.pk, "for_explorer": 1})
        search = client.get("/admin/pages/search/", {"q": page.title})
        assert menu.status_code < 500 and search.status_code < 500
        row = f'id="page_{page.pk}_title"'  # the title of the page's row in a page listing
        in_explorer = answered(explorer) and row in explorer.content.decode()
        in_menu = menu.status_code == 200 and page.pk in {i["id"] for i in menu.json()["items"]}
        in_search = answered(search) and row in search.content.decode()
        assert in_explorer == in_menu == in_search, (page, in_explorer, in_menu, in_search)
        seen.add(in_explorer)
    assert len(seen) == 1, (side, "the live page and the draft differ")
    return seen.pop()


# -- Contact persons -----------------------------------------------------------------------------


def person_form(person, **overrides):
    from wagtail.test.utils.form_data import nested_form_data

    shown = person.get_latest_revision_as_object()
    data = {
        "academic_title": "",
        "first_name": shown.first_name,
        "last_name": shown.last_name,
        "role": shown.role,
        "email": shown.email,
        "phone": "",
        "fachbereich": shown.fachbereich_id,
        "photo": "",
        "responsible_editor": "",
        "next_review_date": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def person_listed(client, world, side):
    person = world["persons"][side]
    response = client.get(f"{PERSONS}/")
    if not answered(response):
        return False
    return f"{PERSONS}/edit/{person.pk}/" in response.content.decode()


def person_preview(client, world, side):
    person = world["persons"][side]
    url = f"{PERSONS}/preview/{person.pk}/"
    posted = client.post(url, person_form(person, role="Ungespeicherte Rolle"))
    if posted.status_code != 200:
        return refused(posted)
    assert posted.json()["is_valid"] is True
    shown = client.get(url)
    assert shown.status_code == 200
    assert "Ungespeicherte Rolle" in shown.content.decode()
    return True


def person_edit(client, world, side):
    person = world["persons"][side]
    response = client.post(f"{PERSONS}/edit/{person.pk}/", person_form(person, role="Neue Rolle"))
    person = ContactPerson.objects.get(pk=person.pk)
    if person.get_latest_revision_as_object().role == "Neue Rolle":
        assert response.status_code == 302
        return True
    return refused(response)


def person_publish(client, world, side):
    person = world["persons"][side]
    client.post(
        f"{PERSONS}/edit/{person.pk}/",
        person_form(person, role="Live-Rolle", **{"action-publish": "action-publish"}),
    )
    person = ContactPerson.objects.get(pk=person.pk)
    return person.live and person.role == "Live-Rolle"


def person_delete(client, world, side):
    person = world["persons"][side]
    response = client.post(f"{PERSONS}/delete/{person.pk}/")
    if not ContactPerson.objects.filter(pk=person.pk).exists():
        assert response.status_code == 302
        return True
    return refused(response)


def person_revisions(client, world, side):
    person = world["persons"][side]
    revisions = person.revisions.order_by("pk")
    first, latest = revisions.first(), revisions.last()
    base = f"{PERSONS}/history/{person.pk}/revisions"
    view = client.get(f"{base}/{first.pk}/view/")
    compare = client.get(f"{base}/compare/{first.pk}...{latest.pk}/")
    shown = answered(view)
    assert shown == answered(compare)
    if shown:
        assert "Referentin (Entwurf)" in view.content.decode()
    return shown


def person_history(client, world, side):
    return answered(client.get(f"{PERSONS}/history/{world['persons'][side].pk}/"))


# -- Images and documents ------------------------------------------------------------------------


def collection_of(world, side):
    return world["fachbereiche"][side].media_collection.collection


def image_upload(client, world, side):
    png = get_test_image_file(filename="neu.png").file.getvalue()
    title = f"Hochgeladen-{side}"
    response = client.post(
        "/admin/images/add/",
        {
            "title": title,
            "file": SimpleUploadedFile("neu.png", png, "image/png"),
            "collection": collection_of(world, side).pk,
        },
    )
    if Image.objects.filter(title=title, collection=collection_of(world, side)).exists():
        return True
    if response.status_code == 200:  # the form again: the collection is not offered
        assert "collection" in response.context["form"].errors
        return False
    return refused(response)


def document_upload(client, world, side):
    title = f"Hochgeladen-{side}"
    response = client.post(
        "/admin/documents/add/",
        {
            "title": title,
            "file": SimpleUploadedFile(
                "neu.pdf", publication_pdf(title, ["Text"]), "application/pdf"
            ),
            "collection": collection_of(world, side).pk,
            "publication_type": "broschuere",
            "language": "de",
        },
    )
    if Publication.objects.filter(title=title, collection=collection_of(world, side)).exists():
        return True
    if response.status_code == 200:
        assert "collection" in response.context["form"].errors
        return False
    return refused(response)


def image_choose(client, world, side):
    image = world["images"][side]
    response = client.get("/admin/images/chooser/results/", {"q": image.title})
    if not answered(response):
        return False
    return f"/admin/images/chooser/chosen/{image.pk}/" in response.content.decode()


def document_choose(client, world, side):
    document = world["documents"][side]
    response = client.get("/admin/documents/chooser/results/", {"q": document.title})
    if not answered(response):
        return False
    return f"/admin/documents/chooser/chosen/{document.pk}/" in response.content.decode()


# -- Glossary (Leichte Sprache) ------------------------------------------------------------------


def glossary_add(client, world, side):
    data = {"term": "Ein·gliederungs·hilfe", "explanation": "Hilfe für Menschen mit Behinderung."}
    response = client.post(f"{GLOSSARY}/add/?locale={EASY_READ_LANGUAGE}", data)
    created = GlossaryTerm.objects.filter(term=data["term"]).first()
    if created is not None:
        assert response.status_code == 302
        assert created.locale.language_code == EASY_READ_LANGUAGE
        return True
    return refused(response)


def glossary_edit(client, world, side):
    term = world["term"]
    data = {"term": term.term, "explanation": "Geänderte Erklärung.", "image": ""}
    response = client.post(f"{GLOSSARY}/edit/{term.pk}/", data)
    if GlossaryTerm.objects.get(pk=term.pk).explanation == data["explanation"]:
        assert response.status_code == 302
        return True
    return refused(response)


def glossary_delete(client, world, side):
    term = world["term"]
    response = client.post(f"{GLOSSARY}/delete/{term.pk}/")
    if not GlossaryTerm.objects.filter(pk=term.pk).exists():
        assert response.status_code == 302
        return True
    return refused(response)


def glossary_choose(client, world, side):
    """The snippet chooser of "Wort erklären" lists the term."""
    response = client.get("/admin/snippets/choose/easyread/glossaryterm/")
    if not answered(response):
        return False
    html = response.json()["html"]
    return f"/admin/snippets/choose/easyread/glossaryterm/chosen/{world['term'].pk}/" in html


# -- Translations of Fachbereiche and Fachgruppen ------------------------------------------------


def translate(client, obj, url, field):
    """Post an English entry through the edit form, with the other fields the role's form
    shows unchanged; True if it is stored (and nothing else changed)."""
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    form = client.get(url)
    if not answered(form):
        return False
    html = form.content.decode()
    current = {
        "name": obj.name,
        "description": obj.description,
        "fachbereich": getattr(obj, "fachbereich_id", None) or "",
        "lead": getattr(obj, "lead_id", None) or "",
    }
    shown = {name: value for name, value in current.items() if f'id="id_{name}"' in html}
    marker = f"Translated {type(obj).__name__} {obj.pk}"
    entry = {"language": "en", field: marker, "description": "", "note": ""}
    data = nested_form_data({**shown, "translations": streamfield([("translation", entry)])})
    response = client.post(url, data)
    before = obj.name
    obj.refresh_from_db()
    if marker in str(obj.translations.raw_data):
        assert response.status_code == 302
        assert obj.name == before
        return True
    return refused(response)


def fachbereich_translate(client, world, side):
    fachbereich = world["fachbereiche"][side]
    url = f"/admin/snippets/organisation/fachbereich/edit/{fachbereich.pk}/"
    return translate(client, fachbereich, url, "name")


def fachgruppe_translate(client, world, side):
    fachgruppe = Fachgruppe.objects.filter(fachbereich=world["fachbereiche"][side]).first()
    url = f"/admin/snippets/people/fachgruppe/edit/{fachgruppe.pk}/"
    return translate(client, fachgruppe, url, "name")


# -- The review workflow -------------------------------------------------------------------------


def in_review(world, side):
    """The side's page submitted by the Fachredaktion (own) or the Redaktion (other)."""
    from wagtail.models import Workflow

    page = TopicPage.objects.get(pk=world["pages"][side].pk)
    requester = "fachredaktion" if side == "own" else "zentralredaktion"
    Workflow.objects.get(name=WORKFLOW_NAME).start(
        page, get_user_model().objects.get(username=requester)
    )
    page.refresh_from_db()
    return page, page.current_workflow_task_state


def review_preview(client, world, side):
    page, state = in_review(world, side)
    return answered(client.get(f"/admin/pages/workflow/preview/{page.pk}/{state.task_id}/"))


def act(client, page, state, action):
    url = f"/admin/pages/workflow/action/{page.pk}/{action}/{state.pk}/"
    response = client.post(url, {"comment": "Bitte die Einleitung kürzen."})
    state.refresh_from_db()
    if state.status != TaskState.STATUS_IN_PROGRESS:
        assert response.status_code in (200, 302)
        return state.status
    refused(response)
    return None


def review_approve(client, world, side):
    page, state = in_review(world, side)
    return act(client, page, state, "approve") == TaskState.STATUS_APPROVED


def review_reject(client, world, side):
    page, state = in_review(world, side)
    if act(client, page, state, "reject") == TaskState.STATUS_REJECTED:
        assert WorkflowState.objects.get(pk=state.workflow_state_id).status == "needs_changes"
        return True
    return False


def publish_task(client, world, side):
    page, state = in_review(world, side)
    assert act(client_as("admin"), page, state, "approve") == TaskState.STATUS_APPROVED
    page.refresh_from_db()
    second = page.current_workflow_task_state
    assert second.task.name == "Redaktion"
    if act(client, page, second, "approve") == TaskState.STATUS_APPROVED:
        assert TopicPage.objects.get(pk=page.pk).intro == f"Entwurf der Einleitung ({side})"
        return True
    return False


# -- Reports -------------------------------------------------------------------------------------


def report_due(client, world, side):
    response = client.get("/admin/ueberpruefung/")
    if not answered(response):
        return False
    return f"/admin/pages/{world['pages'][side].pk}/edit/" in main_text(response)


def report_history(client, world, side):
    response = client.get("/admin/reports/site-history/")
    if not answered(response):
        return False
    return f"/admin/pages/{world['pages'][side].pk}/edit/" in main_text(response)


def report_workflow(client, world, side):
    for each in ("own", "other"):
        in_review(world, each)
    response = client.get("/admin/reports/workflow/")
    if not answered(response):
        return False
    return f"/admin/pages/{world['pages'][side].pk}/edit/" in main_text(response)


def report_requester(client, world, side):
    """Berichte → Workflows, the filter "Angefordert von": is the side's requester offered (the
    own page is submitted by the Fachredaktion, the other by the Redaktion)?"""
    for each in ("own", "other"):
        in_review(world, each)
    response = client.get("/admin/reports/workflow/")
    if not answered(response):
        return False
    select = BeautifulSoup(response.content, "html.parser").find("select", {"name": "requested_by"})
    offered = {option.get("value") for option in select.find_all("option")}
    requester = "fachredaktion" if side == "own" else "zentralredaktion"
    return str(get_user_model().objects.get(username=requester).pk) in offered


def report_aging(client, world, side):
    response = client.get("/admin/reports/aging-pages/")
    if not answered(response):
        return False
    return f"/admin/pages/{world['pages'][side].pk}/edit/" in main_text(response)


def report_locked(client, world, side):
    from django.utils import timezone

    admin = get_user_model().objects.get(username="admin")
    for each in ("own", "other"):
        Page.objects.filter(pk=world["pages"][each].pk).update(
            locked=True, locked_by=admin, locked_at=timezone.now()
        )
    response = client.get("/admin/reports/locked/")
    if not answered(response):
        return False
    return f"/admin/pages/{world['pages'][side].pk}/edit/" in main_text(response)


PROBES = {
    "page_draft": page_draft,
    "page_preview": page_preview,
    "page_edit": page_edit,
    "page_publish": page_publish,
    "page_delete": page_delete,
    "page_revisions": page_revisions,
    "page_history": page_history,
    "page_listed": page_listed,
    "person_listed": person_listed,
    "person_preview": person_preview,
    "person_edit": person_edit,
    "person_publish": person_publish,
    "person_delete": person_delete,
    "person_revisions": person_revisions,
    "person_history": person_history,
    "image_upload": image_upload,
    "image_choose": image_choose,
    "document_upload": document_upload,
    "document_choose": document_choose,
    "fachbereich_translate": fachbereich_translate,
    "fachgruppe_translate": fachgruppe_translate,
    "glossary_add": glossary_add,
    "glossary_edit": glossary_edit,
    "glossary_delete": glossary_delete,
    "glossary_choose": glossary_choose,
    "review_preview": review_preview,
    "review_approve": review_approve,
    "review_reject": review_reject,
    "publish_task": publish_task,
    "report_due": report_due,
    "report_history": report_history,
    "report_workflow": report_workflow,
    "report_requester": report_requester,
    "report_aging": report_aging,
    "report_locked": report_locked,
}


@pytest.mark.parametrize(
    ("role", "action", "expected"),
    matrix.cells(),
    ids=[f"{role}-{action}" for role, action, _ in matrix.cells()],
)
def test_cell(world, role, action, expected):
    probe, _, side = action.rpartition("_")
    done = PROBES[probe](client_as(role), world, side)
    assert done is expected, f"{matrix.ROLES[role]}: {action} is {'allowed' if done else 'denied'}"


def test_every_action_has_a_probe_and_every_role_an_account(world):
    assert {action.rpartition("_")[0] for action in matrix.ACTIONS_BY_KEY} == set(PROBES)
    assert set(
        get_user_model()
        .objects.filter(username__in=matrix.ROLES)
        .values_list("username", flat=True)
    ) == set(matrix.ROLES)


def test_the_readme_shows_the_matrix():
    readme = README.read_text()
    assert matrix.markdown_table() in readme, (
        "README's permission table differs from governance/matrix.py: replace it with the "
        "output of `python -m governance.matrix`"
    )
