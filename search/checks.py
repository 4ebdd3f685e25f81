"""System checks of the search languages (search/languages.py)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register
from django.db import connection

from . import languages


@register()
def check_language_configs(app_configs, **kwargs):
    """Every site language has a text search configuration named (else: "simple")."""
    mapping = languages.configured()
    return [
        Warning(
            f"Search: no text search configuration for language {code!r}; it is searched "
            "with 'simple' (no stemming).",
            hint="Name one in SEARCH_LANGUAGE_CONFIGS (cms/settings/base.py).",
            id="search.W002",
        )
        for code in settings.SITE_LANGUAGES
        if not mapping.get(code)
    ]


@register(Tags.database)
def check_database_configs(app_configs, databases=None, **kwargs):
    """The database has every configured configuration (``check --database default``; the
    search falls back to "simple" with a log line, it does not fail)."""
    if not databases or connection.vendor != "postgresql":
        return []
    languages.database_configs.cache_clear()
    return [
        Warning(
            f"Search: PostgreSQL has no text search configuration {config!r}; the languages "
            "that name it are searched with 'simple' (no stemming).",
            hint="Check `SELECT cfgname FROM pg_ts_config` and SEARCH_LANGUAGE_CONFIGS.",
            id="search.W001",
        )
        for config in sorted(languages.missing_configs())
    ]
