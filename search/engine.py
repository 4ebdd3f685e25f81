"""The one site search behind both the page at /suche/ and the API (search/api.py).

Every source (search/sources.py) is searched with Wagtail's search backend on its public
queryset only, so drafts, private pages and private documents are neither found nor counted.
The hits of all sources are merged by the backend's relevance score; editors' promoted results
("Empfehlungen", wagtail.contrib.search_promotions) come separately, before them, and are not
repeated (or counted) among the hits.

The query language (search/query.py): all words must match, ``"…"`` is a phrase, ``-word``
excludes; everything else (operators, ``a:b:c``, SQL fragments) is only text, which keeps every
backend safe. A suggestion ("Meinten Sie …?", search/spelling.py): the spelling of the titles shown
where only umlauts differ ("Fluchtlingsarbeit"), or, for a query that finds nothing, the closest
words of public titles and names, if the corrected query finds something.

Languages (search/languages.py): every object is indexed and matched in its own language's
configuration; the visitor's language (``locale``) ranks first, the others follow (or are left
out, ``only_locale``); excerpts mark hits with the stemmer of the hit's language, and a
suggestion is spelled as the titles in the visitor's language first.
"""

import logging
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.core.cache import caches
from django.db import transaction
from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import SafeString
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import normalise_query_string

from content.locales import NOT_AN_ALIAS, language_from_path
from content.visibility import visible

from . import languages
from .highlight import Highlighter, query_terms
from .query import backend_query, parse
from .sources import SOURCES, SOURCES_BY_KEY, home_paths, in_site
from .spelling import corrected_query, respelled
from .synonyms import expanded_words, family_of

MAX_QUERY_LENGTH = 200
MAX_LIMIT = 50
# Relevance merging needs offset + limit hits from every type; deeper pages are not useful.
MAX_OFFSET = 1000
SUGGESTION_LIMIT = 8

logger = logging.getLogger(__name__)


class SearchInputError(ValueError):
    """A query the search refuses, with a message for the visitor (German)."""


def clean_query(raw):
    # Control characters (NUL cannot even be stored by PostgreSQL) count as spaces.
    raw = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in raw or "")
    query = " ".join(raw.split())
    if len(query) > MAX_QUERY_LENGTH:
        raise SearchInputError(
            f"Der Suchbegriff ist zu lang: bitte höchstens {MAX_QUERY_LENGTH} Zeichen eingeben."
        )
    return query


def clean_locale(raw):
    """A site language's code (``""``: the default language) or an error naming them."""
    if not raw:
        return ""
    code = languages.clean_language(raw)
    if code is None:
        choices = ", ".join(languages.site_languages())
        raise SearchInputError(f"Unbekannte Sprache „{raw}“. Möglich sind: {choices}.")
    return code


def clean_type(raw):
    if raw and raw not in SOURCES_BY_KEY:
        choices = ", ".join(SOURCES_BY_KEY)
        raise SearchInputError(f"Unbekannter Ergebnistyp „{raw}“. Möglich sind: {choices}.")
    return raw or ""


@dataclass
class Result:
    type: str
    type_label: str
    title: str
    excerpt: SafeString
    url: str
    # Where the hit lives, from the home page down: page titles along its URL (a page's own
    # title left out), or the home page and the type's name for results without a page.
    trail: list = field(default_factory=list)
    # The hit's language (its locale's; the default language for what has no locale).
    locale: str = ""


@dataclass
class SearchOutcome:
    query: str
    type: str
    offset: int
    limit: int
    results: list
    counts: dict
    promotions: list
    # "Meinten Sie …?": a query that finds something, offered when this one found nothing.
    suggestion: str = ""
    # The visitor's language: its hits rank first.
    locale: str = ""

    @property
    def total(self):
        """Hits of the chosen type, or of all types."""
        return self.counts.get(self.type, 0) if self.type else sum(self.counts.values())

    def count_items(self):
        return [
            {"type": s.key, "label": s.label_plural, "count": self.counts.get(s.key, 0)}
            for s in SOURCES
        ]


