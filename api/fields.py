"""How a page's delivered value reaches Wagtail's two APIs as its fields.

- Page fields: :func:`page_api_fields` turns a page type's value into ``api_fields``, one
  ``APIField(serializer=PageValueField(...))`` per field of the value. The page is resolved once
  per response (memoised on the page instance, which both versions pass to every field) and
  each field returns its part.

  v2 serialises the field inside its DRF serializer. v3 reads a custom field only through a
  compatibility shim that types it by ``to_representation``'s return annotation and always
  makes it optional and nullable (``return_type | None``, default ``None``), which no
  serializer or annotation can prevent. So :func:`register_v3_page_schemas` (run from
  ``DeliveryConfig.ready()``) registers, through Wagtail's public content type registry, each
  delivered page type's read schema again: Wagtail's own schema with every delivered field
  typed exactly as in the value type (required; nullable only where the value says so) and
  resolved from the page's value. This must happen before Wagtail's pages router is imported,
  because that router builds its response unions from the registry at import time.
  The same registration gives every page type's ``meta.parent`` v2's rule (:func:`_v3_parent`).
- URLs in values are made absolute against the configured base URL (``WAGTAILAPI_BASE_URL``)
  when serialised.
- The project's own endpoints return values; listings paginate with
  :class:`api.pagination.Pagination`. ``api.routers.v2_router`` is the v2 API.
"""

import functools
import sys
from dataclasses import replace
from typing import Literal

from django.core.exceptions import ImproperlyConfigured
from ninja import Field
from rest_framework import serializers
from wagtail.api import APIField
from wagtail.models import Page, Site, get_page_models

from content.values import to_json
from content.visibility import ANONYMOUS


def page_value(page, request=None):
    """The page's value for the API (anonymous reader), resolved once per page instance; the
    items of a listing (:func:`deliver_together`) are resolved together on the first ask."""
    value = page.__dict__.get("_delivered_value")
    if value is None:
        site = Site.find_for_request(request) if request is not None else None
        listing = page.__dict__.pop("_delivered_listing", None)
        if listing is not None:
            values = type(page).resolve_together(listing, ANONYMOUS, site)
            for item, item_value in zip(listing, values, strict=True):
                item.__dict__["_delivered_value"] = item_value
                item.__dict__.pop("_delivered_listing", None)
            value = page.__dict__["_delivered_value"]
        else:
            value = page.__dict__["_delivered_value"] = page.resolve(ANONYMOUS, site)
    return value


def deliver_together(pages):
    """Mark the pages of a listing so that the first delivered field asked of any of them
    resolves them all together (``ResolvedPage.resolve_together``): a listing with delivered
    fields costs the same queries for 5 pages as for 50. Nothing is resolved when no
    delivered field is asked for."""
    delivered = [page for page in pages if hasattr(page, "resolve_together")]
    for page in delivered:
        page.__dict__["_delivered_listing"] = delivered
    return pages


def resolved_before_validation(view_func):
    """Ninja operation decorator: a delivered page that a view returns is resolved before Ninja
    validates the response. Pydantic reports any error raised while it reads a field as a
    validation error (422); resolved here, a database outage surfaces as itself (the 503 of
    ``ops``) and nothing is resolved twice."""

    @functools.wraps(view_func)
    def view(request, *args, **kwargs):
        result = view_func(request, *args, **kwargs)
        if isinstance(result, Page) and hasattr(result, "value_type"):
            page_value(result, request)
        return result

    return view


class PageValueField(serializers.Field):
    """v2: a read-only DRF field returning one part of the page's delivered value, as JSON.

    ``info`` is the value type's field (a Pydantic ``FieldInfo``): its type and description
    also make the field's v3 schema (:func:`register_v3_page_schemas`).
    """

    def __init__(self, name, info, **kwargs):
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)
        self.value_name = name
        self.annotation = info.annotation
        self.description = info.description

    def to_representation(self, page):
        part = getattr(page_value(page, self.context.get("request")), self.value_name)
        return to_json(part, self.annotation)


