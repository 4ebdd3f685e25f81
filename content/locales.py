"""The site's languages: Wagtail's locales, named and directed by the settings.

``SITE_LANGUAGES`` (settings) lists the content languages, German first; each has an entry in
``SITE_LANGUAGE_INFO``: German name, own name, writing direction. German is served without a
prefix (``/themen/…``), every other language under its code (``/en/…``, ``/de-x-ls/…``):
``i18n_patterns`` around Wagtail's page view in ``cms/urls.py``. The admin, the API, search,
the sitemap and the rest stay unprefixed.

A URL's language is its prefix and nothing else (:class:`LanguageFromPathMiddleware`): the
answer to a URL never depends on a cookie or an ``Accept-Language`` header, so the response
cache and CDNs may keep it by its URL alone.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import connections
from django.utils import translation


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # German
    own_name: str
    direction: str  # "ltr" or "rtl"

    @property
    def is_default(self):
        return self.code == settings.LANGUAGE_CODE


def language(code):
    """The :class:`Language` of ``code`` (any case), or ``None`` for a code not in the table."""
    for known, (name, own_name, direction) in settings.SITE_LANGUAGE_INFO.items():
        if known.lower() == (code or "").lower():
            return Language(known, name, own_name, direction)
    return None


def site_languages():
    """The configured content languages, in the configured order (German first)."""
    return [language(code) for code in settings.SITE_LANGUAGES]


def language_from_path(path):
    """The content language a site path is prefixed with (``/en/…`` → ``"en"``), or ``None``
    (German, or no content language): exact codes only, as ``i18n_patterns`` reverses them."""
    first = path.lstrip("/").split("/", 1)[0]
    if first and first != settings.LANGUAGE_CODE and first in settings.SITE_LANGUAGES:
        return first
    return None


class LanguageFromPathMiddleware:
    """Activates the language of the URL's prefix, else the default (German), for the request
    (Django's ``LocaleMiddleware`` would read cookies and ``Accept-Language`` for unprefixed
    URLs and add ``Vary: Accept-Language`` to them)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        code = language_from_path(request.path_info) or settings.LANGUAGE_CODE
        with translation.override(code):
            request.LANGUAGE_CODE = code
            return self.get_response(request)


def is_translated(page):
    """False for a page that only stands in for another language's page: an alias in another
    locale, as "Übersetzen" creates for the parents of a translated page (live, with the
    original's content). Such a page is not a translation: no switcher, ``hreflang``, sitemap or
    API ``translations`` names it, and the site does not serve it under its language's prefix.
    (One query, for aliases only.)"""
    if page.alias_of_id is None:
        return True
    from wagtail.models import Page

    original = Page.objects.filter(pk=page.alias_of_id).values_list("locale_id", flat=True)
    return original.first() == page.locale_id


# A condition for page querysets: not an alias (see is_translated); translations and language
# home pages are looked up with it.
NOT_AN_ALIAS = {"alias_of__isnull": True}


def sync_locales():
    """Create the Locale row of every configured language that has none; returns the codes
    created. Idempotent; a language removed from the settings keeps its row (and pages)."""
    from wagtail.models import Locale

    existing = set(Locale.objects.values_list("language_code", flat=True))
    missing = [code for code in settings.SITE_LANGUAGES if code not in existing]
    Locale.objects.bulk_create([Locale(language_code=code) for code in missing])
    return missing


def sync_after_migrate(sender, using="default", **kwargs):
    """``post_migrate`` receiver: the configured locales exist after every ``migrate``."""
    from wagtail.models import Locale

    if Locale._meta.db_table in connections[using].introspection.table_names():
        sync_locales()


class TranslationErrorsMiddleware:
    """A translation asked for a page whose parent has no copy in that language yet: Wagtail's
    "Übersetzen" view (wagtail.contrib.simple_translation) raises ``ParentNotTranslatedError``
    (a 500) when such a request is made by hand (its form only disables the option). The
    editor gets the form back with a message instead; nothing is created."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from django.contrib import messages
        from django.shortcuts import redirect
        from wagtail.actions.copy_for_translation import ParentNotTranslatedError

        if not isinstance(exception, ParentNotTranslatedError):
            return None
        messages.error(
            request,
            "Die übergeordnete Seite ist in dieser Sprache noch nicht vorhanden. Übersetzen Sie "
            "zuerst die übergeordnete Seite.",
        )
        return redirect(request.get_full_path())
