"""HTTP caching headers of API reads.

Public reads (anonymous, no bearer token) may be cached by browsers and CDNs for
``API_CACHE_MAX_AGE`` seconds; anything read with credentials (a bearer token or a logged-in
session, which may see drafts or restricted pages) is ``private, no-store``. ETags and ``304``
answers come from Django's ``ConditionalGetMiddleware`` (placed above this one), which leaves
``no-store`` responses alone.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control, patch_vary_headers

from .visibility import Reader


class APICacheControlMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith("/api/") or request.method not in ("GET", "HEAD"):
            return response
        if response.has_header("Cache-Control"):
            return response  # the view decided (e.g. the preview: private, no-store)
        if request.headers.get("Authorization") or not Reader.for_request(request).is_anonymous:
            patch_cache_control(response, private=True, no_store=True)
        elif response.status_code == 200 and not response.streaming:
            patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
            patch_vary_headers(response, ["Authorization"])
        return response
