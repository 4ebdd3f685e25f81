"""The v3 OpenAPI document, served from Wagtail's Ninja API with one correction.

Wagtail's ``AllowAnonymous`` auth appears in the document as an HTTP security scheme without
a ``scheme``, which OpenAPI 3.1 forbids (validators and client generators reject the whole
document). OpenAPI's own way to say "no authentication needed" is an empty security
requirement, so the scheme is dropped and each ``{"AllowAnonymous": []}`` becomes ``{}``.
"""

import copy

from django.conf import settings
from django.http import Http404, JsonResponse
from wagtail.api.v3.urls import api

ANONYMOUS = "AllowAnonymous"


def openapi_json(request):
    if not getattr(settings, "WAGTAILAPI_DOCS_ENABLED", True):
        raise Http404
    schema = copy.deepcopy(dict(api.get_openapi_schema()))
    schemes = schema.get("components", {}).get("securitySchemes", {})
    schemes.pop(ANONYMOUS, None)
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            if isinstance(operation, dict) and "security" in operation:
                operation["security"] = [
                    {} if ANONYMOUS in requirement else requirement
                    for requirement in operation["security"]
                ]
    return JsonResponse(schema, json_dumps_params={"ensure_ascii": False})
