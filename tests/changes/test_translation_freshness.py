"""A translation's change reaches every page that names it: the switchers and hreflang of its
siblings in the other languages and their API ``translations``, with the response cache on."""

import pytest

from topics.models import TopicPage

MARK = "Refugee work Frischetest"


@pytest.fixture(autouse=True)
def _announced_at_once(monkeypatch):
    """The demo's transaction never commits: each change is announced at once (as in
    tests/changes/test_freshness.py)."""
    from changes import events

    monkeypatch.setattr(events, "current_batch", lambda: None)


def translations():
    german = TopicPage.objects.get(slug="fluechtlingsarbeit")
    return {page.locale.language_code: page for page in german.get_translations(inclusive=True)}


def reads(client, pages):
    out = {}
    for code, page in pages.items():
        out[f"{code} html"] = client.get(page.get_url_parts()[2])
        out[f"{code} v2"] = client.get(f"/api/v2/pages/{page.pk}/")
        out[f"{code} v3"] = client.get(f"/api/v3/pages/{page.pk}/")
    return out


def test_retitling_the_english_translation_reaches_the_german_and_arabic_pages(demo, client):
    pages = translations()
    others = {code: pages[code] for code in ("de", "ar")}
    for _ in range(2):
        warm = reads(client, others)
    for name, response in warm.items():
        assert response.status_code == 200, name
        assert response.get("X-Response-Cache") == "hit", name
        assert MARK not in response.content.decode(), name
    english = pages["en"]
    english.title = MARK
    english.save_revision().publish()
    for name, response in reads(client, others).items():
        assert response.status_code == 200, name
        assert MARK in response.content.decode(), name


def test_unpublishing_a_translation_takes_it_out_of_the_cached_switchers(demo, client):
    pages = translations()
    arabic_path = pages["ar"].get_url_parts()[2]
    for _ in range(2):
        html = client.get(pages["de"].get_url_parts()[2])
    assert html.get("X-Response-Cache") == "hit"
    assert arabic_path in html.content.decode()
    pages["ar"].unpublish()
    html = client.get(pages["de"].get_url_parts()[2]).content.decode()
    assert arabic_path not in html
    assert 'href="/ar/"' in html  # the switcher leads to the Arabic home page instead
    # Publishing it again brings it back.
    pages["ar"].refresh_from_db()
    pages["ar"].save_revision().publish()
    assert arabic_path in client.get(pages["de"].get_url_parts()[2]).content.decode()
