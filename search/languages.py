"""Which text-search configuration searches which language.

Every object is indexed in the configuration of its own language: a page or a translatable
snippet (the glossary) in its locale's, everything else (persons, publications …) in the
default language's. ``SEARCH_LANGUAGE_CONFIGS`` (settings) maps the site's languages to
PostgreSQL configurations ("german", "english", "arabic", "russian", "turkish"); a language
without one, or whose configuration the database lacks, is searched with "simple" (words only
lowercased): PostgreSQL has none for Ukrainian or Persian. The same names choose the Snowball
stemmer of the SQLite index (search/stemming.py) and of the excerpts' highlighting
(search/highlight.py); "simple" has none.

The language of an index entry is kept with it (``search_document.language`` on PostgreSQL,
search/migrations/0005; ``""`` is the default language): the query is compiled once per
configuration and each entry is matched and ranked with its own language's query
(search/backends/postgres.py). The visitor's language (the search page's ``?sprache=``, the
API's ``locale``) ranks first; the other languages follow.
"""

import logging
from functools import lru_cache

from django.conf import settings
from django.db import connection

logger = logging.getLogger(__name__)

SIMPLE = "simple"


def default_language():
    return settings.LANGUAGE_CODE


def configured():
    """{language code: configuration name} as the settings name them (nothing checked)."""
    mapping = dict(getattr(settings, "SEARCH_LANGUAGE_CONFIGS", {}) or {})
    default = settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIG") or SIMPLE
    mapping.setdefault(default_language(), default)
    return mapping


def missing_configs():
    """The configured names the database has no text-search configuration for (PostgreSQL;
    elsewhere every name is accepted: SQLite stems where Snowball has the language)."""
    available = database_configs()
    if available is None:
        return set()
    return {config for config in configured().values() if config not in available}


@lru_cache(maxsize=1)
def database_configs():
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config")
        return frozenset(row[0] for row in cursor.fetchall())


@lru_cache(maxsize=64)
def config_for(code):
    """The configuration that indexes and searches language ``code``: its configured one, or
    "simple" (with a warning in the log) when the database has no such configuration."""
    mapping = configured()
    config = mapping.get(code or default_language()) or SIMPLE
    if config != SIMPLE:
        try:
            available = database_configs()
        except Exception:  # noqa: BLE001 - no database yet (e.g. `check` before `migrate`)
            available = None
        if available is not None and config not in available:
            logger.warning(
                "Search: the database has no text search configuration %r for language %r; "
                "searching it with 'simple' (SEARCH_LANGUAGE_CONFIGS)",
                config,
                code,
            )
            config = SIMPLE
    return config


def stored(code):
    """How an entry's language is kept in the index: ``""`` for the default language."""
    return "" if not code or code == default_language() else code


def site_languages():
    """The site's content languages, the default first."""
    return list(settings.SITE_LANGUAGES)


def language_configs():
    """[(stored language, configuration)] of every site language, the default first."""
    return [(stored(code), config_for(code)) for code in site_languages()]


def clean_language(code):
    """A language the search knows (exact code, any case) or ``None``."""
    for known in site_languages():
        if known.lower() == (code or "").lower():
            return known
    return None


_LOCALE_CODES = {}


def _locale_code(locale_id):
    if locale_id not in _LOCALE_CODES:
        from wagtail.models import Locale

        _LOCALE_CODES.clear()
        _LOCALE_CODES.update(Locale.objects.values_list("pk", "language_code"))
    return _LOCALE_CODES.get(locale_id)


def is_translatable(model):
    return any(field.name == "locale" for field in model._meta.get_fields())


def language_of(obj):
    """The language of an indexed object: its locale's, or the default language's."""
    locale_id = getattr(obj, "locale_id", None)
    if locale_id is None:
        return default_language()
    return _locale_code(locale_id) or default_language()


def config_of(obj):
    return config_for(language_of(obj))
