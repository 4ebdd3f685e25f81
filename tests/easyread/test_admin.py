"""Editors of pages in Leichte Sprache: the rules are checked and shown as warnings (never
blocking a save or publish), the page's Prüfgruppe fields appear only there, and a word is
marked as a glossary term in the editor's rich text ("Wort erklären")."""

import json
import re

from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.test import Client
from wagtail.models import Page

from easyread.models import GlossaryTerm
from tests.admin_forms import edit_form_data
from tests.easyread.conftest import german

LONG = (
    "Die Beratungsstellen unterstützen die Menschen bei allen Fragen rund um das Asylverfahren "
    "und die Anerkennung ihrer Abschlüsse, z. B. im Jobcenter."
)


def checks_panel(html):
    match = re.search(r'<div class="help-block help-info easy-read-checks".*?</div>', html, re.S)
    return match.group(0) if match else None


def test_the_edit_form_lists_the_findings_of_a_page_in_leichte_sprache(redaktion, ls_seed):
    ls_seed.intro = LONG
    ls_seed.save_revision()
    html = redaktion.get(f"/admin/pages/{ls_seed.pk}/edit/").content.decode()
    panel = checks_panel(html)
    assert panel is not None
    rules = re.findall(r'<li data-rule="(\w+)">', panel)
    assert {"sentence", "word", "abbreviation"} <= set(rules)
    assert "„Beratungsstellen“" in panel and "„z. B.“" in panel
    # The Prüfgruppe fields are offered on the page in Leichte Sprache.
    assert 'name="easy_read_checked_by"' in html and 'name="easy_read_seal"' in html


def test_a_german_page_shows_neither_the_checks_nor_the_fields(redaktion, demo):
    html = redaktion.get(f"/admin/pages/{german('impressum').pk}/edit/").content.decode()
    assert checks_panel(html) is None
    assert "Leichte Sprache: Prüfung und Ausgangstext" not in html


