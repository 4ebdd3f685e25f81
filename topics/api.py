"""Anonymous read endpoint for the list of topics (v3). A topic's full value is the page
detail (``/api/v3/pages/{id}/`` or ``pages/find/?html_path=``)."""

from django.conf import settings
from django.http import Http404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from api.openapi import problems
from api.pagination import Listing, Pagination
from content.visibility import visible

from .models import TopicPage
from .values import TopicTeaserValue, topic_teaser_value

router = Router(tags=["topics"])


class TopicFilter(Schema):
    fachbereich: int | None = None
    locale: str | None = Field(
        None,
        description="Only the topics in this language (`de`, `de-x-ls`, `en`, `ar`, …; see "
        "`/api/v3/languages/`); without it, every language's.",
    )


@router.get(
    "/",
    response=list[TopicTeaserValue],
    operation_id="topics_list",
    summary="List published topics (teasers)",
    openapi_extra=problems(404),
)
@paginate(Pagination)
def list_topics(request, filters: Query[TopicFilter]):
    queryset = visible(TopicPage.objects.all()).order_by("title", "pk")
    if filters.fachbereich is not None:
        queryset = queryset.filter(fachbereich=filters.fachbereich)
    if filters.locale is not None:
        if filters.locale not in settings.SITE_LANGUAGES:
            raise Http404(f"The site has no language {filters.locale!r}.")
        queryset = queryset.filter(locale__language_code=filters.locale)
    return Listing(queryset, lambda objects, res: [topic_teaser_value(t, res) for t in objects])
