from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock


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