def site_search(
    query,
    *,
    type="",  # noqa: A002
    offset=0,
    limit=10,
    request=None,
    site=None,
    locale="",
    only_locale=False,
):
    """Search every public source for ``query`` (already cleaned) and return one page of hits.

    ``locale``: the visitor's language (a site language; the default if empty): its hits rank
    first, the other languages' follow (``only_locale``: are left out)."""
    locale = locale or languages.default_language()
    parsed = parse(query)
    counts = {source.key: 0 for source in SOURCES}
    if not parsed.searchable:
        return SearchOutcome(query, type, offset, limit, [], counts, [], locale=locale)

    # Promoted pages are shown above the hits (on the first page) and not again among them.
    promotions, promoted_pages = promoted_results(query, request, site)
    scope = (locale, only_locale)
    counts, page = _search(parsed, type, offset, limit, site, promoted_pages, scope)
    words = " ".join(expanded_words(parsed.positive_words()))
    highlighters = {}

    def excerpt(source, obj, language):
        if language not in highlighters:
            highlighters[language] = Highlighter(words, languages.config_for(language))
        return highlighters[language].excerpt(source.excerpt_texts(obj))

    urls = _resolve_urls([(c[-2], c[-1]) for c in page], request, site)
    results = []
    for *_keys, source, obj in page:
        language = languages.language_of(obj)
        results.append(
            Result(
                type=source.key,
                type_label=source.label,
                title=source.title(obj),
                excerpt=excerpt(source, obj, language),
                url=urls.get((source.key, obj.pk), ""),
                locale=language,
            )
        )
    _add_trails(results, site)
    suggestion = ""
    if results:
        respelled_query = respelled(parsed, [result.title for result in results])
        suggestion = respelled_query.text() if respelled_query else ""
    elif not any(counts.values()) and not promotions:
        suggestion = suggestion_for(parsed, site, promoted_pages, scope)
    return SearchOutcome(
        query,
        type,
        offset,
        limit,
        results,
        counts,
        promotions if offset == 0 else [],
        suggestion,
        locale,
    )


def _search(parsed, type, offset, limit, site, exclude_pages=(), scope=("", False)):  # noqa: A002
    """Counts per type and the merged, ranked hits ``offset`` to ``offset + limit``: those in
    the visitor's language (``scope``: language, only that one) first."""
    locale, only_locale = scope
    locale = locale or languages.default_language()
    backend = get_search_backend()
    query = backend_query(parsed, family_of)
    if hasattr(backend, "search_sources"):
        # PostgreSQL: all types counted and ranked in one query (search/backends/postgres.py).
        counts, ranked = backend.search_sources(
            query,
            lambda: [(s.key, *s.index_scope(site, exclude_pages)) for s in SOURCES],
            stop=offset + limit if limit else 0,
            only=type or None,
            # What the scopes depend on: the site's trees and the promoted pages left out.
            scopes_key=(
                (site.pk, home_paths(site)) if site is not None else None,
                tuple(exclude_pages),
            ),
            language=languages.stored(locale),
            only_language=only_locale,
        )
        return counts, _fetched(ranked[offset : offset + limit], site, exclude_pages)
    counts = {source.key: 0 for source in SOURCES}
    candidates = []
    for order, source in enumerate(SOURCES):
        for own, public in _by_language(source, site, exclude_pages, locale, only_locale):
            found = backend.search(query, public)
            count = found.count()
            counts[source.key] += count
            if limit and count and (not type or type == source.key):
                hits = found.annotate_score("_search_score")[: offset + limit]
                candidates += [(not own, *c) for c in _ranked(hits, order, source, backend)]
    candidates.sort(key=lambda c: c[:4])
    return counts, candidates[offset : offset + limit]


def _by_language(source, site, exclude_pages, locale, only_locale):
    """``(in the visitor's language, public queryset)``: the source's objects in ``locale`` and,
    unless ``only_locale``, the others (searched apart, so that the first rank first)."""
    public = _public(source, site, exclude_pages)
    if not languages.is_translatable(source.model):
        own = locale == languages.default_language()
        return [(own, public)] if own or not only_locale else []
    # (``locale`` is one of the fields Wagtail's backends filter pages by.)
    mine = Q(locale__in=Locale.objects.filter(language_code=locale))
    if only_locale:
        return [(True, public.filter(mine))]
    return [(True, public.filter(mine)), (False, public.exclude(mine))]


def _public(source, site, exclude_pages):
    queryset = source.queryset(site)
    if source.is_page and exclude_pages:
        queryset = queryset.exclude(pk__in=exclude_pages)
    return queryset


