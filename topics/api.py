"""Anonymous read endpoint for the list of topics (v3). A topic's full representation is the
page detail (``/api/v3/pages/{id}/`` or ``pages/find/?html_path=``), built from ``api_fields``."""

from ninja import Query, Router, Schema

from home.api_params import PaginationParams, paginated, reject_unknown_params

from .models import TopicPage
from .schemas import TopicTeaserSchema, topic_teaser_representation

router = Router(tags=["topics"])


class TopicListSchema(Schema):
    count: int
    items: list[TopicTeaserSchema]


class TopicFilter(Schema):
    fachbereich: int | None = None


@router.get(
    "/",
    response=TopicListSchema,
    operation_id="topics_list",
    summary="List published topics (teasers)",
)
def list_topics(request, pagination: Query[PaginationParams], filters: Query[TopicFilter]):
    reject_unknown_params(request, PaginationParams, TopicFilter)
    queryset = (
        TopicPage.objects.live()
        .public()
        .select_related("hero_image")
        .prefetch_related("hero_image__renditions")
        .order_by("title", "pk")
    )
    if filters.fachbereich is not None:
        queryset = queryset.filter(fachbereich=filters.fachbereich)
    return paginated(queryset, pagination, lambda page: topic_teaser_representation(page, request))
