"""Query parameter policy shared by both API versions.

Wagtail and Ninja validate each endpoint's declared parameters. What they let through and this
module stops, with a ``400 application/problem+json`` that names the parameter:

- values no database can take, which would otherwise answer 500: a NUL character, a
  non-numeric ``id``, an integer beyond 64 bits in any integer parameter (v3 declares their
  types; field filters of both versions are integers when the listed model's field is an
  integer or a relation to one), a ``site`` whose port is not a port number;
- searches longer than :data:`MAX_SEARCH_LENGTH` characters;
- on v3, parameters the operation does not declare: Ninja ignores them, so a misspelt filter
  or ``?fields=`` (a v2 parameter) silently returned everything. The v3 page listing also
  takes field filters of the requested page type (``?slug=``), decided by the listing's own
  field filter (Wagtail's ``APIFieldFilterSchema``).

What passes, it rewrites in one respect: ``search`` is plain words (:func:`plain_search`).
Control characters and double quotes count as spaces: Wagtail's search backend on SQLite
(FTS5) answers 500 to an unbalanced ``"`` and to a search of nothing but spaces, and its
PostgreSQL backend ignores both anyway.

v2 applies it in :class:`StrictAPIRouter` (around every v2 view), v3 as a Ninja view decorator
(:func:`strict_query`) registered on Wagtail's API in ``DeliveryConfig.ready()``.
"""

import functools
import types
import typing
import unicodedata

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.http import QueryDict
from wagtail.api.v3.errors import problem_response

from httpcache import cache

MAX_SEARCH_LENGTH = 255
MAX_INTEGER = 2**63 - 1
MAX_PORT = 65535
INTEGER_PARAMETERS = ("id", "limit", "offset")
SEARCH_PARAMETERS = ("search",)
# The site search cleans its own ``q`` (control characters dropped, a German message for an
# overlong query), so its value is left to it.
SELF_CLEANED = {"q"}


def bad_request(detail):
    return problem_response(status=400, detail=detail)


def query_problem(query, integers=()):
    """What is wrong with these query parameters whatever the endpoint, or ``None``.
    ``integers``: further names whose values must fit a 64-bit integer."""
    for name, values in query.lists():
        if name in SELF_CLEANED:
            continue
        if "\x00" in name or any("\x00" in value for value in values):
            return f"query parameter '{name.replace(chr(0), '')}' contains a NUL character"
    for name in SEARCH_PARAMETERS:
        if len(query.get(name, "")) > MAX_SEARCH_LENGTH:
            return f"query parameter '{name}' is longer than {MAX_SEARCH_LENGTH} characters"
    for name in sorted({*INTEGER_PARAMETERS, *integers}):
        for value in query.getlist(name):
            digits = value.strip().removeprefix("-")
            if not digits.isdigit():
                if name == "id":  # v2's find would raise on it; the rest are validated
                    return f"query parameter '{name}' must be an integer"
                continue
            if int(digits) > MAX_INTEGER:
                return f"query parameter '{name}' is too large"
    for site in query.getlist("site"):
        _, colon, port = site.partition(":")
        if colon and not (port.isdigit() and int(port) <= MAX_PORT):
            return "query parameter 'site' must be a host name, optionally with ':port'"
    return None


def plain_search(value):
    """A search as plain words: control characters and double quotes count as spaces."""
    spaced = "".join(
        " " if char == '"' or unicodedata.category(char) == "Cc" else char for char in value
    )
    return " ".join(spaced.split())


def with_plain_search(request):
    """Rewrite the request's ``search`` values with :func:`plain_search` (after the checks)."""
    values = request.GET.getlist("search")
    plain = [plain_search(value) for value in values]
    if plain != values:
        query = request.GET.copy()
        query.setlist("search", plain)
        request.GET = QueryDict(query.urlencode(), encoding=query.encoding)  # immutable again


def requested_model(query, model):
    """The model a listing of ``model`` lists for this query: for pages, the one page type
    ``?type=`` names (else ``Page``); ``None`` for a type that is not a page type."""
    from wagtail.coreutils import resolve_model_string
    from wagtail.models import Page

    types_ = [name for value in query.getlist("type") for name in value.split(",") if name]
    if model is None or not issubclass(model, Page) or len(types_) != 1:
        return model
    try:
        requested = resolve_model_string(types_[0])
    except (LookupError, ValueError):
        return None  # the listing answers an unknown type itself
    return requested if isinstance(requested, type) and issubclass(requested, Page) else None


def integer_fields(model, names):
    """The names among ``names`` of ``model``'s integer fields and foreign keys to an integer
    key (the field filters whose values the database reads as integers)."""
    found = set()
    for name in names if model is not None else ():
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if field.many_to_one or field.one_to_one:  # a foreign key filters by the target's key
            field = field.target_field
        if isinstance(field, models.IntegerField):
            found.add(name)
    return found


