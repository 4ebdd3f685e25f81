""" "Wort erklären" in a real browser: the Redaktion marks a word of a Leichte Sprache page's
rich text as a glossary term with Wagtail's snippet chooser, which lists the terms of the page's
language only; the saved draft keeps it."""

import re

import pytest
from wagtail.models import Locale

from easyread.models import GlossaryTerm
from topics.models import TopicPage

from .conftest import ARTIFACTS, EDITORIAL_PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = EDITORIAL_PASSWORD


@pytest.fixture
def editorial_password(monkeypatch):
    monkeypatch.setenv("DEMO_EDITORIAL_PASSWORD", PASSWORD)


@pytest.fixture
def topic_pk(editorial_password, demo_site):
    """The Leichte Sprache seed page, and an English term its chooser must not offer (read
    before the browser starts: no database access inside Playwright's loop)."""
    GlossaryTerm.objects.create(
        locale=Locale.objects.get(language_code="en"), term="Asylum", explanation="Protection."
    )
    return TopicPage.objects.get(slug="hilfe-fuer-fluechtlinge", locale__language_code="de-x-ls").pk


def test_a_word_is_marked_as_a_glossary_term(topic_pk, page):
    tab = page
    tab.set_viewport_size({"width": 1280, "height": 1000})
    tab.goto("/admin/login/", wait_until="load")
    tab.fill("input[name=username]", "zentralredaktion")
    tab.fill("input[name=password]", PASSWORD)
    tab.click("button[type=submit]")
    tab.wait_for_url("**/admin/")
    tab.goto(f"/admin/pages/{topic_pk}/edit/", wait_until="load")
    editor = tab.locator(".public-DraftEditor-content").first
    editor.click()
    tab.keyboard.press("End")
    tab.keyboard.press("Shift+Control+ArrowLeft")
    tab.keyboard.press("Shift+Control+ArrowLeft")
    button = tab.locator('button[name="GLOSSARY"]').first
    button.click()
    choices = tab.locator(".modal a[data-chooser-modal-choice]")
    choice = choices.filter(has_text=re.compile(r"^\s*Asyl\s*$")).first
    choice.wait_for()
    # The page's language preset in the chooser's filter: the English term is not offered.
    assert tab.locator(".modal select[name=locale]").input_value() == "de-x-ls"
    assert choices.filter(has_text="Asylum").count() == 0
    assert choices.count() >= 6  # the demo's glossary
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / "glossary-chooser.png"))
    choice.click()
    tab.locator(".modal").first.wait_for(state="hidden")
    assert tab.locator(".public-DraftEditor-content .TooltipEntity").count() >= 1
    with tab.expect_navigation(wait_until="load"):
        tab.locator('button[type="submit"]', has_text="Entwurf speichern").first.click()
    # The saved draft, as the editor's form shows it again: the entity with the term.
    tab.goto(f"/admin/pages/{topic_pk}/edit/", wait_until="load")
    stored = tab.locator('input[name="body-0-value-text"]').first.input_value()
    assert '"type": "GLOSSARY"' in stored or '"type":"GLOSSARY"' in stored, stored[:500]
    assert '"term": "Asyl"' in stored or '"term":"Asyl"' in stored
