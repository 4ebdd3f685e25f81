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


def test_the_home_page_has_a_sign_language_video(client, ls_demo):
    """BITV 2.0 § 4: the start page in DGS too. The demo's video (a committed WebM file, a
    placeholder) plays from the top of the Leichte Sprache home, with poster and download."""
    from pathlib import Path

    import demo

    html = client.get(ls_demo.url).content.decode()
    # The first of the page's own content (after the home page's topics), before its sections.
    assert html.index('class="block-dgs-video"') < html.index('<h2 id="abschnitt-')
    video = re.search(r'<video class="block-dgs-video__player"[^>]*>', html).group(0)
    assert 'poster="' in video and "Gebärden" in video
    body = client.get(f"/api/v3/pages/{ls_demo.pk}/").json()["body"]
    (block,) = [b["value"] for b in body if b["type"] == "sign_language_video"]
    assert block["mime_type"] == "video/webm" and block["duration"] == "0:02"
    assert block["poster"]["alt"] and block["caption"]
    committed = (Path(demo.__file__).parent / "files" / "dgs-beispiel.webm").read_bytes()
    assert committed.startswith(b"\x1a\x45\xdf\xa3") and len(committed) < 10_000  # WebM (EBML)
    assert block["video"]["file_size"] == len(committed)
    download = client.get(block["video"]["url"].removeprefix("http://testserver"))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == committed
    assert download["Content-Type"] == "video/webm"
    poster = client.get(block["poster"]["renditions"][-1]["url"].removeprefix("http://testserver"))
    assert poster.status_code == 200
    # A document, not a publication of the library.
    assert block["video"]["title"] not in client.get("/publikationen/").content.decode()


def test_a_second_run_adds_no_second_video(ls_demo):
    from documents.models import Publication

    videos = Publication.objects.filter(file__endswith=".webm").count()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Publication.objects.filter(file__endswith=".webm").count() == videos == 1
    home = HomePage.objects.get(pk=ls_demo.pk)
    assert [b.block_type for b in home.body].count("sign_language_video") == 1
