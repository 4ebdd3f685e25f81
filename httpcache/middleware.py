"""Serves public pages and API reads from the response cache, and says who may keep them.

It sits above the session, CSRF, authentication and messages middleware (``MIDDLEWARE`` in
``cms/settings/base.py``): a hit or a ``304`` costs none of their work, and the security,
CORS and clickjacking headers are still added to it by the middleware above.

- A request with *valid* credentials (a bearer token that names a live API token, or a session
  cookie whose session holds something: a logged-in user, a page or collection password
  entered) is never answered from the cache and never stored; what it reads from the API or a
  page is ``private, no-store``. A bogus token or cookie counts for nothing: it gets the
  anonymous answer, from the cache.
- An anonymous ``GET``/``HEAD`` is answered from a current entry when there is one: ``304``
  when ``If-None-Match`` names its ETag, else the stored body; no view runs, no query is made
  but the one read of the entry's versions (``httpcache.cache``).
- On a miss, a response that says what it shows (tags, see :mod:`httpcache.cache`; Wagtail's
  page detail and ``find`` are tagged here from their URLs) is stored only when it is exactly
  what any request with the same key would get: a public ``200`` (or ``find``'s redirect) that
  sets no cookie, used no CSRF token, varies on nothing but what the key covers, and, on the
  rendered site, was asked with no query parameter the view does not read. It leaves with
  ``public, max-age=…`` (``API_CACHE_MAX_AGE`` for the API, ``HTML_CACHE_MAX_AGE`` for pages)
  and ``Vary: Authorization, Cookie``.

ETags and ``304`` for responses that are not cached come from Django's
``ConditionalGetMiddleware`` (above this one), which leaves ``no-store`` responses alone.
"""

import logging
import re
from importlib import import_module

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import cc_delim_re, patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags

from . import cache

# Wagtail's own page views, tagged by the page id in the URL (detail) or in the redirect's
# Location (find).
PAGE_DETAIL = re.compile(r"^/api/v[23]/pages/(\d+)/$")
PAGE_FIND = re.compile(r"^/api/v[23]/pages/find/$")
LOCATION_PAGE = re.compile(r"/api/v[23]/pages/(\d+)/")
# What a stored response may vary on: the key covers Accept (v2's negotiation, see
# cache.variant), and only requests without valid credentials are stored or served.
KEYED_VARY = {"accept", "authorization", "cookie"}
API_CONTENT_TYPES = ("application/json", "application/problem+json")


def _valid_token(request):
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        return False
    from wagtail.models import APIToken

    return APIToken.objects.filter(
        key_hash__in=APIToken.candidate_key_hashes(token),
        revoked_at__isnull=True,
        user__is_active=True,
    ).exists()


def _valid_session(request):
    session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not session_key:
        return False
    engine = import_module(settings.SESSION_ENGINE)
    return bool(engine.SessionStore(session_key).load())


def has_credentials(request):
    """Whether the request carries valid credentials (decided once per request; a request
    with neither an ``Authorization`` header nor a session cookie costs nothing)."""
    known = getattr(request, "httpcache_credentials", None)
    if known is None:
        known = request.httpcache_credentials = _valid_token(request) or _valid_session(request)
    return known


def is_api_path(request):
    return cache.is_api_path(request.path)


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
        response["Content-Length"] = str(len(entry.body))
        if entry.location:
            response["Location"] = response.url = entry.location
    response["ETag"] = entry.etag
    response["X-Response-Cache"] = "hit"
    if cache.variant(request):
        patch_vary_headers(response, ["Accept"])
    return public(response, request)


def url_tags(request, response):
    if match := PAGE_DETAIL.match(request.path):
        return {cache.page_tag(match[1])}
    if PAGE_FIND.match(request.path) and (
        match := LOCATION_PAGE.search(response.get("Location", ""))
    ):
        return {cache.page_tag(match[1])}
    return set()


def storable(request, response):
    """Whether any request with this request's key would get exactly this response."""
    if response.streaming or response.cookies or response.status_code not in (200, 302):
        return False
    control = response.get("Cache-Control", "")
    if "private" in control or "no-store" in control:
        return False
    if request.META.get("CSRF_COOKIE_USED") or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # the body holds this visitor's CSRF token
    vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", "")) if v.strip()}
    if vary - KEYED_VARY:
        return False
    content_type = response.get("Content-Type", "").split(";")[0].strip()
    if is_api_path(request) and response.status_code != 302:
        return content_type in API_CONTENT_TYPES and params_read(request)
    return params_read(request)


def params_read(request):
    """Whether the view reads every parameter of the query (see ``cache.tag``)."""
    read = getattr(request, "httpcache_params", set())
    return all(name in read for name, _values in cache.query_items(request))


logger = logging.getLogger(__name__)


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
        if key is None:  # an answer the key cannot tell apart (see cache.variant)
            return self.get_response(request)
        try:
            entry, started = cache.lookup_with_generation(key)
        except Exception:  # noqa: BLE001 - fail open: any store error means no cache
            # Without Redis the shared versions live in the database: while it is away, answer
            # without the cache (the view fails or answers as it would, e.g. /health/ready/).
            logger.warning("Response cache: shared versions unreadable, answering uncached")
            return self.get_response(request)
        if entry is not None:
            try:
                cache.hit(entry, request)
            except Exception:  # noqa: BLE001 - a side effect of the view, never the answer
                logger.exception("Response cache: the hit handler of an entry failed")
            return from_entry(entry, request)
        response = self.get_response(request)
        tags = getattr(request, "content_tags", set()) | url_tags(request, response)
        if not tags:
            return response
        if storable(request, response):
            # The ETag Django would give the body, so a later hit answers If-None-Match alike.
            try:
                entry = cache.save(
                    key, response, tags, started, getattr(request, "httpcache_on_hit", ())
                )
            except Exception:  # noqa: BLE001 - fail open, as above
                logger.warning("Response cache: shared versions unreadable, answer not stored")
                entry = None
            if entry is not None and not response.has_header("ETag"):
                response["ETag"] = entry.etag
        if response.status_code in (200, 304):
            public(response, request)
        return response
