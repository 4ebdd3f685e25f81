"""``/api/v3/page-by-path/?html_path=``: a page's v3 detail in one request.

A frontend that knows only the URL path gets the page's detail body directly (Wagtail's
``find`` answers with a redirect to the detail, a second request). Anonymous answers come from
the detail's own response cache entry: the path is remembered as an alias of it.
"""

import copy

from django.http import Http404, HttpResponse, QueryDict
from django.urls import resolve, reverse
from ninja import Query, Router
from wagtail.api.v3.routers.pages import PageDetailSchema
from wagtail.models import Page, Site

from content.locales import NOT_AN_ALIAS, is_translated, language_from_path
from content.visibility import visible
from httpcache import cache
from httpcache.middleware import has_credentials, public

from .openapi import problems

by_path_router = Router(tags=["pages"])


@by_path_router.get(
    "/",
    response=PageDetailSchema,
    url_name="pages_by_path",
    operation_id="pages_by_path",
    summary="Page detail by its HTML path, in one request",
    description=(
        "The same body as `/api/v3/pages/{id}/` for the page the site serves at `html_path` "
        "(e.g. `/themen/fluechtlingsarbeit/`, or `/en/topics/refugee-work/` for a page in "
        "another language), answered from the same cache entry. "
        "`/api/v3/pages/find/` still redirects, for clients that expect it."
    ),
    openapi_extra=problems(404),
)
def page_by_path(request, html_path: str = Query(..., max_length=2048)):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No site is configured for this host.")
    parts = [part for part in html_path.split("/") if part]
    home = site.root_page
    if code := language_from_path(html_path):
        # A page in another language: routed from that language's home page (the site home
        # page's translation), the path after the language prefix.
        parts = parts[1:]
        home = Page.objects.filter(
            translation_key=home.translation_key, locale__language_code=code, **NOT_AN_ALIAS
        ).first()
        if home is None:
            raise Http404("The site has no home page in this language.")
    page, _args, _kwargs = home.specific.route(request, parts)
    if not visible(Page.objects.filter(pk=page.pk)).exists() or (code and not is_translated(page)):
        raise Http404("No page is published at this path.")
    detail = reverse("wagtailapi_v3:detail_page", kwargs={"page_id": page.pk})
    detail_key = cache.key_for(request, path=detail, query="")
    anonymous = not has_credentials(request)
    started = cache.generation()
    if anonymous and (entry := cache.lookup(detail_key)) is not None:
        response = HttpResponse(entry.body, status=entry.status, content_type=entry.content_type)
        response["ETag"] = entry.etag
    else:
        sub = copy.copy(request)
        sub.path = sub.path_info = detail
        sub.GET = QueryDict()
        match = resolve(detail)
        response = match.func(sub, *match.args, **match.kwargs)
        if not anonymous or response.status_code != 200:
            return response
        if entry := cache.save(detail_key, response, {cache.page_tag(page.pk)}, started):
            response["ETag"] = entry.etag
    if anonymous:
        cache.save_alias(cache.key_for(request), detail_key, {cache.page_tag(page.pk)})
        public(response, request)
    return response
