"""The shared StreamField vocabulary. App-specific blocks (contact persons, publications)
live in their apps and are combined with these in each page type's body."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from .block_schemas import (
    AccordionSchema,
    CallToActionSchema,
    CaptionedImageSchema,
    EmbedSchema,
    LinkListSchema,
    LinkSchema,
    QuoteSchema,
    SectionSchema,
)
from .references import StreamReferences, references_from
from .schemas import (
    image_representation,
    page_reference,
    request_from,
    rich_text_html,
)

# Section headings are h2; inside a section editors may use h3 and h4 so the outline stays intact.
RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class SectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Überschrift"),
        max_length=200,
        help_text=_("Die Überschrift des Abschnitts, erscheint auch im Inhaltsverzeichnis."),
    )
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "title"
        label = _("Abschnitt")
        template = "home/blocks/section.html"
        description = _("Ein Abschnitt mit Überschrift und Text.")
        preview_value = {
            "heading": "Soziale Beratung für Geflüchtete",
            "text": "<p>Viele Mitgliedsorganisationen beraten Menschen mit Fluchterfahrung.</p>",
        }

    api_schema = SectionSchema

    def get_api_representation(self, value, context=None):
        return {"heading": value["heading"], "text": rich_text_html(value["text"].source, context)}


class TextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "home/blocks/text.html"
        description = _("Ein Absatz Text ohne eigene Überschrift.")
        preview_value = "<p>Der Paritätische NRW berät seine Mitgliedsorganisationen.</p>"

    api_schema = str

    def get_api_representation(self, value, context=None):
        return rich_text_html(value.source, context)


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Bild"))
    caption = blocks.CharBlock(
        label=_("Bildunterschrift"),
        required=False,
        help_text=_("Sichtbar unter dem Bild, z. B. mit Fotonachweis."),
    )

    class Meta:
        icon = "image"
        label = _("Bild")
        template = "home/blocks/image.html"
        description = _("Ein Bild mit Alternativtext und optionaler Bildunterschrift.")

    api_schema = CaptionedImageSchema

    def get_api_representation(self, value, context=None):
        image = value["image"]
        return {
            "image": image
            and image_representation(
                image,
                request_from(context),
                alt=image.contextual_alt_text or "",
                decorative=bool(image.decorative),
            ),
            "caption": value["caption"],
        }


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Zitat"))
    attribution = blocks.CharBlock(
        label=_("Quelle"), required=False, help_text=_("Wer hat das gesagt?")
    )

    class Meta:
        icon = "openquote"
        label = _("Zitat")
        template = "home/blocks/quote.html"
        description = _("Ein hervorgehobenes Zitat mit Quellenangabe.")
        preview_value = {
            "quote": "Für uns stehen immer die Menschen im Mittelpunkt.",
            "attribution": "Der Paritätische NRW",
        }

    api_schema = QuoteSchema


class LinkBlock(blocks.StructBlock):
    """A link to a page, a document or an external address (exactly one of them)."""

    label = blocks.CharBlock(
        label=_("Linktext"),
        required=False,
        help_text=_("Leer lassen, um den Titel der Seite oder des Dokuments zu verwenden."),
    )
    page = blocks.PageChooserBlock(label=_("Seite"), required=False)
    document = DocumentChooserBlock(label=_("Dokument"), required=False)
    url = blocks.URLBlock(label=_("Externe Adresse"), required=False)

    class Meta:
        icon = "link"
        label = _("Link")
        template = "home/blocks/link.html"

    def clean(self, value):
        value = super().clean(value)
        targets = [name for name in ("page", "document", "url") if value.get(name)]
        if len(targets) != 1:
            message = _("Bitte genau ein Ziel wählen: eine Seite, ein Dokument oder eine Adresse.")
            raise StructBlockValidationError(non_block_errors=ErrorList([ValidationError(message)]))
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["label"] = link_label(value)
        return context

    api_schema = LinkSchema

    def get_api_representation(self, value, context=None):
        from documents.schemas import publication_representation

        references = references_from(context, value)
        request = request_from(context)
        page, document = value.get("page"), value.get("document")
        # A link to an unpublished or private page or document keeps its label, loses its target.
        if page and page.pk not in references.public_page_ids:
            page = None
        if document and document.pk not in references.public_document_ids:
            document = None
        url = value.get("url") or None
        if page:
            url = page.get_full_url(request)
        elif document:
            url = None
        return {
            "label": link_label(value),
            "url": url,
            "page": page and page_reference(page, request),
            "document": document and publication_representation(document, request),
        }


def link_label(value):
    """The visible text of a link: the editor's label, else the target's title or address."""
    if value.get("label"):
        return value["label"]
    if value.get("page"):
        return value["page"].title
    if value.get("document"):
        return value["document"].title
    return value.get("url") or ""


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Überschrift"), max_length=200)
    text = blocks.TextBlock(label=_("Text"), required=False)
    link = LinkBlock(label=_("Link"))

    class Meta:
        icon = "pick"
        label = _("Handlungsaufforderung")
        template = "home/blocks/call_to_action.html"
        description = _(
            "Ein hervorgehobener Kasten mit Text und einem Link, z. B. zu den Publikationen."
        )

    api_schema = CallToActionSchema


class LinkListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Überschrift"), max_length=200)
    links = blocks.ListBlock(LinkBlock(), label=_("Links"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Linkliste")
        template = "home/blocks/link_list.html"
        description = _("Eine Liste von Links zu Seiten, Dokumenten oder externen Angeboten.")

    api_schema = LinkListSchema


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), max_length=200)
    text = blocks.RichTextBlock(label=_("Inhalt"), features=RICH_TEXT_FEATURES)


class AccordionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Überschrift"), max_length=200, required=False)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Einträge"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("Aufklappbare Liste")
        template = "home/blocks/accordion.html"
        description = _("Fragen und Antworten oder Details, die Besucher aufklappen können.")
        preview_value = {
            "heading": "Häufige Fragen",
            "items": [{"title": "Wer kann beraten werden?", "text": "<p>Alle Geflüchteten.</p>"}],
        }

    api_schema = AccordionSchema

    def get_api_representation(self, value, context=None):
        return {
            "heading": value["heading"],
            "items": [
                {"title": item["title"], "text": rich_text_html(item["text"].source, context)}
                for item in value["items"]
            ],
        }


class ConsentEmbedBlock(blocks.StructBlock):
    """A video or other embed that loads from the external host only after the visitor agrees."""

    title = blocks.CharBlock(
        label=_("Titel"), help_text=_("Beschreibt den Inhalt, z. B. für Screenreader.")
    )
    embed = EmbedBlock(label=_("Adresse (URL)"), help_text=_("Z. B. ein YouTube- oder Vimeo-Link."))

    class Meta:
        icon = "media"
        label = _("Video / Einbettung")
        template = "home/blocks/embed.html"
        description = _(
            "Ein Video oder anderer externer Inhalt. Er wird erst geladen, wenn Besucher zustimmen."
        )

    api_schema = EmbedSchema

    def get_api_representation(self, value, context=None):
        # Only the address: the frontend asks for consent before it loads anything from the host.
        return {"title": value["title"], "url": value["embed"].url if value["embed"] else ""}


class APIStreamBlock(blocks.StreamBlock):
    """A stream whose API output loads every reference of the stream in one go."""

    def get_api_representation(self, value, context=None):
        if value is None:
            return []
        context = dict(context or {})
        if "references" not in context:
            context["references"] = StreamReferences(value)
        return super().get_api_representation(value, context)


class BaseStreamBlock(APIStreamBlock):
    """Blocks every content page offers."""

    section = SectionBlock()
    text = TextBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    link_list = LinkListBlock()
    accordion = AccordionBlock()
    embed = ConsentEmbedBlock()
