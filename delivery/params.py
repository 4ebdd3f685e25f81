"""Query parameter policy shared by both API versions.

Wagtail and Ninja validate each endpoint's declared parameters. What they let through and this
module stops, with a ``400 application/problem+json`` that names the parameter:

- values no database can take (a NUL character, an integer beyond 64 bits, a non-numeric
  ``id``) which would otherwise reach PostgreSQL and answer 500;
- searches longer than :data:`MAX_SEARCH_LENGTH` characters;
- on v3, parameters the operation does not declare: Ninja ignores them, so a misspelt filter
  or ``?fields=`` (a v2 parameter) silently returned everything. The v3 page listing also
  takes field filters of the requested page type (``?slug=``), decided by Wagtail's own
  :class:`~wagtail.api.validators.APIFieldValidator` as the listing itself does.

v2 applies it in :class:`StrictAPIRouter` (around every v2 view), v3 as a Ninja view decorator
(:func:`strict_query`) registered on Wagtail's API in ``DeliveryConfig.ready()``.
"""

import functools

from wagtail.api.v3.errors import problem_response

MAX_SEARCH_LENGTH = 255
MAX_INTEGER = 2**63 - 1
INTEGER_PARAMETERS = ("id", "limit", "offset")
SEARCH_PARAMETERS = ("search",)
# The site search cleans its own ``q`` (control characters dropped, a German message for an
# overlong query), so its value is left to it.
SELF_CLEANED = {"q"}


def bad_request(detail):
    return problem_response(status=400, detail=detail)


def query_problem(query):
    """What is wrong with these query parameters whatever the endpoint, or ``None``."""
    for name, values in query.lists():
        if name in SELF_CLEANED:
            continue
        if "\x00" in name or any("\x00" in value for value in values):
            return f"query parameter '{name.replace(chr(0), '')}' contains a NUL character"
    for name in SEARCH_PARAMETERS:
        if len(query.get(name, "")) > MAX_SEARCH_LENGTH:
            return f"query parameter '{name}' is longer than {MAX_SEARCH_LENGTH} characters"
    for name in INTEGER_PARAMETERS:
        value = query.get(name)
        if value is None:
            continue
        digits = value.strip().lstrip("-")
        if not digits.isdigit():
            if name == "id":  # v2's find would raise on it; limit/offset are validated
                return f"query parameter '{name}' must be an integer"
            continue
        if int(digits) > MAX_INTEGER:
            return f"query parameter '{name}' is too large"
    return None


# -- v3 -----------------------------------------------------------------------------------------


def declared_query_names(operation):
    names = set()
    for model in operation.models:
        if model.__ninja_param_source__ == "query":
            names.update(model.__ninja_flatten_map__)
    return names


def page_field_filters(query, names):
    """The names among ``names`` that the v3 page listing takes as field filters."""
    from wagtail.api.v3.schemas.pages import BASE_PAGE_READ_FIELDS
    from wagtail.api.validators import APIFieldValidator
    from wagtail.coreutils import resolve_model_string
    from wagtail.models import Page

    types = query.getlist("type")
    model = Page
    if len(types) == 1:
        try:
            model = resolve_model_string(types[0])
        except (LookupError, ValueError):
            return names  # the listing answers an unknown type itself
        if not (isinstance(model, type) and issubclass(model, Page)):
            return names
    validator = APIFieldValidator(
        model=model,
        fields=names,
        base_fields=BASE_PAGE_READ_FIELDS,
        db_fields_only=True,
        skip_invalid=True,
    )
    return set(validator.fields)


# Operations that take more than their declared parameters: url_name -> allowed(query, names)
EXTRA_PARAMETERS = {"list_pages": page_field_filters}


def strict_query(run):
    """Ninja view decorator: 400 for any query problem or undeclared parameter."""
    target = run  # the operation's bound ``run``, perhaps under other view decorators
    while not hasattr(target, "__self__") and hasattr(target, "__wrapped__"):
        target = target.__wrapped__
    operation = target.__self__

    @functools.wraps(run)
    def checked(request, *args, **kwargs):
        if problem := query_problem(request.GET):
            return bad_request(problem)
        undeclared = set(request.GET) - declared_query_names(operation)
        if undeclared and (extra := EXTRA_PARAMETERS.get(getattr(operation, "url_name", None))):
            undeclared -= extra(request.GET, undeclared)
        if undeclared:
            return bad_request(f"unknown query parameter(s): {', '.join(sorted(undeclared))}")
        return run(request, *args, **kwargs)

    return checked


# -- v2 -----------------------------------------------------------------------------------------


def v2_checked(view):
    """Wrap a v2 view: 400 for any query problem (v2 rejects undeclared parameters itself)."""

    @functools.wraps(view)
    def checked(request, *args, **kwargs):
        if problem := query_problem(request.GET):
            return bad_request(problem)
        return view(request, *args, **kwargs)

    return checked