# -- v3 -----------------------------------------------------------------------------------------


# Borrowed: see cms/borrowed.py (ninja ParamModel: __ninja_param_source__, __ninja_flatten_map__)
def query_fields(operation):
    """``{name: annotation}`` of the query parameters the operation declares."""
    fields = {}
    for model in operation.models:
        if model.__ninja_param_source__ != "query":
            continue
        for name, path in model.__ninja_flatten_map__.items():
            annotation = model
            for part in path:
                annotation = annotation.model_fields[part].annotation
            fields[name] = annotation
    return fields


def is_integer(annotation):
    """Whether a parameter of this type may be an integer (``int``, ``PositiveInt``, a list of
    them, or a union with one, e.g. a page id or ``"root"``)."""
    if annotation is int:
        return True
    if typing.get_origin(annotation) in (typing.Annotated, typing.Union, types.UnionType, list):
        return any(is_integer(arg) for arg in typing.get_args(annotation))
    return False


def page_field_filters(query, names):
    """The names among ``names`` that the v3 page listing takes as field filters."""
    from wagtail.api.v3.schemas.pages import BASE_PAGE_READ_FIELDS
    from wagtail.api.v3.schemas.params import APIFieldFilterSchema
    from wagtail.models import Page

    model = requested_model(query, Page)
    if model is None:
        return names  # the listing answers an unknown type itself
    # The listing's own field filter, made as the listing makes it.
    field_filter = APIFieldFilterSchema(raw_params=query, base_fields=BASE_PAGE_READ_FIELDS)
    return set(field_filter.get_validated_fields(model.objects.none())) & set(names)


def page_integer_filters(query, names):
    from wagtail.models import Page

    return integer_fields(requested_model(query, Page), names)


# Operations that take more than their declared parameters, by url_name:
# (allowed(query, names), integers(query, allowed names))
EXTRA_PARAMETERS = {"list_pages": (page_field_filters, page_integer_filters)}


# Borrowed: see cms/borrowed.py (ninja BoundRouter._bind_operations: the bound Operation.run)
def strict_query(run):
    """Ninja view decorator: 400 for any query problem or undeclared parameter."""
    target = run  # the operation's bound ``run``, perhaps under other view decorators
    while not hasattr(target, "__self__") and hasattr(target, "__wrapped__"):
        target = target.__wrapped__
    operation = target.__self__

    @functools.cache
    def declared():
        fields = query_fields(operation)
        return set(fields), {name for name, annotation in fields.items() if is_integer(annotation)}

    @functools.wraps(run)
    def checked(request, *args, **kwargs):
        names, integers = declared()
        undeclared = set(request.GET) - names
        extra = EXTRA_PARAMETERS.get(getattr(operation, "url_name", None))
        if undeclared and extra:
            allowed = extra[0](request.GET, undeclared)
            undeclared -= allowed
            integers = integers | extra[1](request.GET, allowed)
        if problem := query_problem(request.GET, integers):
            return bad_request(problem)
        if undeclared:
            return bad_request(f"unknown query parameter(s): {', '.join(sorted(undeclared))}")
        with_plain_search(request)
        cache.tag(request, params=request.GET)  # all declared: the answer may be stored
        return run(request, *args, **kwargs)

    return checked


# -- v2 -----------------------------------------------------------------------------------------


# The query parameters Wagtail's v2 detail and find views read (wagtail/api/v2/views.py).
V2_READS = {
    "detail_view": {"fields", "rich_text_format", "format"},
    "find_view": {"id", "html_path", "fields", "rich_text_format", "format"},
}


# Borrowed: see cms/borrowed.py (DRF ViewSetMixin.as_view: view.cls)
def v2_checked(view):
    """Wrap a v2 view: 400 for any query problem (v2 rejects undeclared parameters itself).
    Field filters are integers where the endpoint's model (the requested page type) says so."""
    model = getattr(getattr(view, "cls", None), "model", None)
    action = (getattr(view, "actions", None) or {}).get("get")

    @functools.wraps(view)
    def checked(request, *args, **kwargs):
        integers = integer_fields(requested_model(request.GET, model), request.GET)
        if problem := query_problem(request.GET, integers):
            return bad_request(problem)
        with_plain_search(request)
        # What the view reads, for the response cache: a listing rejects any other parameter
        # itself; the detail and find ignore (find: pass on) the rest, so an answer to a
        # query with another parameter is not stored.
        reads = set(request.GET) if action == "listing_view" else V2_READS.get(action, set())
        cache.tag(request, params=reads)
        return view(request, *args, **kwargs)

    return checked
