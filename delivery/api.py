"""How delivered values reach Wagtail's two APIs.

- Page fields: :func:`page_api_fields` turns a page type's value into ``api_fields``. Each is
  an ``APIField(serializer=...)``, the one way Wagtail 8.0's v3 reads custom fields (its
  compatibility shim types the field by ``to_representation``'s return annotation). One thin
  adapter serves both versions: the page is resolved once per response (memoised on the page
  instance, which both versions pass to every field) and each field returns its part.
  v3 binds the field without a parent, so it has no request; the value therefore never needs
  one: it is resolved for the anonymous reader and its URLs are made absolute against the one
  configured base URL (``WAGTAILAPI_BASE_URL``) when serialised.
- The project's own endpoints return values, listings paginate with :class:`Pagination`.
- ``v2_router`` is the v2 API; apps register their endpoints on it from ``ready()``.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from django.db.models import QuerySet
from ninja import Field, Schema
from pydantic import TypeAdapter
from rest_framework import serializers
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.models import Site

from .params import v2_checked
from .resolution import Resolution
from .visibility import ANONYMOUS


class StrictAPIRouter(WagtailAPIRouter):
    """Wagtail's v2 router; every view answers bad query values with 400 (:mod:`.params`)."""

    def wrap_view(self, func):
        return super().wrap_view(v2_checked(func))


v2_router = StrictAPIRouter("wagtailapi")


MAX_LIMIT = 100
MAX_OFFSET = 10_000


def delivered_value(page, request=None):
    """The page's value for the API (anonymous reader), resolved once per page instance."""
    value = page.__dict__.get("_delivered_value")
    if value is None:
        site = Site.find_for_request(request) if request is not None else None
        value = page.__dict__["_delivered_value"] = page.resolve(ANONYMOUS, site)
    return value


class DeliveredField(serializers.Field):
    """A read-only field returning one part of the page's delivered value.

    v2 serialises inside a DRF serializer (``parent`` is set): the part is dumped to JSON
    types here. v3 validates the returned object against the same type, so the typed value
    is returned as it is (no second conversion).
    """

    def __init__(self, name, annotation, **kwargs):
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)
        self.value_name = name
        self.annotation = annotation

    @cached_property
    def adapter(self):
        return TypeAdapter(self.annotation)

    def to_representation(self, page):
        part = getattr(delivered_value(page, self.context.get("request")), self.value_name)
        if self.parent is None:
            return part
        return self.adapter.dump_python(part, mode="json")


def page_api_fields(value_type, *names):
    """``api_fields`` for the fields ``names`` (default: all) of a page's value type."""
    fields = []
    for name in names or value_type.model_fields:
        annotation = value_type.model_fields[name].annotation

        def to_representation(self, page):
            return DeliveredField.to_representation(self, page)

        to_representation.__annotations__ = {"return": annotation}
        field_class = type(f"{value_type.__name__}_{name}", (DeliveredField,), {})
        field_class.to_representation = to_representation
        fields.append(APIField(name, serializer=field_class(name, annotation)))
    return fields


# -- Listings -----------------------------------------------------------------------------------


@dataclass
class Listing:
    """A queryset to page through and how to build the values of one page of it."""

    queryset: QuerySet
    build: Callable  # (objects, resolution) -> values
    reader: object = ANONYMOUS


class Pagination(WagtailLimitOffsetPagination):
    """Wagtail's limit/offset pagination (``{"count", "items"}``, 400 above the maximum) for
    :class:`Listing` results: the page of objects is resolved in bulk."""

    class Input(Schema):
        limit: int = Field(20, ge=1, description=f"Items per page, 1 to {MAX_LIMIT}.")
        offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Items to skip.")

    def paginate_queryset(self, queryset, pagination, request, **params):
        listing = queryset
        result = super().paginate_queryset(listing.queryset, pagination, request, **params)
        objects = list(result["items"])
        res = Resolution(listing.reader, Site.find_for_request(request))
        res.add(objects)
        result["items"] = listing.build(objects, res.load())
        return result