def _fetched(ranked, site, exclude_pages):
    """The objects of ``ranked`` (``(key, pk, score)``, best first), as ``_ranked`` sorts them:
    one query per type shown, through the type's public queryset again."""
    wanted = {}
    for key, pk, _score in ranked:
        wanted.setdefault(key, []).append(pk)
    objects = {}
    for key, pks in wanted.items():
        source = SOURCES_BY_KEY[key]
        for obj in _public(source, site, exclude_pages).filter(pk__in=pks):
            objects[(key, obj.pk)] = obj
    order = {source.key: number for number, source in enumerate(SOURCES)}
    return [
        (-score, order[key], position, SOURCES_BY_KEY[key], objects[(key, pk)])
        for position, (key, pk, score) in enumerate(ranked)
        # (An object unpublished since the search ran is left out.)
        if (key, pk) in objects
    ]


def suggestion_for(parsed, site, exclude_pages=(), scope=("", False)):
    """A corrected query ("Meinten Sie …?") that finds something, or "": the words of the
    titles in the visitor's language (``scope``), else of any language's (unless only that
    language is searched)."""
    locale, only_locale = scope
    for language in [locale or languages.default_language()] + ([] if only_locale else [None]):
        corrected = corrected_query(parsed, site, language)
        if corrected is None or corrected == parsed:
            continue
        counts, _page = _search(corrected, "", 0, 0, site, exclude_pages, scope)
        if any(counts.values()):
            return corrected.text()
    return ""


def suggest(query, *, limit=SUGGESTION_LIMIT, request=None, site=None, locale=""):
    """Suggestions while typing: titles and names that start with the words typed so far,
    those in the visitor's language (``locale``) first."""
    terms = " ".join(query_terms(query))
    if not terms:
        return []
    locale = locale or languages.default_language()
    backend = get_search_backend()
    candidates = []
    for order, source in enumerate(SOURCES):
        found = backend.autocomplete(terms, source.queryset(site), operator="and")
        hits = found.annotate_score("_search_score")[:limit]
        # (One query per type, as fast as typing needs: the visitor's language first among
        # the best ``limit`` of each type.)
        candidates += [
            (languages.language_of(c[-1]) != locale, *c)
            for c in _ranked(hits, order, source, backend)
        ]
    candidates.sort(key=lambda c: c[:4])
    page = candidates[:limit]
    urls = _resolve_urls([(c[-2], c[-1]) for c in page], request, site)
    return [
        Result(
            type=source.key,
            type_label=source.label,
            title=source.title(obj),
            excerpt=SafeString(""),
            url=urls.get((source.key, obj.pk), ""),
            locale=languages.language_of(obj),
        )
        for *_keys, source, obj in page
    ]


HOME_LABEL = "Startseite"


def _add_trails(results, site):
    """Give each result its trail: the public pages along its URL's path, found in one query
    for all results (a result on a page of its own leaves that page's title out)."""
    if site is None or not results:
        return
    root = site.root_page
    own = urlsplit(site.root_url or "").netloc
    homes = {}
    if any(language_from_path(urlsplit(result.url).path) for result in results):
        # Another language's URL (/en/…) is below that language's home page.
        homes = dict(
            Page.objects.filter(translation_key=root.translation_key, depth=root.depth)
            .filter(**NOT_AN_ALIAS)
            .values_list("locale__language_code", "url_path")
        )

    def steps(result):
        parts = urlsplit(result.url)
        if parts.netloc and parts.netloc != own:
            return []
        slugs = [slug for slug in parts.path.split("/") if slug]
        home = root.url_path
        if code := language_from_path(parts.path):
            if code not in homes:
                return []
            home, slugs = homes[code], slugs[1:]
        prefixes = ("".join(f"{slug}/" for slug in slugs[:n]) for n in range(1, len(slugs) + 1))
        return [home + prefix for prefix in prefixes]

    paths = {result.url: steps(result) for result in results}
    wanted = {path for found in paths.values() for path in found}
    titles = {}
    if wanted:
        pages = in_site(visible(Page.objects.filter(url_path__in=wanted)), site)
        titles = dict(pages.values_list("url_path", "title"))
    for result in results:
        steps_ = paths[result.url]
        trail = [titles[path] for path in steps_ if path in titles]
        source = SOURCES_BY_KEY.get(result.type)
        if source is not None and source.is_page:
            trail = [titles[path] for path in steps_[:-1] if path in titles]
        elif source is not None and not (steps_ and steps_[-1] in titles):
            trail = [source.label_plural]  # not on a page, e.g. a publication's file
        result.trail = [HOME_LABEL, *trail]


