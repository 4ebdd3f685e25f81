"""What a page in Leichte Sprache says about itself (checked by a Prüfgruppe, seal, "nicht
rechtsverbindlich" with its original in standard German), and the "Leichte Sprache" link in
every page's header."""

import datetime
import re

import pytest

from tests.easyread.conftest import german


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_the_original_is_the_german_translation(client, demo, ls_seed, version):
    original = german("fluechtlingsarbeit")
    easy_read = client.get(f"/api/{version}/pages/{ls_seed.pk}/").json()["easy_read"]
    assert easy_read["original"]["id"] == original.pk
    assert easy_read["original"]["url"] == f"http://testserver{original.url}"
    assert "nicht rechts-verbindlich" in easy_read["note"]
    assert client.get(f"/api/{version}/pages/{original.pk}/").json()["easy_read"] is None


def test_checked_by_and_seal_in_the_html_and_the_api(client, demo, ls_seed):
    ls_seed.easy_read_checked_by = "Prüfgruppe der Lebenshilfe (Beispiel)"
    ls_seed.easy_read_checked_on = datetime.date(2026, 11, 30)
    ls_seed.easy_read_seal = "inclusion-europe"
    ls_seed.save_revision().publish()
    html = client.get(ls_seed.url).content.decode()
    note = re.search(r'<section class="easy-read-note".*?</section>', html, re.S).group(0)
    assert "Der Text ist nicht rechts-verbindlich." in note
    original = german("fluechtlingsarbeit")
    assert f'<a href="{original.url}" lang="de" hreflang="de">{original.title}</a>' in note
    assert "Prüfgruppe der Lebenshilfe (Beispiel)" in note
    assert '<time datetime="2026-11-30">30. November 2026</time>' in note
    assert "Europäisches Logo für einfaches Lesen" in note
    data = client.get(f"/api/v3/pages/{ls_seed.pk}/").json()["easy_read"]
    assert data["checked_on"] == "2026-11-30" and data["seal"] == "inclusion-europe"
    assert data["seal_used"] is True
    # German pages carry no such note.
    assert "easy-read-note" not in client.get(original.url).content.decode()


def test_a_hidden_original_is_not_named(client, demo, ls_seed):
    german("fluechtlingsarbeit").unpublish()
    assert client.get(f"/api/v3/pages/{ls_seed.pk}/").json()["easy_read"]["original"] is None
    assert "Text in Alltags-Sprache:" not in client.get(ls_seed.url).content.decode()


def test_every_page_links_to_the_leichte_sprache_home(client, demo, ls_home):
    link = (
        f'<a class="easy-read-link" href="{ls_home.url}" lang="de-x-ls" hreflang="de-x-ls">'
        "Leichte Sprache</a>"
    )
    for url in ("/", german("fluechtlingsarbeit").url, "/impressum/", ls_home.url):
        assert link in client.get(url).content.decode(), url
    ls_home.unpublish()
    assert "easy-read-link" not in client.get("/").content.decode()
