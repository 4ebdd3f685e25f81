"""Anonymous read endpoint for the list of topics (v3). A topic's full value is the page
detail (``/api/v3/pages/{id}/`` or ``pages/find/?html_path=``)."""

from ninja import Query, Router, Schema
from ninja.pagination import paginate

from api.pagination import Listing, Pagination
from content.visibility import visible

from .models import TopicPage
from .values import TopicTeaserValue, topic_teaser_value

router = Router(tags=["topics"])


class TopicFilter(Schema):
    fachbereich: int | None = None


@router.get(
    "/",
    response=list[TopicTeaserValue],
    operation_id="topics_list",
    summary="List published topics (teasers)",
)
@paginate(Pagination)
def list_topics(request, filters: Query[TopicFilter]):
    queryset = visible(TopicPage.objects.all()).order_by("title", "pk")
    if filters.fachbereich is not None:
        queryset = queryset.filter(fachbereich=filters.fachbereich)
    return Listing(queryset, lambda objects, res: [topic_teaser_value(t, res) for t in objects])