def test_breaking_the_rules_warns_but_saves_and_publishes(redaktion, ls_seed):
    data = edit_form_data(redaktion, ls_seed)
    data["intro"] = LONG
    data["easy_read_checked_by"] = "Prüfgruppe der Lebenshilfe (Beispiel)"
    data["easy_read_checked_on"] = "2026-11-30"
    data["easy_read_seal"] = "netzwerk-leichte-sprache"
    data["action-publish"] = "action-publish"
    response = redaktion.post(f"/admin/pages/{ls_seed.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = Page.objects.get(pk=ls_seed.pk).specific
    assert page.live and page.intro == LONG
    assert page.easy_read_seal == "netzwerk-leichte-sprache"
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert any("Hinweise zur Leichten Sprache" in m for m in warnings), warnings


def test_a_glossary_word_survives_the_editor(redaktion, ls_page_with_term, glossary):
    terms, _page = glossary
    asyl = terms["Asyl"]
    html = redaktion.get(f"/admin/pages/{ls_page_with_term.pk}/edit/").content.decode()
    # The editor gets the entity, with the chooser of the glossary snippets.
    assert "easyread/glossary-entity.js" in html
    assert "/admin/snippets/choose/easyread/glossaryterm/" in html
    data = edit_form_data(redaktion, ls_page_with_term)
    contentstate = json.loads(data["body-0-value"])
    (entity,) = contentstate["entityMap"].values()
    assert entity["type"] == "GLOSSARY" and entity["data"] == {"id": asyl.pk, "term": "Asyl"}
    data["action-publish"] = "action-publish"
    response = redaktion.post(f"/admin/pages/{ls_page_with_term.pk}/edit/", data)
    assert response.status_code == 302
    page = Page.objects.get(pk=ls_page_with_term.pk).specific
    stored = page.body.raw_data[0]["value"]
    assert re.search(
        rf'<a (?=[^>]*linktype="glossary")(?=[^>]*id="{asyl.pk}")[^>]*>Asyl</a>', stored
    )


def test_the_glossary_snippet_is_edited_in_the_admin(admin_client, ls_locale, glossary):
    terms, _page = glossary
    response = admin_client.get("/admin/snippets/easyread/glossaryterm/")
    assert response.status_code == 200
    assert "Beratung" in response.content.decode()
    edit = f"/admin/snippets/easyread/glossaryterm/edit/{terms['Asyl'].pk}/"
    html = admin_client.get(edit).content.decode()
    panel = checks_panel(html)
    assert panel is not None and "Keine Hinweise" in panel
    # A second entry for the same word in the same language is refused by the form.
    response = admin_client.post(
        f"/admin/snippets/easyread/glossaryterm/add/?locale={ls_locale.language_code}",
        {"term": "Asyl", "explanation": "Noch einmal.", "locale": ls_locale.pk},
    )
    assert response.status_code == 200
    assert "schon im Wörterbuch" in response.content.decode()


def test_an_installation_from_before_gives_the_redaktion_the_glossary(demo):
    """easyread 0002 on an installation whose Redaktion has no permission on the glossary yet:
    afterwards its demo account adds a term through the admin."""
    from importlib import import_module
    from types import SimpleNamespace

    from django.contrib.auth.models import Group, Permission
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from governance.roles import REDAKTION_GROUP

    group = Group.objects.get(name=REDAKTION_GROUP)
    group.permissions.remove(*Permission.objects.filter(codename__endswith="_glossaryterm"))
    redaktion = Client()
    redaktion.force_login(get_user_model().objects.get(username="zentralredaktion"))
    add = "/admin/snippets/easyread/glossaryterm/add/?locale=de-x-ls"
    assert redaktion.get(add).status_code in (302, 403)

    migration = import_module("easyread.migrations.0002_glossary_editing_permissions")
    state = MigrationExecutor(connection).loader.project_state(
        ("easyread", "0002_glossary_editing_permissions")
    )
    # RunPython hands the function a schema editor; the function only reads its connection.
    migration.grant(state.apps, SimpleNamespace(connection=connection))

    data = {"term": "Pflege·kasse", "explanation": "Die Pflege·kasse bezahlt Hilfe."}
    response = redaktion.post(add, data)
    assert response.status_code == 302
    assert GlossaryTerm.objects.get(term="Pflege·kasse").locale.language_code == "de-x-ls"


def wagtail_config(html):
    match = re.search(r'<script id="wagtail-config" type="application/json">(.*?)</script>', html)
    return json.loads(match.group(1))


def chooser_rows(response):
    """The terms the chooser modal lists: (term, language shown beside it)."""
    assert response.status_code == 200
    if response["Content-Type"].startswith("application/json"):
        html = response.json()["html"]  # the modal
    else:
        html = response.content.decode()  # its results, after a search
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", html, re.S)
    found = []
    for row in rows:
        term = re.search(r"data-chooser-modal-choice[^>]*>\s*(.*?)\s*</a>", row, re.S)
        if term:
            cells = [
                re.sub(r"<[^>]+>|\s+", " ", c).strip()
                for c in re.findall(r"<td.*?</td>", row, re.S)
            ]
            found.append((term.group(1), cells[-1]))
    return html, found


def test_the_glossary_chooser_lists_the_terms_of_the_pages_language(ls_seed, glossary, demo):
    """ "Wort erklären" on a page in Leichte Sprache, as the Fachbereich's editor: the chooser
    gets the page's language (as Wagtail's own choosers, from the admin's config) and lists that
    language's terms only, each with its language; another language stays one choice away."""
    from django.contrib.auth import get_user_model
    from wagtail.models import Locale

    english = GlossaryTerm.objects.create(
        locale=Locale.objects.get(language_code="en"), term="Asylum", explanation="Protection."
    )
    editor = Client()
    editor.force_login(get_user_model().objects.get(username="fachredaktion"))
    html = editor.get(f"/admin/pages/{ls_seed.pk}/edit/").content.decode()
    assert wagtail_config(html)["ACTIVE_CONTENT_LOCALE"] == "de-x-ls"
    assert "easyread/glossary-entity.js" in html
    script = editor.get("/static/easyread/glossary-entity.js")
    script = b"".join(script.streaming_content if script.streaming else [script.content])
    assert b"ACTIVE_CONTENT_LOCALE" in script and b"{ locale }" in script

    chooser = "/admin/snippets/choose/easyread/glossaryterm/"
    html, rows = chooser_rows(editor.get(chooser, {"locale": "de-x-ls"}))
    terms, _page = glossary
    assert sorted(term for term, _language in rows) == sorted(terms)
    assert {language for _term, language in rows} == {"Leichte Sprache"}
    assert re.search(r'<option value="de-x-ls" selected>', html)
    # The search within the chooser keeps the language.
    _html, rows = chooser_rows(editor.get(f"{chooser}results/", {"locale": "de-x-ls", "q": "Asyl"}))
    assert [term for term, _language in rows] == ["Asyl"]
    # The English page's editor gets the English term; without a language, every term.
    _html, rows = chooser_rows(editor.get(chooser, {"locale": "en"}))
    assert rows == [(english.term, "Englisch")]
    _html, rows = chooser_rows(editor.get(chooser))
    assert {term for term, _language in rows} == {*terms, "Asylum"}
