"""The rendered site in every language of the demo: lang and dir, the language switcher, the
hreflang alternates and the sitemap; and nothing hidden leaks through a translation."""

import pytest
from bs4 import BeautifulSoup
from defusedxml.ElementTree import fromstring
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import Locale, Page, PageViewRestriction

from topics.models import TopicPage

SEED = {
    "de": "/themen/fluechtlingsarbeit/",
    "de-x-ls": "/de-x-ls/themen-leichte-sprache/hilfe-fuer-fluechtlinge/",
    "en": "/en/topics/refugee-work/",
    "ar": "/ar/mawadi/al-amal-maa-al-lajiin/",
}
HOMES = {"de": "/", "de-x-ls": "/de-x-ls/", "en": "/en/", "ar": "/ar/"}
BASE = "http://testserver"
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def switcher(page_soup):
    """``{code: (href, accessible text, current)}`` of the language switcher's links."""
    nav = page_soup.find("nav", class_="language-switcher")
    if nav is None:
        return {}
    return {
        a["hreflang"]: (a["href"], " ".join(a.get_text().split()), a.get("aria-current"))
        for a in nav.find_all("a")
    }


def alternates(page_soup):
    return {
        link["hreflang"]: link["href"]
        for link in page_soup.find_all("link", rel="alternate")
        if link.get("hreflang")
    }


def seed(code):
    return TopicPage.objects.get(
        locale__language_code=code, translation_key=german_seed().translation_key
    )


def german_seed():
    return TopicPage.objects.get(slug="fluechtlingsarbeit")


@pytest.mark.parametrize(
    ("code", "direction"), [("de", "ltr"), ("de-x-ls", "ltr"), ("en", "ltr"), ("ar", "rtl")]
)
def test_the_seed_page_in_each_language(demo, client, code, direction):
    page = soup(client.get(SEED[code]))
    html = page.find("html")
    assert (html["lang"], html["dir"]) == (code, direction)
    # The chrome is in the page's language where translated (English, Arabic), else German and
    # says so (tests/home/test_chrome_languages.py).
    footer = page.find("footer")
    if code in ("de", "en", "ar"):
        assert footer.get("lang") is None
    else:
        assert footer["lang"] == "de"
    assert page.find("h1").get_text(strip=True) == seed(code).title
    og_locale = page.find("meta", property="og:locale")["content"]
    assert og_locale == {"de": "de_DE", "de-x-ls": "de_DE", "en": "en_GB", "ar": "ar_AR"}[code]


def test_the_switcher_leads_to_each_translation(demo, client):
    links = switcher(soup(client.get(SEED["de"])))
    # In the site's order; languages with neither translation nor home page are left out.
    assert list(links) == ["de", "de-x-ls", "en", "ar"]
    assert links["de"][2] == "true"
    for code in ("de-x-ls", "en", "ar"):
        href, label, current = links[code]
        assert href == SEED[code]
        assert current is None
        assert seed(code).title in label
    assert links["ar"][1].startswith("العربية (Arabisch)")
    assert links["de-x-ls"][1].startswith("Leichte Sprache")
    # From a translation back to German and across.
    back = switcher(soup(client.get(SEED["ar"])))
    assert back["de"][0] == SEED["de"]
    assert back["en"][0] == SEED["en"]
    assert back["ar"][2] == "true"


def test_without_a_translation_the_switcher_leads_to_the_language_s_home(demo, client):
    links = switcher(soup(client.get("/themen/pflege/")))
    for code in ("de-x-ls", "en", "ar"):
        href, label, _current = links[code]
        assert href == HOMES[code]
        assert label.endswith(": Startseite")
    # No alternates for a page in one language.
    assert alternates(soup(client.get("/themen/pflege/"))) == {}


def test_the_switcher_is_keyboard_reachable_plain_links(demo, client):
    page = soup(client.get(SEED["en"]))
    nav = page.find("nav", class_="language-switcher")
    assert nav["aria-labelledby"] == "language-switcher-label"
    for a in nav.find_all("a"):
        assert a.get("href") and a.get("tabindex") is None
        assert a.find("span")["lang"] == a["hreflang"]


def test_hreflang_alternates_name_every_live_translation(demo, client):
    for code in SEED:
        found = alternates(soup(client.get(SEED[code])))
        assert found == {
            **{c: BASE + path for c, path in SEED.items()},
            "x-default": BASE + SEED["de"],
        }


def test_a_translation_s_chrome_starts_at_its_home_page(demo, client):
    page = soup(client.get(SEED["en"]))
    menu = [a.get_text(strip=True) for a in page.select("nav.main-nav a")]
    assert menu == ["Topics"]
    crumbs = [a["href"] for a in page.select("nav.breadcrumbs a")]
    assert crumbs[:2] == ["/en/", "/en/topics/"]


def test_pages_of_a_language_without_a_live_home_do_not_answer(demo, client):
    assert client.get("/fa/").status_code == 404
    # A German path under a prefix is not a copy of the German page.
    assert client.get("/en/themen/fluechtlingsarbeit/").status_code == 404
    home = Page.objects.get(locale__language_code="en", depth=2)
    home.unpublish()
    assert client.get("/en/").status_code == 404
    assert client.get("/en/topics/").status_code == 404


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    tree = fromstring(response.content)
    return {
        url.find("s:loc", SITEMAP).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", SITEMAP)
        }
        for url in tree.findall("s:url", SITEMAP)
    }


