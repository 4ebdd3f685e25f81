"""The v3 OpenAPI documents: the reading API's own, and the token operations' apart.

Wagtail's Ninja API describes every operation of ``/api/v3/`` in one document: the anonymous
reads next to Wagtail's write and admin operations (pages, sites, images, documents, …), each
with its ``200`` only. From that one document this module makes two:

- ``/api/v3/openapi.json``, **the read document**: every ``GET`` an anonymous reader may call,
  and only the component schemas they reach, so a client generated from it carries nothing of
  the write API. The Swagger UI at ``/api/v3/docs/`` shows it.
- ``/api/v3/openapi-admin.json``, **the token document**: every operation that needs an API
  token (``Authorization: Bearer …``, the ``BearerTokenAuth`` security scheme), with the same
  error answers plus ``401``/``403``.

In both, every operation documents each answer it can give besides its ``200``: the errors as
one reusable ``application/problem+json`` schema (:data:`PROBLEM`), ``304`` to a conditional
request (Django's ``ConditionalGetMiddleware`` and the response cache answer ``If-None-Match``
on every ``GET``), ``503`` with ``Retry-After`` while the database is unreachable (``ops``).
Operations declare their own further answers next to their definition with
``openapi_extra=problems(404, 429, …)``; Wagtail's operations get theirs here
(:data:`WAGTAIL_ANSWERS`).

The page detail union (Wagtail's ``oneOf`` of every page type's schema, "discriminated by
``meta.type``") becomes one component, :data:`PAGE_DETAIL`, with an OpenAPI ``discriminator``
on the top-level ``type`` that :func:`api.fields.register_v3_page_schemas` gives each page
type's read schema, so a generated client narrows ``switch (page.type)``.

One correction stays from before: Wagtail's ``AllowAnonymous`` auth appears as an HTTP security
scheme without a ``scheme``, which OpenAPI 3.1 forbids; OpenAPI's own way to say "no
authentication needed" is an empty requirement, so each ``{"AllowAnonymous": []}`` becomes
``{}``.
"""

import copy
import functools
import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, JsonResponse
from django.utils import translation

ANONYMOUS = "AllowAnonymous"
BEARER = "BearerTokenAuth"  # the security scheme's name
PROBLEM = "Problem"
PAGE_DETAIL = "PageDetail"
PROBLEM_JSON = "application/problem+json"
REF = "#/components/schemas/"

PROBLEM_SCHEMA = {
    "type": "object",
    "title": PROBLEM,
    "description": "An error (RFC 9457 problem details): `status` and `title` as the HTTP "
    "status, `detail` says what went wrong (e.g. which query parameter), `errors` lists the "
    "single validation errors of a 422.",
    "properties": {
        "type": {"type": "string", "description": "`about:blank`"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {"type": "array", "items": {"type": "object", "additionalProperties": True}},
    },
    "required": ["type", "title", "status"],
}

RETRY_AFTER = {
    "Retry-After": {
        "description": "Seconds to wait before trying again.",
        "required": True,
        "schema": {"type": "string", "pattern": "^[0-9]+$"},
    }
}

# What each status means, whichever operation answers it.
MEANINGS = {
    400: "A query parameter the operation does not take, or a value no database can take (a "
    "NUL character, an integer beyond 64 bits, a search over 255 characters).",
    401: "An API token is required (`Authorization: Bearer …`), or the one sent is not valid.",
    403: "The token's user may not do this, or the preview token is invalid, expired or for "
    "another page.",
    404: "Nothing the reader may see is found (unknown, draft, unpublished or restricted).",
    409: "The change conflicts with the current state.",
    422: "A parameter has the wrong type or is out of range (`errors` names it).",
    429: "Too many requests from this address: wait `Retry-After` seconds.",
    503: "The database is briefly unreachable: try again after `Retry-After` seconds.",
}


def problem_answer(status):
    answer = {
        "description": MEANINGS[status],
        "content": {PROBLEM_JSON: {"schema": {"$ref": REF + PROBLEM}}},
    }
    if status in (429, 503):
        answer["headers"] = copy.deepcopy(RETRY_AFTER)
    return answer


def problems(*statuses):
    """``openapi_extra`` of an operation that may also answer ``statuses`` with a problem."""
    return {"responses": {str(status): problem_answer(status) for status in statuses}}


NOT_MODIFIED = {"description": "Not modified: the `ETag` sent in `If-None-Match` still holds."}
FOUND = {
    "description": "The page's detail is at `Location` (an absolute URL).",
    "headers": {"Location": {"required": True, "schema": {"type": "string", "format": "uri"}}},
}

# Every read may answer these besides its own (the query policy's 400, Ninja's 422, the 503 of
# a database outage).
READ_ANSWERS = (400, 422, 503)
# Every token operation: also no or a bad token, a user without the permission, not found.
TOKEN_ANSWERS = (400, 401, 403, 404, 422, 503)
# Wagtail's own operations, by operation id: their answers beyond 200 and the above.
WAGTAIL_ANSWERS = {
    "pages_find": {"302": FOUND, **problems(404)["responses"]},
    "redirects_find": problems(404)["responses"],
    # A locale, ``child_of``, ``descendant_of`` or ``translation_of`` that does not exist.
    "pages_list": problems(404)["responses"],
}


def _is_anonymous_read(method, operation):
    security = operation.get("security")
    return method == "get" and (not security or any(not req for req in security))


def _references(node):
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str) and node["$ref"].startswith(REF):
            yield node["$ref"].removeprefix(REF)
        for value in node.values():
            yield from _references(value)
    elif isinstance(node, list):
        for value in node:
            yield from _references(value)


