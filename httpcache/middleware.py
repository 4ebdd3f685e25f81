"""Serves public pages and API reads from the response cache, and says who may keep them.

- A request *with credentials* (an ``Authorization`` header, or a session cookie: a logged-in
  user or a session that has passed a page or collection password) is never answered from the
  cache and never stored; what it reads from the API or a page is ``private, no-store``.
- An anonymous ``GET``/``HEAD`` is answered from a current entry when there is one: ``304``
  when ``If-None-Match`` names its ETag, else the stored body; no view runs, no query is made.
- On a miss, a response that says what it shows (tags, see :mod:`httpcache.cache`; Wagtail's
  page detail and ``find`` are tagged here from their URLs) is stored when it is a public
  ``200`` (or ``find``'s redirect) that sets no cookie, and leaves ``public, max-age=…``
  (``API_CACHE_MAX_AGE`` for the API, ``HTML_CACHE_MAX_AGE`` for pages) with
  ``Vary: Authorization, Cookie``.

ETags and ``304`` for responses that are not cached come from Django's
``ConditionalGetMiddleware`` (below this one), which leaves ``no-store`` responses alone.
"""

import re

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags

from . import cache

# Wagtail's own page views, tagged by the page id in the URL (detail) or in the redirect's
# Location (find).
PAGE_DETAIL = re.compile(r"^/api/v[23]/pages/(\d+)/$")
PAGE_FIND = re.compile(r"^/api/v[23]/pages/find/$")
LOCATION_PAGE = re.compile(r"/api/v[23]/pages/(\d+)/")


def has_credentials(request):
    return bool(
        request.headers.get("Authorization") or settings.SESSION_COOKIE_NAME in request.COOKIES
    )


def is_api_path(request):
    return request.path.startswith("/api/")


def public(response, request):
    max_age = settings.API_CACHE_MAX_AGE if is_api_path(request) else settings.HTML_CACHE_MAX_AGE
    patch_cache_control(response, public=True, max_age=max_age)
    patch_vary_headers(response, ["Authorization", "Cookie"])
    return response


def from_entry(entry, request):
    if entry.etag in parse_etags(request.headers.get("If-None-Match", "")):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(entry.body, status=entry.status, content_type=entry.content_type)
        if entry.location:
            response["Location"] = response.url = entry.location
    response["ETag"] = entry.etag
    response["X-Response-Cache"] = "hit"
    return public(response, request)


def url_tags(request, response):
    if match := PAGE_DETAIL.match(request.path):
        return {cache.page_tag(match[1])}
    if PAGE_FIND.match(request.path) and (
        match := LOCATION_PAGE.search(response.get("Location", ""))
    ):
        return {cache.page_tag(match[1])}
    return set()


def storable(response):
    if response.streaming or response.cookies or response.status_code not in (200, 302):
        return False
    control = response.get("Cache-Control", "")
    return "private" not in control and "no-store" not in control


class ResponseCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        if has_credentials(request):
            response = self.get_response(request)
            if is_api_path(request) or getattr(request, "content_tags", None):
                patch_cache_control(response, private=True, no_store=True)
            return response

        key = cache.key_for(request)
        entry, started = cache.lookup_with_generation(key)
        if entry is not None:
            return from_entry(entry, request)
        response = self.get_response(request)
        tags = getattr(request, "content_tags", set()) | url_tags(request, response)
        if not tags:
            return response
        if storable(response):
            # The ETag Django would give the body, so a later hit answers If-None-Match alike.
            entry = cache.save(key, response, tags, started)
            if entry is not None and not response.has_header("ETag"):
                response["ETag"] = entry.etag
        if response.status_code in (200, 304):
            public(response, request)
        return response
