from django.utils.translation import gettext_lazy as _
from ninja import Schema
from pydantic import Field
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock

from home.references import references_from
from home.schemas import request_from

from .schemas import PublicationSchema, publication_representation


class PublicationsBlockSchema(Schema):
    heading: str
    publications: list[PublicationSchema] = Field(description="Only publicly available ones.")


class PublicationsBlock(blocks.StructBlock):
    """Hand-picked publications, e.g. the brochures that belong to a section."""

    heading = blocks.CharBlock(label=_("Überschrift"), default="Publikationen", max_length=200)
    publications = blocks.ListBlock(
        DocumentChooserBlock(label=_("Publikation")), label=_("Publikationen"), min_num=1
    )

    class Meta:
        icon = "doc-full"
        label = _("Publikationen")
        template = "documents/blocks/publications.html"
        description = _("Eine Liste ausgewählter Publikationen zum Herunterladen.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # Documents in private collections may be chosen in the admin but are never listed.
        # One query (plus two for the covers) fetches the public ones in the editor's order.
        chosen_ids = [publication.pk for publication in value["publications"] if publication]
        public = get_document_model().objects.public().filter(pk__in=chosen_ids).for_listing()
        by_id = {publication.pk: publication for publication in public}
        context["publications"] = [by_id[pk] for pk in chosen_ids if pk in by_id]
        return context

    api_schema = PublicationsBlockSchema

    def get_api_representation(self, value, context=None):
        references = references_from(context, value)
        request = request_from(context)
        return {
            "heading": value["heading"],
            "publications": [
                publication_representation(publication, request)
                for publication in value["publications"]
                if publication and publication.pk in references.public_document_ids
            ],
        }
