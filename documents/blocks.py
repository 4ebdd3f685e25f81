from django.utils.translation import gettext_lazy as _
from pydantic import Field
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from blocks.base import ResolvedBlock
from content.resolution import list_items
from content.values import Value
from content.visibility import visible

from .models import Publication, publications_only
from .values import PublicationValue, publication_value


class PublicationsValue(Value):
    heading: str
    publications: list[PublicationValue] = Field(description="Only publicly available ones.")


class PublicationsBlock(ResolvedBlock, blocks.StructBlock):
    """Hand-picked publications, e.g. the brochures that belong to a section."""

    heading = blocks.CharBlock(label=_("Überschrift"), default="Publikationen", max_length=200)
    publications = blocks.ListBlock(
        DocumentChooserBlock(label=_("Publikation")), label=_("Publikationen"), min_num=1
    )

    value_type = PublicationsValue

    class Meta:
        icon = "doc-full"
        label = _("Publikationen")
        template = "documents/blocks/publications.html"
        description = _("Eine Liste ausgewählter Publikationen zum Herunterladen.")

    preview_empty_text = _("Es gibt noch keine öffentlichen Publikationen.")

    def get_preview_value(self):
        chosen = list(publications_only(visible(Publication.objects.order_by("-pk")))[:2])
        return self.normalize({"heading": "Publikationen", "publications": chosen})

    def get_searchable_content(self, value):
        """Nothing: the heading is shown only over a public publication, which the search
        index cannot follow (publications are found on their own)."""
        return []

    def resolve(self, raw, res):
        # Documents in private collections may be chosen in the admin but are never listed.
        chosen = [res.document(pk) for pk in list_items(raw.get("publications"))]
        publications = [publication_value(p, res) for p in chosen if p is not None]
        if not publications:
            return None
        return PublicationsValue(heading=raw.get("heading") or "", publications=publications)


def hand_picked_ids(stream_block, raw):
    """Ids chosen in a stream's publications blocks (raw data: nothing is loaded)."""
    return {
        pk
        for item in raw or ()
        if isinstance(item, dict)
        and isinstance(stream_block.child_blocks.get(item.get("type")), PublicationsBlock)
        for pk in list_items((item.get("value") or {}).get("publications"))
        if pk
    }
