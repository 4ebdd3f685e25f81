"""The anonymous search API on Wagtail's v3 API (registered in cms/api.py at /api/v3/search/).

Same search, same results as the page at /suche/ (both call search.engine.site_search).
``locale`` is the visitor's language (the page's ``?sprache=``): its hits rank first, the
other languages' follow, unless ``locale_only``.
"""

from typing import Literal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from wagtail.api.v3.auth import AllowAnonymous
from wagtail.models import Site

from api.openapi import problems
from content.values import URL

from .engine import (
    MAX_LIMIT,
    MAX_OFFSET,
    SUGGESTION_LIMIT,
    SearchInputError,
    clean_locale,
    clean_query,
    site_search,
    suggest,
)
from .limits import too_many
from .sources import SOURCES, SOURCES_BY_KEY

ResultType = Literal[tuple(source.key for source in SOURCES)]

# AllowAnonymous also ignores a session cookie: search results never depend on who asks.
router = Router(tags=["search"], auth=AllowAnonymous())


class SearchParams(Schema):
    q: str = Field(
        "",
        description="Suchbegriff (höchstens 200 Zeichen): alle Wörter müssen vorkommen, "
        '"soziale Beratung" in Anführungszeichen als Wortfolge, -Asyl schließt aus.',
    )
    type: ResultType | None = Field(None, description="Nur Ergebnisse dieses Typs.")
    limit: int = Field(10, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)
    locale: str | None = Field(
        None,
        description="The visitor's language (a code of /api/v3/languages/, default de): its "
        "results rank first, the other languages' follow.",
    )
    locale_only: bool = Field(False, description="Only results in `locale`.")


class SearchResultSchema(Schema):
    type: str = Field(description=f"{', '.join(SOURCES_BY_KEY)} (or promotion)")
    type_label: str
    title: str
    excerpt: str = Field(description="HTML: escaped text, hits wrapped in <mark>.")
    url: URL = Field(description="Absolute URL; empty when there is nothing to link to.")
    trail: list[str] = Field(
        default_factory=list,
        description="Where the hit lives, from the home page down (its breadcrumb, titles only).",
    )
    locale: str = Field(description="The result's language (its page's; de for what has none).")


class TypeCountSchema(Schema):
    type: str
    label: str
    count: int


class SearchResponseSchema(Schema):
    query: str
    type: str | None
    locale: str = Field(description="The visitor's language: its results come first.")
    count: int = Field(description="Hits of the chosen type, or of all types.")
    counts: list[TypeCountSchema]
    promotions: list[SearchResultSchema] = Field(
        description="Editors' promoted results (Empfehlungen) for this query; first page only."
    )
    items: list[SearchResultSchema]
    suggestion: str = Field(
        "",
        description="„Meinten Sie …?“: the query spelled as in the titles found (umlauts), or "
        "for a query that found nothing a corrected query that finds something; else empty.",
    )


class SuggestParams(Schema):
    q: str = Field("", description="What has been typed so far.")
    limit: int = Field(SUGGESTION_LIMIT, ge=1, le=20)
    locale: str | None = Field(
        None, description="The visitor's language: its suggestions come first."
    )


class SuggestionSchema(Schema):
    type: str
    type_label: str
    title: str
    url: URL
    locale: str = Field(description="The suggestion's language.")


class SuggestResponseSchema(Schema):
    query: str
    items: list[SuggestionSchema]


def _query(raw):
    try:
        return clean_query(raw)
    except SearchInputError as error:
        raise HttpError(400, str(error)) from error


def _locale(raw):
    try:
        return clean_locale(raw)
    except SearchInputError as error:
        raise HttpError(400, str(error)) from error


@router.get(
    "/",
    response=SearchResponseSchema,
    summary="Search topics, people, publications",
    url_name="search",
    openapi_extra=problems(429),
)
def search(request: HttpRequest, params: Query[SearchParams]):
    if limited := too_many(request):
        return limited
    query = _query(params.q)
    locale = _locale(params.locale)
    outcome = site_search(
        query,
        type=params.type or "",
        offset=params.offset,
        limit=params.limit,
        request=request,
        site=Site.find_for_request(request),
        locale=locale,
        only_locale=params.locale_only,
    )
    return {
        "query": query,
        "type": params.type,
        "locale": outcome.locale,
        "count": outcome.total,
        "counts": outcome.count_items(),
        "promotions": outcome.promotions,
        "items": outcome.results,
        "suggestion": outcome.suggestion,
    }


@router.get(
    "/autocomplete/",
    response=SuggestResponseSchema,
    summary="Suggestions while typing",
    url_name="search_autocomplete",
    openapi_extra=problems(429),
)
def autocomplete(request: HttpRequest, params: Query[SuggestParams]):
    if limited := too_many(request, group="autocomplete"):
        return limited
    query = _query(params.q)
    locale = _locale(params.locale)
    site = Site.find_for_request(request)
    items = suggest(query, limit=params.limit, request=request, site=site, locale=locale)
    return {"query": query, "items": items}
