"""The site search page at /suche/: the same search as /api/v3/search/, rendered.

The visitor's language is ``?sprache=`` (the header's search form on a page in another language
sends it, search/templates/search/includes/site_search.html): its hits rank first. Not the
``Accept-Language`` header: the answer depends on the URL alone (the response cache and CDNs
keep it by its URL, content/locales.py), and the URL is part of the cache key.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Site

from changes.registry import CHROME
from content.pagination import PAGE_PARAMETER, old_link_redirect, page_links, requested_number
from httpcache import cache

from . import terms
from .engine import (
    MAX_OFFSET,
    SEARCH_TAG,
    SearchInputError,
    clean_locale,
    clean_query,
    clean_type,
    site_search,
)
from .limits import MESSAGE, too_many
from .sources import SOURCES_BY_KEY

PER_PAGE = 10
# The query parameters the page reads (an old ?page= link is redirected first).
LANGUAGE_PARAMETER = "sprache"
PARAMETERS = {"q", "type", LANGUAGE_PARAMETER, PAGE_PARAMETER, terms.FORM_PARAMETER}


def search(request):
    if redirect := old_link_redirect(request):
        return redirect
    if (limited := too_many(request)) and request.GET.get("q"):
        return TemplateResponse(
            request,
            "search/search.html",
            {"search_error": MESSAGE, "search_query": "", "results": []},
            status=429,
            headers={"Retry-After": limited["Retry-After"], "Cache-Control": "no-store"},
        )
    raw_query = request.GET.get("q", "")
    error = ""
    try:
        query = clean_query(raw_query)
        result_type = clean_type(request.GET.get("type", ""))
        locale = clean_locale(request.GET.get(LANGUAGE_PARAMETER, ""))
    except SearchInputError as exc:
        error, query, result_type, locale = str(exc), "", "", ""

    site = Site.find_for_request(request)

    def search_page(number):
        offset = (number - 1) * PER_PAGE
        return site_search(
            query,
            type=result_type,
            offset=offset,
            limit=PER_PAGE,
            site=site,
            request=request,
            locale=locale,
        )

    number = requested = min(requested_number(request), MAX_OFFSET // PER_PAGE + 1)
    outcome = search_page(number)
    last = max(1, -(-outcome.total // PER_PAGE))
    if number > last:
        # Past the end (an old link): show the last page, as Django's Paginator.get_page does.
        number = last
        outcome = search_page(number)
    counted = ()
    if query and requested == 1:
        # Only a new search made on the site counts for the report of frequent queries (in the
        # cache; search/terms.py), not paging through it; a later answer from the response
        # cache counts too (the same handler, run by the cache).
        counted = (terms.HIT_HANDLER, query, outcome.total)
        terms.count_from_the_site(request, query, outcome.total)

    # A Paginator over the total gives the page links; the hits of this page come from the search.
    paginator = Paginator(range(outcome.total), PER_PAGE)
    page = paginator.get_page(number)
    context = {
        "search_query": query if not error else raw_query[:200],
        "search_type": result_type,
        # The visitor's language, kept by the form and the links (empty: German).
        "search_language": locale if locale != settings.LANGUAGE_CODE else "",
        "search_error": error,
        "outcome": outcome,
        "results": outcome.results,
        "promotions": outcome.promotions,
        "type_counts": outcome.count_items(),
        "search_type_label": SOURCES_BY_KEY[result_type].label_plural if result_type else "",
        "all_count": sum(outcome.counts.values()),
        "paginator_page": page,
        "page_range": page_links(page),
    }
    # Kept by the response cache per normalised query; any change invalidates it.
    cache.tag(request, SEARCH_TAG, CHROME, params=PARAMETERS, on_hit=counted)
    return TemplateResponse(request, "search/search.html", context, status=400 if error else 200)
