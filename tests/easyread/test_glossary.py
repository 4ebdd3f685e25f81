"""The glossary of Leichte Sprache: the A–Z page, its terms in both APIs, words in rich text
linked to their explanation, the anonymous v3 endpoints."""

import re

import pytest
from wagtail.models import ReferenceIndex

from easyread.models import GlossaryTerm


def test_a_to_z_page_lists_the_terms_by_letter(client, glossary):
    terms, page = glossary
    html = client.get(page.url).content.decode()
    index = re.search(r'<nav class="glossary-index".*?</nav>', html, re.S).group(0)
    # Letters with terms are links to their section, the rest plain text (A–Z, 26 letters).
    assert re.findall(r'<a href="#buchstabe-(\w)">', index) == ["a", "b"]
    assert len(re.findall(r'class="glossary-index__empty"', index)) == 24
    a_section = re.search(r'<section [^>]*aria-labelledby="buchstabe-a".*?</section>', html, re.S)
    # The umlaut is sorted with its vowel: Ärztin before Asyl, under A.
    assert re.findall(r"<dfn>(.*?)</dfn>", a_section.group(0)) == ["Ärztin", "Asyl"]
    assert 'id="wort-asyl"' in html
    beratung = re.search(r'<div class="glossary-term" id="wort-beratung">.*?</div>', html, re.S)
    assert 'alt="Eine Sprechblase"' in beratung.group(0)
    assert "<figcaption>Bild: Beispiel</figcaption>" in beratung.group(0)


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_the_page_in_both_apis(client, glossary, version):
    terms, page = glossary
    data = client.get(f"/api/{version}/pages/{page.pk}/").json()
    assert [letter["letter"] for letter in data["letters"]] == ["A", "B"]
    asyl = data["letters"][0]["terms"][1]
    assert asyl["term"] == "Asyl" and asyl["anchor"] == "wort-asyl"
    assert asyl["locale"] == "de-x-ls"
    assert asyl["url"] == f"http://testserver{page.url}#wort-asyl"
    assert [entry["anchor"] for entry in data["index"][:3]] == [
        "buchstabe-a",
        "buchstabe-b",
        None,
    ]
    beratung = data["letters"][1]["terms"][0]
    assert beratung["image"]["alt"] == "Eine Sprechblase"
    assert beratung["image_credit"] == "Bild: Beispiel"


def test_the_page_costs_the_same_queries_with_more_terms(
    client, glossary, ls_locale, django_assert_max_num_queries
):
    _terms, page = glossary
    with django_assert_max_num_queries(40) as few:
        assert client.get(f"/api/v3/pages/{page.pk}/").status_code == 200
    # Saved one by one as editors do: each change reaches the glossary page's cached answer.
    for n in range(12):
        GlossaryTerm.objects.create(locale=ls_locale, term=f"Wort {n}", explanation="Ein Wort.")
    with django_assert_max_num_queries(len(few.captured_queries)):
        data = client.get(f"/api/v3/pages/{page.pk}/").json()
    assert sum(len(letter["terms"]) for letter in data["letters"]) == 15


def test_a_word_in_rich_text_links_to_its_explanation(
    client, ls_page_with_term, glossary, django_capture_on_commit_callbacks
):
    terms, page = glossary
    # Wagtail updates its reference index when the publish commits.
    with django_capture_on_commit_callbacks(execute=True):
        ls_page_with_term.save_revision().publish()
    asyl = terms["Asyl"]
    link = f'<a href="{page.url}#wort-asyl" data-linktype="glossary" data-id="{asyl.pk}">Asyl</a>'
    assert link in client.get(ls_page_with_term.url).content.decode()
    for version in ("v2", "v3"):
        body = client.get(f"/api/{version}/pages/{ls_page_with_term.pk}/").json()["body"]
        absolute = link.replace('href="/', 'href="http://testserver/')
        assert body[0]["value"] == f"<p>Wir beraten zum {absolute}.</p>"
    # Wagtail's reference index knows the page uses the term (so a change to it reaches it).
    pages = {ref.object_id for ref in ReferenceIndex.get_references_to(asyl)}
    assert str(ls_page_with_term.pk) in pages


def test_without_a_published_glossary_page_the_word_stays_plain_text(
    client, ls_page_with_term, glossary
):
    _terms, page = glossary
    page.unpublish()
    html = client.get(ls_page_with_term.url).content.decode()
    assert "<p>Wir beraten zum <a>Asyl</a>.</p>" in html
    assert 'data-linktype="glossary"' not in html


def test_terms_are_readable_anonymously_by_language(client, glossary):
    terms, page = glossary
    data = client.get("/api/v3/glossary/terms/?locale=de-x-ls").json()
    assert data["count"] == 3
    # Alphabetically as on the page: the umlaut with its vowel.
    assert [item["term"] for item in data["items"]] == ["Ärztin", "Asyl", "Beratung"]
    assert client.get("/api/v3/glossary/terms/?locale=en").json()["count"] == 0
    one = client.get(f"/api/v3/glossary/terms/{terms['Asyl'].pk}/").json()
    assert one["explanation"] == "Asyl bedeutet: Schutz in einem anderen Land."
    assert one["url"] == f"http://testserver{page.url}#wort-asyl"


@pytest.mark.parametrize(
    "url",
    [
        "/api/v3/glossary/terms/999999/",
        "/api/v3/glossary/terms/abc/",
        "/api/v3/glossary/terms/?limit=100000",
        "/api/v3/glossary/terms/?locale=" + "x" * 60,
    ],
)
def test_bad_requests_get_a_4xx(client, glossary, url):
    assert 400 <= client.get(url).status_code < 500


def test_the_endpoints_are_in_the_openapi_document(client):
    paths = client.get("/api/v3/openapi.json").json()["paths"]
    assert "/api/v3/glossary/terms/" in paths and "/api/v3/glossary/terms/{term_id}/" in paths


def test_a_changed_term_reaches_the_pages_that_use_it(
    client, ls_page_with_term, glossary, django_capture_on_commit_callbacks
):
    """The site answers from its response cache; saving the term (here: renaming it, so its
    anchor changes) invalidates the glossary page and every page whose text links it."""
    terms, page = glossary
    with django_capture_on_commit_callbacks(execute=True):
        ls_page_with_term.save_revision().publish()
    assert "#wort-asyl" in client.get(ls_page_with_term.url).content.decode()
    assert "wort-asyl" in client.get(page.url).content.decode()
    asyl = terms["Asyl"]
    asyl.term = "Asyl-Verfahren"
    with django_capture_on_commit_callbacks(execute=True):
        asyl.save()
    html = client.get(ls_page_with_term.url).content.decode()
    assert f'href="{page.url}#wort-asyl-verfahren" data-linktype="glossary"' in html
    assert "<dfn>Asyl-Verfahren</dfn>" in client.get(page.url).content.decode()
