"""Listings of the project's own v3 endpoints: Wagtail's limit/offset pagination, with the
page of objects resolved in bulk into values (one resolution per response)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet
from ninja import Field, Schema
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.models import Site

from content.resolution import Resolution
from content.visibility import ANONYMOUS

MAX_LIMIT = 100
MAX_OFFSET = 10_000


@dataclass
class Listing:
    """A queryset to page through and how to build the values of one page of it."""

    queryset: QuerySet
    build: Callable  # (objects, resolution) -> values
    reader: object = ANONYMOUS
    # The language the values are built in (``Resolution.language``); German if unset.
    language: str | None = None


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
        res = Resolution(listing.reader, Site.find_for_request(request), language=listing.language)
        res.add(objects)
        result["items"] = listing.build(objects, res.load())
        return result