def test_the_sitemap_lists_every_language_with_alternates(demo, client):
    entries = sitemap(client)
    expected = {**{c: BASE + path for c, path in SEED.items()}, "x-default": BASE + SEED["de"]}
    for path in SEED.values():
        assert entries[BASE + path] == expected
    for path in HOMES.values():
        assert BASE + path in entries
    assert entries[BASE + "/themen/pflege/"] == {}


# -- Nothing hidden leaks through a translation ------------------------------------------------


def hide(shape, page):
    if shape == "draft":
        page.unpublish()
    elif shape == "password":
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
        )
    elif shape == "login":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    elif shape == "groups":
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(Group.objects.get_or_create(name="Vorstand")[0])


def readers(shape):
    """Who must not see the hidden translation: anonymous visitors, and for a group
    restriction also a logged-in member of the site outside the group."""
    if shape != "groups":
        return [Client()]
    member = get_user_model().objects.create_user("mitglied-ohne-gruppe", password="pw")
    logged_in = Client()
    logged_in.force_login(member)
    return [Client(), logged_in]


@pytest.mark.parametrize("shape", ["draft", "password", "login", "groups"])
def test_a_hidden_translation_appears_nowhere_in_the_html(demo, client, shape):
    english = seed("en")
    hide(shape, english)
    for reader in readers(shape):
        own = reader.get(SEED["en"])
        if shape == "password":  # the password form instead of the page
            assert 'name="password"' in own.content.decode()
            assert english.specific.intro not in own.content.decode()
        else:
            assert own.status_code in (302, 401, 403, 404), own.status_code
        for code in ("de", "ar", "de-x-ls"):
            page = soup(reader.get(SEED[code]))
            links = switcher(page)
            assert links["en"][0] == "/en/", code  # the language's home instead
            assert english.title not in str(page.find("nav", class_="language-switcher"))
            assert "en" not in alternates(page)
            assert SEED["en"] not in page.decode()
        topics = soup(reader.get("/en/topics/"))
        assert english.title not in topics.decode() and SEED["en"] not in topics.decode()
    assert BASE + SEED["en"] not in sitemap(client)
    assert SEED["en"] not in client.get("/suche/", {"q": "Refugee"}).content.decode()
    assert all(BASE + SEED["en"] not in alts.values() for alts in sitemap(client).values())


def test_a_hidden_translation_s_own_subtree_is_hidden_in_every_shape(demo):
    """A login-restricted home page of a language hides the language from the switcher."""
    english_home = Page.objects.get(locale__language_code="en", depth=2)
    hide("login", english_home)
    links = switcher(soup(Client().get("/themen/pflege/")))
    assert "en" not in links
    assert Locale.objects.filter(language_code="en").exists()


# -- A private document linked from a translation -------------------------------------------------

SECRET = "Geheimwortxyz"


@pytest.fixture
def private_link(demo):
    """A publication in a collection for logged-in users only, linked from the English seed
    page's rich text (tagged with it too); the page itself is public."""
    from django.core.files.base import ContentFile
    from wagtail.models import Collection, CollectionViewRestriction
    from wagtail.rich_text import RichText

    from demo.media import publication_pdf
    from documents.factories import PublicationFactory

    collection = Collection.get_first_root_node().add_child(name="Intern (Übersetzungen)")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    english = seed("en").specific
    document = PublicationFactory(
        title=f"Internal guide {SECRET}",
        collection=collection,
        file=ContentFile(publication_pdf(SECRET, [f"{SECRET} confidential."]), name="intern.pdf"),
        topics=[english],
    )
    link = f'<p>Staff only: <a linktype="document" id="{document.pk}">the guide</a>.</p>'
    english.body = [("text", RichText(link)), *[(c.block_type, c.value) for c in english.body]]
    english.save_revision().publish()
    return document, english


def test_a_private_document_linked_from_a_translation_appears_nowhere_in_the_html(
    client, private_link
):
    document, english = private_link
    secret = (document.title, f"/documents/{document.pk}/", SECRET)
    page = soup(client.get(SEED["en"]))
    assert "Staff only: the guide." in " ".join(page.get_text().split())  # the text stays
    for code, path in {**SEED, "library": "/publikationen/", "home": "/en/"}.items():
        html = soup(client.get(path)).decode()
        assert not any(text in html for text in secret), code
    # The page stays in every switcher, alternate and the sitemap; the document in none.
    assert switcher(soup(client.get(SEED["ar"])))["en"][0] == SEED["en"]
    assert alternates(soup(client.get(SEED["de"])))["en"] == BASE + SEED["en"]
    entries = sitemap(client)
    assert BASE + SEED["en"] in entries
    assert not any(f"/documents/{document.pk}/" in url for url in entries)
    results = client.get("/suche/", {"q": SECRET}).content.decode()
    assert document.title not in results and f"/documents/{document.pk}/" not in results
    assert client.get(document.url).status_code in (302, 401, 403, 404)