def _reachable(schemas, roots):
    """The names of ``schemas`` that ``roots`` reach through ``$ref``, transitively."""
    seen, todo = set(), list(_references(roots))
    while todo:
        name = todo.pop()
        if name not in seen and name in schemas:
            seen.add(name)
            todo.extend(_references(schemas[name]))
    return seen


def _page_union_mapping():
    """``{label: $ref}`` of every page type's read schema, as Wagtail's detail union has them."""
    from wagtail.api.v3.registry import registry
    from wagtail.models import get_page_models

    mapping = {}
    for model in get_page_models():
        registration = registry.get(model._meta.label)
        if registration is not None and registration.read_schema is not None:
            mapping[model._meta.label] = REF + registration.read_schema.__name__
    return mapping


def _discriminate_page_unions(node, mapping):
    """Replace each inline page detail union under ``node`` with a ``$ref`` to
    :data:`PAGE_DETAIL`."""
    refs = set(mapping.values())
    if isinstance(node, dict):
        for key, value in node.items():
            if (
                isinstance(value, dict)
                and isinstance(value.get("oneOf"), list)
                and {branch.get("$ref") for branch in value["oneOf"]} == refs
            ):
                node[key] = {"$ref": REF + PAGE_DETAIL}
            else:
                _discriminate_page_unions(value, mapping)
    elif isinstance(node, list):
        for value in node:
            _discriminate_page_unions(value, mapping)


def _with_answers(operation, statuses, extra=None):
    responses = operation.setdefault("responses", {})
    if operation.get("_method") == "get":
        responses.setdefault("304", NOT_MODIFIED)
    for status in statuses:
        responses.setdefault(str(status), problem_answer(status))
    for status, answer in (extra or {}).items():
        responses.setdefault(status, answer)


@functools.cache
def documents():
    """``(read, token)``: the two documents, made once per process from Wagtail's API."""
    from wagtail.api.v3.urls import api

    # Plain, independent dicts; lazy texts in the site's language, whoever asks first.
    with translation.override(settings.LANGUAGE_CODE):
        full = json.loads(json.dumps(api.get_openapi_schema(), cls=DjangoJSONEncoder))
    schemas = full.setdefault("components", {}).setdefault("schemas", {})
    full["components"].setdefault("securitySchemes", {}).pop(ANONYMOUS, None)
    schemas[PROBLEM] = PROBLEM_SCHEMA
    mapping = _page_union_mapping()
    schemas[PAGE_DETAIL] = {
        "title": PAGE_DETAIL,
        "description": "A page's detail: one schema per page type, chosen by the top-level "
        "`type` (the content type label, also in `meta.type`).",
        "oneOf": [{"$ref": ref} for ref in mapping.values()],
        "discriminator": {"propertyName": "type", "mapping": mapping},
    }
    _discriminate_page_unions(full["paths"], mapping)
    _discriminate_page_unions(
        {name: schema for name, schema in schemas.items() if name != PAGE_DETAIL}, mapping
    )

    read_paths, token_paths = {}, {}
    for path, operations in full["paths"].items():
        for method, operation in operations.items():
            if "security" in operation:
                operation["security"] = [
                    {} if ANONYMOUS in requirement else requirement
                    for requirement in operation["security"]
                ]
            operation["_method"] = method
            extra = WAGTAIL_ANSWERS.get(operation.get("operationId"))
            if _is_anonymous_read(method, operation):
                _with_answers(operation, READ_ANSWERS, extra)
                if any(p.get("in") == "path" for p in operation.get("parameters", [])):
                    _with_answers(operation, (404,))
                read_paths.setdefault(path, {})[method] = operation
            else:
                _with_answers(operation, TOKEN_ANSWERS, extra)
                token_paths.setdefault(path, {})[method] = operation
            del operation["_method"]

    def document(paths, title, description, security_schemes):
        doc = {key: value for key, value in full.items() if key not in ("paths", "components")}
        doc["info"] = {**full.get("info", {}), "title": title, "description": description}
        doc["paths"] = paths
        used = _reachable(schemas, paths)
        components = {"schemas": {name: schemas[name] for name in schemas if name in used}}
        if security_schemes:
            components["securitySchemes"] = full["components"]["securitySchemes"]
        doc["components"] = components
        return doc

    uses_token = any(
        BEARER in requirement
        for operations in read_paths.values()
        for operation in operations.values()
        for requirement in operation.get("security") or []
    )
    read = document(
        read_paths,
        "Der Paritätische NRW – Lese-API (v3)",
        "Everything the public site shows, readable anonymously, one request per page. "
        "Operations that need an API token are in `/api/v3/openapi-admin.json`.",
        uses_token,
    )
    token = document(
        token_paths,
        "Der Paritätische NRW – API mit Token (v3)",
        "Wagtail's write and admin operations: each needs an API token "
        "(`Authorization: Bearer …`). The anonymous reads are in `/api/v3/openapi.json`.",
        True,
    )
    return read, token


def _answer(document):
    if not getattr(settings, "WAGTAILAPI_DOCS_ENABLED", True):
        raise Http404
    return JsonResponse(document, json_dumps_params={"ensure_ascii": False})


def openapi_json(request):
    """The read document (anonymous ``GET`` operations)."""
    return _answer(documents()[0])


def openapi_admin_json(request):
    """The token document (Wagtail's write and admin operations)."""
    return _answer(documents()[1])
