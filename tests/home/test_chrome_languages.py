"""The chrome (skip link, search, breadcrumbs' home, switcher label, footer) in the page's
language where it is translated (English, Arabic), else German marked lang="de"; the committed
catalogues (.mo) are the compiled .po files, so a fresh machine needs no gettext."""

import gettext
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from home.languages import CHROME_LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "home" / "locale"
TEMPLATES = [
    *(ROOT / "home" / "templates").rglob("*.html"),
    *(ROOT / "search" / "templates").rglob("*.html"),
]
SEED = {
    "de": "/themen/fluechtlingsarbeit/",
    "de-x-ls": "/de-x-ls/themen-leichte-sprache/hilfe-fuer-fluechtlinge/",
    "en": "/en/topics/refugee-work/",
    "ar": "/ar/mawadi/al-amal-maa-al-lajiin/",
}
CHROME = {
    # skip link, search label, search button, switcher label, breadcrumbs' first, footer
    "de": ("Direkt zum Inhalt", "Website durchsuchen", "Suchen", "Sprache:", "Startseite",
           ["Kontakt", "Rechtliches"]),
    "en": ("Skip to content", "Search the website", "Search", "Language:", "Home",
           ["Contact", "Legal"]),
    "ar": ("انتقل إلى المحتوى", "البحث في الموقع", "بحث", "اللغة:", "الصفحة الرئيسية",
           ["اتصل بنا", "معلومات قانونية"]),
}  # fmt: skip


def po_catalogue(path):
    """``{msgctxt\\x04msgid: msgstr}`` of a .po file of single-line entries (as ours are)."""
    catalogue, context, msgid = {}, None, None
    for line in path.read_text().splitlines():
        if line.startswith("msgctxt "):
            context = line[8:].strip('"')
        elif line.startswith("msgid "):
            msgid = line[6:].strip('"')
        elif line.startswith("msgstr ") and msgid:
            key = f"{context}\x04{msgid}" if context else msgid
            catalogue[key] = line[7:].strip('"')
            context = msgid = None
    return catalogue


def template_strings():
    pattern = re.compile(r'\{% translate "([^"]+)" context "chrome" %\}')
    return {match for path in TEMPLATES for match in pattern.findall(path.read_text())}


@pytest.mark.parametrize("code", [code for code in CHROME_LANGUAGES if code != "de"])
def test_the_compiled_catalogue_is_the_po_file_and_covers_every_chrome_string(code):
    po = po_catalogue(LOCALE / code / "LC_MESSAGES" / "django.po")
    with open(LOCALE / code / "LC_MESSAGES" / "django.mo", "rb") as mo:
        compiled = dict(gettext.GNUTranslations(mo)._catalog)
    compiled.pop("", None)  # the header
    assert compiled == po, "django.mo is stale: run msgfmt (see the .po file's header)"
    assert {key.split("\x04")[1] for key in po} == template_strings()
    assert all(po.values())


def text(element):
    return element.get_text(strip=True) if element is not None else None


def chrome_of(html):
    page = BeautifulSoup(html, "html.parser")
    footer = page.find("footer")
    chrome = (
        text(page.find("a", class_="skip-link")),
        text(page.find("label", attrs={"for": "site-search-q"})),
        text(page.find("form", class_="site-search").find("button")),
        text(page.find(id="language-switcher-label")),
        text(page.select_one("nav.breadcrumbs li a")),
        [text(h) for h in footer.find_all("h2")],
    )
    return page, footer, chrome


@pytest.mark.parametrize("code", ["de", "de-x-ls", "en", "ar"])
def test_the_chrome_speaks_the_page_s_language_where_translated(demo, client, code):
    page, footer, chrome = chrome_of(client.get(SEED[code]).content.decode())
    assert chrome == CHROME.get(code, CHROME["de"])
    bar = page.find("div", class_="site-header__bar")
    switcher = page.find("nav", class_="language-switcher")
    if code in CHROME_LANGUAGES:  # the chrome is in the page's language: no lang of its own
        assert footer.get("lang") is None and bar.get("lang") is None
        assert (switcher["lang"], switcher["dir"]) == (code, "rtl" if code == "ar" else "ltr")
    else:  # German chrome on a page in Leichte Sprache, marked as German
        assert (footer["lang"], footer["dir"]) == ("de", "ltr")
        assert bar["lang"] == "de" and switcher["lang"] == "de"
        assert page.select_one("nav.breadcrumbs li a span")["lang"] == "de"
    # The legal pages stay German: their links say so in a chrome that is not.
    hreflangs = {a.get("hreflang") for a in footer.select(".footer-links a")}
    assert hreflangs == ({"de"} if code in ("en", "ar") else {None})


def test_views_that_are_not_pages_keep_the_german_chrome(demo, client):
    _page, footer, chrome = chrome_of(client.get("/suche/", {"q": "Beratung"}).content.decode())
    assert chrome[:3] == CHROME["de"][:3] and chrome[5] == CHROME["de"][5]
    assert footer.get("lang") is None
