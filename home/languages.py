"""The language switcher and the ``hreflang`` alternates of a rendered page.

For each of the site's languages (``SITE_LANGUAGES``, in that order) the switcher links the
page's live, public translation in it, else that language's home page (the translation of
the site's home page); a language with neither is left out. The alternates name the page's
translations only (``hreflang``, with ``x-default`` for the German one). Both are resolved
with the page (registered as the HTML part ``languages``): the translations are those of the
page's value (``content.pages``), so the switcher, the head and the API's ``translations``
never differ.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q

from content.locales import NOT_AN_ALIAS, Language, language, site_languages


@dataclass(frozen=True)
class LanguageLink:
    language: Language
    url: str
    title: str  # of the page it leads to
    current: bool  # the page shown
    same_page: bool  # the page's translation (else that language's home page)


@dataclass(frozen=True)
class Alternate:
    hreflang: str
    url: str  # absolute


# The languages the chrome (skip link, header, breadcrumbs' "Startseite", footer, the switcher's
# label) is translated into: home/locale/<code>/LC_MESSAGES/django.po (and its compiled .mo,
# committed). A page in another language gets the German chrome, marked lang="de".
CHROME_LANGUAGES = ("de", "en", "ar")


@dataclass(frozen=True)
class Languages:
    current: Language
    links: list[LanguageLink]
    alternates: list[Alternate]

    @property
    def is_german(self):
        return self.current.code == settings.LANGUAGE_CODE

    @property
    def chrome(self):
        """The chrome's language: the page's where the chrome is translated into it."""
        if self.current.code in CHROME_LANGUAGES:
            return self.current
        return language(settings.LANGUAGE_CODE)

    @property
    def chrome_is_german(self):
        return self.chrome.code == settings.LANGUAGE_CODE

    @property
    def chrome_differs(self):
        """True where the chrome needs its own ``lang`` and ``dir`` (German on a page in
        another language)."""
        return self.chrome.code != self.current.code


def page_language(page):
    """The :class:`Language` of a page's locale (German when unknown)."""
    code = page.locale.language_code if page is not None and page.locale_id else None
    return language(code) or language(settings.LANGUAGE_CODE)


class LanguageSwitcher:
    """Collects and builds :class:`Languages` for ``page`` on ``site`` (``None``: a view that is
    not a page, whose switcher leads to each language's home page)."""

    def __init__(self, site, page):
        self.site = site
        self.page = page

    def collect(self, res):
        root = self.site.root_page
        res.want_pages_where(
            "language_homes", Q(translation_key=root.translation_key, **NOT_AN_ALIAS)
        )

    def build(self, res):
        current = page_language(self.page)
        if self.page is None:  # a view that is not a page: German, each language's home page
            return self.build_homes(res, current)
        translations = {
            page.locale.language_code: page
            for page in res.page_tags["translations"]
            if page.pk != self.page.pk
        }
        homes = {page.locale.language_code: page for page in res.page_tags["language_homes"]}
        links, alternates = [], []
        root_url = self.site.root_url

        def absolute(url):
            return root_url + url if url.startswith("/") else url

        own_url = self.page.get_url(current_site=self.site) if self.page.pk else None
        for lang in site_languages():
            if lang.code == current.code:
                if own_url:
                    links.append(
                        LanguageLink(lang, own_url, self.page.title, current=True, same_page=True)
                    )
                    alternates.append(Alternate(lang.code, absolute(own_url)))
                continue
            translation = translations.get(lang.code)
            url = res.page_url(translation) if translation is not None else ""
            if url:
                links.append(
                    LanguageLink(lang, url, translation.title, current=False, same_page=True)
                )
                alternates.append(Alternate(lang.code, absolute(url)))
            elif (home := homes.get(lang.code)) is not None and (url := res.page_url(home)):
                links.append(LanguageLink(lang, url, home.title, current=False, same_page=False))
        if len(alternates) < 2:
            alternates = []  # a page in one language has no alternates
        else:
            german = next((a for a in alternates if a.hreflang == settings.LANGUAGE_CODE), None)
            if german is not None:
                alternates.append(Alternate("x-default", german.url))
        return Languages(current=current, links=links, alternates=alternates)

    def build_homes(self, res, current):
        homes = {page.locale.language_code: page for page in res.page_tags["language_homes"]}
        links = [
            LanguageLink(
                lang,
                url,
                homes[lang.code].title,
                current=lang.code == current.code,
                same_page=False,
            )
            for lang in site_languages()
            if lang.code in homes and (url := res.page_url(homes[lang.code]))
        ]
        return Languages(current=current, links=links, alternates=[])
