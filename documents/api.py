"""Anonymous read endpoints for publications (v3): only those in public collections."""

from typing import Literal

from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema
from pydantic import Field
from taggit.managers import _TaggableManager
from wagtail.api.v2.serializers import TagsField
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.documents.api.v2.views import DocumentsAPIViewSet

from home.api_params import PaginationParams, paginated, reject_unknown_params

from .models import Publication, PublicationLanguage, PublicationType
from .schemas import PublicationSchema, publication_representation

router = Router(tags=["publications"])


class PrefetchedTagsField(TagsField):
    """Tag names from the prefetched tags (Wagtail's field queries once per document)."""

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())


class PublicationSerializer(DocumentSerializer):
    def build_property_field(self, field_name, model_class):
        if isinstance(getattr(model_class, field_name), _TaggableManager):
            return PrefetchedTagsField, {}
        return super().build_property_field(field_name, model_class)


class PublicationsAPIViewSet(DocumentsAPIViewSet):
    """v2 ``documents`` endpoint: Wagtail's, with tags loaded in one query for the whole page."""

    base_serializer_class = PublicationSerializer

    def get_queryset(self):
        return super().get_queryset().prefetch_related("tags")


PublicationTypeLiteral = Literal[tuple(PublicationType.values)]  # type: ignore[valid-type]
PublicationLanguageLiteral = Literal[tuple(PublicationLanguage.values)]  # type: ignore[valid-type]


class PublicationListSchema(Schema):
    count: int
    items: list[PublicationSchema]


class PublicationFilter(Schema):
    topic: int | None = Field(None, ge=1, description="Id of a topic page.")
    type: PublicationTypeLiteral | None = None
    year: int | None = Field(None, ge=1900, le=2100, description="Year of publication.")
    language: PublicationLanguageLiteral | None = None
    order: Literal["date", "-date"] = Field("-date", description="By publication date.")


@router.get(
    "/",
    response=PublicationListSchema,
    operation_id="publications_list",
    summary="List public publications",
)
def list_publications(
    request, pagination: Query[PaginationParams], filters: Query[PublicationFilter]
):
    reject_unknown_params(request, PaginationParams, PublicationFilter)
    queryset = Publication.objects.public()
    if filters.topic is not None:
        queryset = queryset.filter(topics=filters.topic)
    if filters.type is not None:
        queryset = queryset.filter(publication_type=filters.type)
    if filters.year is not None:
        queryset = queryset.filter(publication_date__year=filters.year)
    if filters.language is not None:
        queryset = queryset.filter(language=filters.language)
    date_order = "publication_date" if filters.order == "date" else "-publication_date"
    queryset = queryset.order_by(date_order, "title", "pk")
    return paginated(
        queryset, pagination, lambda publication: publication_representation(publication, request)
    )


@router.get(
    "/{publication_id}/",
    response=PublicationSchema,
    operation_id="publications_detail",
    summary="A public publication",
)
def get_publication(request, publication_id: int):
    reject_unknown_params(request)
    publication = get_object_or_404(Publication.objects.public(), pk=publication_id)
    return publication_representation(publication, request)
