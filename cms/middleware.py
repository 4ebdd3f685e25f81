"""Request guards for the delivery API."""

from django.conf import settings
from django.http import JsonResponse
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)

MAX_SEARCH_LENGTH = 255


class APIQueryLimitsMiddleware:
    """Answers 400 for an over-long ``search`` parameter under ``/api/`` before any view runs.

    Wagtail's v2 and v3 listings accept a search term of any length and run it; a 60,000
    character term is never a real search, only load on the database. (The site search API
    validates its own ``q``.)
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        searches = request.GET.getlist("search")
        if request.path.startswith("/api/") and any(len(s) > MAX_SEARCH_LENGTH for s in searches):
            return self.bad_request(
                request, f"query parameter 'search' is longer than {MAX_SEARCH_LENGTH} characters"
            )
        if request.path == V3_PAGE_LISTING and (unknown := unknown_page_listing_params(request)):
            return self.bad_request(request, f"unknown query parameter(s): {', '.join(unknown)}")
        return self.get_response(request)

    @staticmethod
    def bad_request(request, message):
        if request.path.startswith("/api/v2/"):
            return JsonResponse({"message": message}, status=400)
        problem = {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": message}
        return JsonResponse(problem, status=400, content_type="application/problem+json")


V3_PAGE_LISTING = "/api/v3/pages/"


def unknown_page_listing_params(request):
    """Query parameters that Wagtail's v3 page listing would silently ignore.

    The listing accepts its declared parameters plus field filters for the requested page
    type, and drops anything else (``skip_invalid=True``), so a misspelt filter returns every
    page. Here the same rules decide, without skipping. An invalid ``type`` is left for the
    view, which answers it with its own 4xx.
    """
    from wagtail.api.v3.routers.pages import PageFilterSchema
    from wagtail.api.v3.schemas.pages import BASE_PAGE_READ_FIELDS
    from wagtail.api.v3.schemas.params import OrderingSchema, SearchSchema
    from wagtail.api.validators import APIFieldValidator
    from wagtail.coreutils import resolve_model_string
    from wagtail.models import Page

    declared = {"limit", "offset"}
    for schema in (PageFilterSchema, OrderingSchema, SearchSchema):
        declared |= {field.alias or name for name, field in schema.model_fields.items()}
    rest = [name for name in request.GET if name not in declared]
    if not rest:
        return []
    types = request.GET.getlist("type")
    model = Page
    if len(types) == 1:
        try:
            model = resolve_model_string(types[0])
        except (LookupError, ValueError):
            return []
        if not issubclass(model, Page):
            return []
    validator = APIFieldValidator(
        model=model, fields=rest, base_fields=BASE_PAGE_READ_FIELDS, skip_invalid=True
    )
    allowed = set(validator.fields)
    return [name for name in rest if name not in allowed]


class APICacheMiddleware:
    """HTTP caching for API reads: public GETs get ``ETag`` and ``Cache-Control: public``, and
    a matching ``If-None-Match`` gets ``304``; anything read with credentials (a bearer token or
    a logged-in session, which may see drafts or restricted pages) gets ``private, no-store``.
    Responses that set their own ``Cache-Control`` (the preview) keep it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith("/api/") or request.method not in ("GET", "HEAD"):
            return response
        if response.has_header("Cache-Control") and "no-store" in response["Cache-Control"]:
            return response
        if request.headers.get("Authorization") or _logged_in(request):
            response.headers.pop("ETag", None)
            patch_cache_control(response, private=True, no_store=True)
            return response
        if response.status_code != 200 or response.streaming:
            return response
        patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
        patch_vary_headers(response, ["Authorization"])
        set_response_etag(response)
        return get_conditional_response(request, etag=response["ETag"], response=response)


def _logged_in(request):
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)