def page_api_fields(value_type, *names):
    """``api_fields`` for the fields ``names`` (default: all) of a page's value type."""
    return [
        APIField(name, serializer=PageValueField(name, value_type.model_fields[name]))
        for name in names or value_type.model_fields
    ]


PAGES_ROUTER = "wagtail.api.v3.routers.pages"


# Borrowed: see cms/borrowed.py (wagtail SchemaGenerator._custom_serializer_schema)
def register_v3_page_schemas():
    """Register each page type's v3 read schema again: delivered fields typed and resolved from
    the page's value (see the module docstring), and ``meta.parent`` only where the API serves
    the parent (:func:`_v3_parent`). Call before Wagtail's pages router is imported, i.e. before
    ``wagtail.api.v3.urls``."""
    if PAGES_ROUTER in sys.modules:
        raise ImproperlyConfigured(
            f"{PAGES_ROUTER} was imported before the delivered page schemas were registered; "
            "its responses would type every delivered field as optional and nullable."
        )
    from wagtail.api.v3.registry import registry
    from wagtail.api.v3.schemas import read_generator

    for model in get_page_models():
        registration = registry.get(model._meta.label)
        if registration is None or registration.read_schema is None:
            continue
        schema = registration.read_schema
        meta = schema.model_fields["meta"].annotation
        meta_parent = meta.model_fields["parent"]
        fields = {
            "type": (
                Literal[model._meta.label],
                Field(description=_V3_TYPE_DESCRIPTION),
                staticmethod(_v3_type),
            ),
            "meta": (
                read_generator.extend_schema(
                    meta,
                    meta.__name__,
                    {
                        "parent": (
                            meta_parent.annotation,
                            Field(None, description=_V3_PARENT_DESCRIPTION),
                            staticmethod(_v3_parent),
                        )
                    },
                ),
                ...,
                None,
            ),
        }
        for field in APIField.get_fields_for_model(model):
            if isinstance(field.serializer, PageValueField):
                serializer = field.serializer
                fields[field.name] = (
                    serializer.annotation,
                    Field(description=serializer.description),  # no default: required
                    staticmethod(_v3_resolver(serializer.value_name)),
                )
        schema = read_generator.extend_schema(schema, schema.__name__, fields)
        registry.register(replace(registration, read_schema=schema))


_V3_TYPE_DESCRIPTION = (
    "The page type (content type label, as `meta.type`), at the top level so that a client "
    "narrows the page detail union on it (the document's `discriminator`)."
)


def _v3_type(page, context):
    return page._meta.label


_V3_PARENT_DESCRIPTION = (
    "The parent page, when this API serves it to the reader (as v2's `meta.parent`); "
    "`null` for a site's home page (its parent is the tree's root, which no site serves) "
    "and below an unpublished or restricted page."
)


def _v3_parent(page, context):
    """``meta.parent`` in v3 by v2's rule: the parent only if the API answers it for this
    request (``get_pages_queryset``, the detail endpoint's own queryset), so the link always
    resolves. Wagtail's v3 gives ``get_parent()``, which for a home page is the tree's root,
    answered with 404.

    For an anonymous reader this costs no query beyond Wagtail's own ``get_parent()``: the page
    itself passed the public queryset, and a view restriction applies to a whole subtree, so
    its parent passes it too unless it is not live or lies above the site's root page (the
    page is the site's home page). Token-authenticated readers see what their permissions
    allow, which only the queryset can tell."""
    from wagtail.api.v3.querysets import get_pages_queryset
    from wagtail.api.validators import SiteFilterValidator

    if page.depth <= 1:
        return None
    request = context["request"]
    if request.user.is_authenticated:
        parent_path = page.path[: -page.steplen]
        return get_pages_queryset(request).filter(path=parent_path).first()
    site = SiteFilterValidator(site=request.GET.get("site"), request=request).site_obj
    if (site is not None and page.pk == site.root_page_id) or page.depth == 2:
        # A home page (the site's, or its translation in another language): its parent is
        # the tree's root.
        return None
    parent = page.get_parent()
    return parent if parent is not None and parent.live else None


def _v3_resolver(name):
    def resolve(page, context):
        return getattr(page_value(page, context.get("request")), name)

    return resolve
