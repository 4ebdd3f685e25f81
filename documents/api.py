"""Publications in both APIs: Wagtail's v2 ``documents`` endpoint and the anonymous v3
listing (the catalogue of the library page, with the same filters)."""

from typing import Literal

from django.shortcuts import get_object_or_404
from ninja import Query, Router
from ninja.errors import HttpError
from ninja.pagination import paginate
from pydantic import Field
from wagtail.api.v2.serializers import TagsField
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.documents.api.v2.views import DocumentsAPIViewSet

from api.pagination import Listing, Pagination
from content.resolution import Resolution
from content.visibility import visible

from .catalogue import Catalogue, PublicationFilter
from .models import NEWEST_FIRST, OLDEST_FIRST, Publication, publications_only
from .values import PublicationValue, publication_value

router = Router(tags=["publications"])


class PrefetchedTagsField(TagsField):
    """Tag names from the prefetched tags (Wagtail's field queries once per document)."""

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())


class PublicationSerializer(DocumentSerializer):
    def build_property_field(self, field_name, model_class):
        field_class, kwargs = super().build_property_field(field_name, model_class)
        if field_class is TagsField:  # Wagtail's choice for a TaggableManager
            return PrefetchedTagsField, kwargs
        return field_class, kwargs


class PublicationsAPIViewSet(DocumentsAPIViewSet):
    """v2 ``documents``: Wagtail's endpoint on the visible publications, tags in one query."""

    base_serializer_class = PublicationSerializer

    def get_queryset(self):
        return visible(BaseAPIViewSet.get_queryset(self)).prefetch_related("tags")


class PublicationListFilter(PublicationFilter):
    order: Literal["date", "-date"] = Field("-date", description="By publication date.")


@router.get(
    "/",
    response=list[PublicationValue],
    operation_id="publications_list",
    summary="List public publications (the library page's filters)",
)
@paginate(Pagination)
def list_publications(request, filters: Query[PublicationListFilter]):
    catalogue = Catalogue(PublicationFilter(**filters.model_dump(exclude={"order"})))
    if not catalogue.is_valid:
        raise HttpError(
            400, " ".join(str(message) for _label, message in catalogue.error_messages())
        )
    order = OLDEST_FIRST if filters.order == "date" else NEWEST_FIRST
    return Listing(
        catalogue.publications(order),
        lambda objects, res: [publication_value(p, res) for p in objects],
    )


@router.get(
    "/{publication_id}/",
    response=PublicationValue,
    operation_id="publications_detail",
    summary="A public publication",
)
def get_publication(request, publication_id: int):
    queryset = visible(Publication.objects.select_related(*Publication.value_select_related))
    publication = get_object_or_404(publications_only(queryset), pk=publication_id)
    res = Resolution()
    res.add([publication])
    return publication_value(publication, res.load())
