"""Query parameters shared by the public v3 listing endpoints: strict paging, strict names."""

from django.db.models import QuerySet
from ninja import Schema
from ninja.errors import HttpError
from pydantic import Field

MAX_LIMIT = 100


class PaginationParams(Schema):
    limit: int = Field(20, ge=1, le=MAX_LIMIT, description=f"Items per page, 1 to {MAX_LIMIT}.")
    offset: int = Field(0, ge=0, le=1_000_000, description="Items to skip.")


def reject_unknown_params(request, *schemas, allowed=()):
    """Answer 400 for a query parameter no schema declares (a typo must not silently match all)."""
    known = {name for schema in schemas for name in schema.model_fields} | set(allowed)
    unknown = sorted(set(request.GET) - known)
    if unknown:
        raise HttpError(
            400,
            f"Unknown query parameter(s): {', '.join(unknown)}. "
            f"Allowed: {', '.join(sorted(known))}.",
        )


def paginated(queryset: QuerySet, pagination: PaginationParams, represent):
    """``{"count": ..., "items": [...]}`` in two queries (plus the items' own prefetches)."""
    items = queryset[pagination.offset : pagination.offset + pagination.limit]
    return {"count": queryset.count(), "items": [represent(item) for item in items]}