def _ranked(hits, order, source, backend):
    """Sort keys for merging the types: relevance first, then the type's order, then the
    backend's own order within the type (so merging never reorders one type's hits)."""
    # SQLite's FTS5 bm25() is negative, lower is better; PostgreSQL's ts_rank: higher is better.
    ascending = getattr(backend, "scores_ascending", type(backend).__name__.startswith("SQLite"))
    sign = -1 if ascending else 1
    return [
        (-sign * float(hit._search_score or 0.0), order, position, source, hit)
        for position, hit in enumerate(hits)
    ]


def promoted_results(query, request=None, site=None):
    """Editors' picks for this query whose pages are live and public (or external links), and
    the ids of those pages."""
    normalised = normalise_query_string(query)
    if normalised not in promoted_query_strings():
        return [], []
    picks = list(
        SearchPromotion.objects.filter(query__query_string=normalised)
        .select_related("page")
        .order_by("sort_order")
    )
    if not picks:
        return [], []
    page_ids = [pick.page_id for pick in picks if pick.page_id]
    shown = set()
    if page_ids:
        pages = in_site(visible(Page.objects.filter(pk__in=page_ids)), site)
        shown = set(pages.values_list("pk", flat=True))
    results = []
    for pick in picks:
        if pick.page_id and pick.page_id not in shown:
            continue
        url = (pick.page.get_url(request) or "") if pick.page_id else pick.external_link_url
        results.append(
            Result(
                type="promotion",
                type_label="Empfehlung",
                title=pick.title or url,
                excerpt=SafeString(escape(pick.description)),
                url=url,
                locale=languages.language_of(pick.page if pick.page_id else None),
            )
        )
    return results, sorted(shown)


PROMOTED_KEY = "search:promoted-query-strings"
# The response cache's tag of every search answer (page and API): every change invalidates it
# (changes.events), as any change may change what a search finds.
SEARCH_TAG = "search"


# The response cache's tag (httpcache.cache) whose shared version says which copy of the
# promoted queries is current.
PROMOTIONS_TAG = "search-promotions"


def promoted_query_strings():
    """The (normalised) queries that editors promote results for.

    Kept in each process's cache under the current version of :data:`PROMOTIONS_TAG`, a version
    every process sees (Redis, or the database without it): a change to a promotion gives it a
    new version (:func:`forget_promoted_query_strings`), so every process reads the list again
    on its next search, and a search costs one read of that version, no write."""
    from httpcache import cache as response_cache

    try:
        versions, _generation = response_cache.versions({PROMOTIONS_TAG})
        version = versions.get(PROMOTIONS_TAG)
    except Exception:  # noqa: BLE001 - the shared store is away: read the list itself
        logger.warning("Search: the promotions' shared version is unreadable")
        version = None
    local = caches["default"]
    key = f"{PROMOTED_KEY}:{version}"
    strings = local.get(key) if version else None
    if strings is None:
        strings = frozenset(
            Query.objects.filter(editors_picks__isnull=False).values_list("query_string", flat=True)
        )
        if version:
            local.set(key, strings, None)
    return strings


def forget_promoted_query_strings(**kwargs):
    """Now and again after the commit (another process may have read the list in between):
    the list and the cached search answers, which show the promotions."""
    from httpcache import cache as response_cache

    def forget():
        response_cache.invalidate({PROMOTIONS_TAG, SEARCH_TAG})

    forget()
    transaction.on_commit(forget)


def _resolve_urls(hits, request, site):
    """URLs of the hits: pages link to themselves, other results to what their app registered
    (content/searchables.py: persons and Fachgruppen to a public topic page that shows them, one
    query per type), documents to their file."""
    urls = {}
    by_source = {}
    for source, obj in hits:
        if source.is_page:
            urls[(source.key, obj.pk)] = obj.get_url(request) or ""
        elif source.links is not None:
            by_source.setdefault(source.key, []).append(obj.pk)
        else:
            urls[(source.key, obj.pk)] = getattr(obj, "url", "") or ""
    for key, pks in by_source.items():
        for pk, url in SOURCES_BY_KEY[key].links(pks, request, site).items():
            urls[(key, pk)] = url
    return urls
