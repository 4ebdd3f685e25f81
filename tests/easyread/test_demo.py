"""The demo's Leichte Sprache: the home page with the parts BITV 2.0 § 4 asks for, the glossary
page with its words, the seed page's picture-with-text row whose words link to the glossary."""

import re

import pytest
from django.core.management import call_command

from easyread.models import GlossaryPage, GlossaryTerm
from home.models import HomePage
from topics.models import TopicPage


@pytest.fixture
def ls_demo(demo):
    home = HomePage.objects.filter(locale__language_code="de-x-ls").first()
    if home is None:
        pytest.skip("the demo has no Leichte Sprache home page yet")
    return home


def test_the_home_page_has_the_bitv_parts(client, ls_demo):
    html = client.get(ls_demo.url).content.decode()
    headings = re.findall(r'<h2 id="abschnitt-[^"]*">(.*?)</h2>', html)
    assert headings[-3:] == [
        "Was finden Sie auf dieser Internet·seite?",
        "So finden Sie sich zurecht",
        "Barriere·freiheit",
    ]
    # The accessibility statement's essentials link the full statement.
    assert '<a href="/barrierefreiheit/">Erklärung zur Barriere·freiheit</a>' in html


def test_the_glossary_page_and_the_seed_row(client, ls_demo):
    glossary = GlossaryPage.objects.get(locale__language_code="de-x-ls")
    html = client.get(glossary.url).content.decode()
    words = re.findall(r"<dfn>(.*?)</dfn>", html)
    assert words == sorted(words, key=str.lower) and len(words) == 6
    seed = TopicPage.objects.descendant_of(ls_demo).first()
    body = client.get(f"/api/v3/pages/{seed.pk}/").json()["body"]
    assert body[0]["type"] == "picture_text"
    row = body[0]["value"]
    assert row["credit"] and row["image"]["alt"]
    assert row["text"].count('data-linktype="glossary"') == 2


def test_a_second_run_adds_nothing(ls_demo):
    terms = GlossaryTerm.objects.count()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert GlossaryTerm.objects.count() == terms
    assert GlossaryPage.objects.count() == 1
