"""The shared StreamField vocabulary, and what makes a block deliverable.

Every block declares, next to its definition, the type of its delivered value
(``value_type``, a ``delivery.values`` model) and how its stored data becomes that value
(``resolve``): the same value is rendered by the block's template and returned by the API.
``resolve`` returns ``None`` to leave the block out (an image that was deleted, a link whose
target the reader may not see); a stored value that does not fit its type (a required text
that is empty after an import) is left out of the stream and logged.

App-specific blocks (contact persons, publications) live in their apps and follow the same
pattern.
"""

import logging
from typing import Annotated, ClassVar, Literal, Union

from django.core.exceptions import ValidationError
from django.db.models import F
from django.forms.utils import ErrorList
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from pydantic import Field, RootModel, create_model
from pydantic import ValidationError as SchemaError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock

from . import richtext
from .images import Purpose
from .resolution import Resolution, image_id, list_items
from .values import URL, Image, Link, Value
from .visibility import Reader

logger = logging.getLogger(__name__)

# Section headings are h2; inside a section editors may use h3 and h4 so the outline stays intact.
RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]

HTML = Annotated[str, Field(description="HTML; internal links point to public URLs only.")]


class DeliveredBlock:
    """Mixin for blocks the delivery resolves (see the module docstring)."""

    value_type: ClassVar[object] = None
    # Shown in the admin's block picker when the preview value resolves to nothing, e.g. a
    # block that previews objects from the database while there are none yet.
    preview_empty_text: ClassVar[str] = _("Für diese Vorschau gibt es noch keine Inhalte.")

    def resolve(self, raw, res: Resolution):
        raise NotImplementedError

    def render_value(self, value, context=None):
        """The block's template rendered with a resolved value."""
        new_context = {}
        if context is not None:
            new_context = context.flatten() if hasattr(context, "flatten") else dict(context)
        new_context.update({"self": value, "value": value, "block_def": self})
        return mark_safe(render_to_string(self.meta.template, new_context))  # noqa: S308

    def render(self, value, context=None):
        """Wagtail's rendering of a native value (admin previews, ``include_block``): the
        value is resolved on its own first, for the reader of the request in the context."""
        request = (context or {}).get("request")
        raw = self.get_prep_value(value)
        res = Resolution(Reader.for_request(request))
        res.collect(self, raw)
        resolved = self.resolve(raw, res.load())
        if resolved is None:
            return ""
        return self.render_value(resolved, context)

    def get_preview_context(self, value, parent_context=None):
        """The block rendered once for the picker's preview, so that the preview template can
        show ``preview_empty_text`` instead of a blank frame when it renders nothing."""
        context = super().get_preview_context(value, parent_context)
        context["preview_html"] = self.render(value, context)
        return context


# -- Values of the shared blocks --------------------------------------------------------------


class Section(Value):
    heading: str
    anchor: str = Field(
        description="The heading's HTML id, unique on the page (the table of contents' target)."
    )
    text: HTML


class CaptionedImage(Value):
    image: Image
    caption: str


class Quote(Value):
    quote: str
    attribution: str


class CallToAction(Value):
    heading: str
    text: str
    link: Link | None = Field(description="Null when the link's target is not public.")


class LinkList(Value):
    heading: str
    links: list[Link] = Field(description="Only links the reader can follow.")


class AccordionItem(Value):
    title: str
    text: HTML


class Accordion(Value):
    heading: str
    items: list[AccordionItem]


class Embed(Value):
    """An external embed: load `html` (or `url`) from the provider only after consent."""

    title: str
    url: URL
    provider: str = Field(description="The provider's name, e.g. `YouTube`; may be empty.")
    html: str = Field(description="The provider's embed HTML; empty if it could not be read.")


# -- Blocks -------------------------------------------------------------------------------------


class SectionBlock(DeliveredBlock, blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Überschrift"),
        max_length=200,
        help_text=_("Die Überschrift des Abschnitts (eine Ebene unter dem Seitentitel)."),
    )
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    value_type = Section

    class Meta:
        icon = "title"
        label = _("Abschnitt")
        template = "delivery/blocks/section.html"
        description = _("Ein Abschnitt mit Überschrift und Text.")
        preview_value = {
            "heading": "Soziale Beratung für Geflüchtete",
            "text": "<p>Viele Mitgliedsorganisationen beraten Menschen mit Fluchterfahrung.</p>",
        }

    def resolve(self, raw, res):
        # A stored heading that is not text (null after an import) does not fit: the Section
        # refuses it and the stream leaves the block out (DeliveredStreamBlock.resolve).
        heading = raw.get("heading")
        anchor = res.anchor(heading) if isinstance(heading, str) else ""
        return Section(heading=heading, anchor=anchor, text=res.rich_text(raw.get("text") or ""))


class TextBlock(DeliveredBlock, blocks.RichTextBlock):
    value_type = HTML

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "delivery/blocks/text.html"
        description = _("Ein Absatz Text ohne eigene Überschrift.")
        preview_value = "<p>Der Paritätische NRW berät seine Mitgliedsorganisationen.</p>"

    def resolve(self, raw, res):
        return res.rich_text(raw) if raw else None


def image_block_value(raw, res, purpose):
    """The value of an ``ImageBlock``'s raw data: its image with the editor's alt text."""
    pk = image_id(raw)
    data = raw if isinstance(raw, dict) else {}
    image = res.get_image(pk)
    if image is None:
        return None
    decorative = bool(data.get("decorative"))
    alt = data.get("alt_text") or image.default_alt_text
    return res.image(image, purpose, alt=alt, decorative=decorative)


class CaptionedImageBlock(DeliveredBlock, blocks.StructBlock):
    image = ImageBlock(label=_("Bild"))
    caption = blocks.CharBlock(
        label=_("Bildunterschrift"),
        required=False,
        help_text=_("Sichtbar unter dem Bild, z. B. mit Fotonachweis."),
    )

    value_type = CaptionedImage

    class Meta:
        icon = "image"
        label = _("Bild")
        template = "delivery/blocks/image.html"
        description = _("Ein Bild mit Alternativtext und optionaler Bildunterschrift.")

    preview_empty_text = _("Es gibt noch keine Bilder in der Bildersammlung.")

    def get_preview_value(self):
        # A landscape image if there is one: portraits and square avatars make a poor example.
        images = get_image_model().objects.order_by("pk")
        image = images.filter(width__gt=F("height")).first() or images.first()
        return self.normalize(
            {
                "image": {"image": image, "alt_text": "Beispielbild", "decorative": False},
                "caption": "Bildunterschrift mit Fotonachweis",
            }
        )

    def resolve(self, raw, res):
        image = image_block_value(raw.get("image"), res, Purpose.CONTENT)
        if image is None:
            return None
        return CaptionedImage(image=image, caption=raw.get("caption") or "")


class QuoteBlock(DeliveredBlock, blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Zitat"))
    attribution = blocks.CharBlock(
        label=_("Quelle"), required=False, help_text=_("Wer hat das gesagt?")
    )

    value_type = Quote

    class Meta:
        icon = "openquote"
        label = _("Zitat")
        template = "delivery/blocks/quote.html"
        description = _("Ein hervorgehobenes Zitat mit Quellenangabe.")
        preview_value = {
            "quote": "Für uns stehen immer die Menschen im Mittelpunkt.",
            "attribution": "Der Paritätische NRW",
        }

    def resolve(self, raw, res):
        return Quote(quote=raw.get("quote"), attribution=raw.get("attribution") or "")


class LinkBlock(DeliveredBlock, blocks.StructBlock):
    """A link to a page, a document or an external address (exactly one of them)."""

    label = blocks.CharBlock(
        label=_("Linktext"),
        required=False,
        help_text=_("Leer lassen, um den Titel der Seite oder des Dokuments zu verwenden."),
    )
    page = blocks.PageChooserBlock(label=_("Seite"), required=False)
    document = DocumentChooserBlock(label=_("Dokument"), required=False)
    url = blocks.URLBlock(label=_("Externe Adresse"), required=False)

    value_type = Link

    class Meta:
        icon = "link"
        label = _("Link")
        template = "delivery/blocks/link.html"
        description = _("Ein Link zu einer Seite, einem Dokument oder einer externen Adresse.")
        preview_value = {"label": "Der Paritätische NRW", "url": "https://www.paritaet-nrw.org/"}

    def clean(self, value):
        value = super().clean(value)
        targets = [name for name in ("page", "document", "url") if value.get(name)]
        if len(targets) != 1:
            message = _("Bitte genau ein Ziel wählen: eine Seite, ein Dokument oder eine Adresse.")
            raise StructBlockValidationError(non_block_errors=ErrorList([ValidationError(message)]))
        return value

    def get_searchable_content(self, value):
        """Only an external link's words are indexed. A link to a page or a document is shown
        only while its target is visible, which the search index cannot follow: its label
        would let search find (and quote) words the page no longer shows. The target is
        found on its own."""
        if value.get("page") or value.get("document"):
            return []
        return super().get_searchable_content(value)

    def resolve(self, raw, res):
        """The link, or ``None`` when its target is hidden from the reader (or gone): then
        neither its label nor its target may appear anywhere."""
        if not isinstance(raw, dict):
            return None
        label = (raw.get("label") or "").strip()
        if raw.get("page"):
            page = res.page_link(raw["page"])
            if page is None:
                return None
            return Link(label=label or page.title, url=page.url, page=page, document=None)
        if raw.get("document"):
            document = res.document_link(raw["document"])
            if document is None:
                return None
            return Link(
                label=label or document.title, url=document.url, page=None, document=document
            )
        url = richtext.safe_url(raw.get("url"))
        if not url:  # none, or one that is not a link (``javascript:``, ``data:`` …)
            return None
        return Link(label=label or url, url=url, page=None, document=None)


class CallToActionBlock(DeliveredBlock, blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Überschrift"), max_length=200)
    text = blocks.TextBlock(label=_("Text"), required=False)
    link = LinkBlock(label=_("Link"))

    value_type = CallToAction

    class Meta:
        icon = "pick"
        label = _("Handlungsaufforderung")
        template = "delivery/blocks/call_to_action.html"
        description = _(
            "Ein hervorgehobener Kasten mit Text und einem Link, z. B. zu den Publikationen."
        )
        preview_value = {
            "heading": "Mehr Informationen",
            "text": "Zu vielen unserer Themen gibt es Broschüren zum Herunterladen.",
            "link": {"label": "Zu den Publikationen", "url": "https://www.paritaet-nrw.org/"},
        }

    def resolve(self, raw, res):
        return CallToAction(
            heading=raw.get("heading"),
            text=raw.get("text") or "",
            link=self.child_blocks["link"].resolve(raw.get("link"), res),
        )


class LinkListBlock(DeliveredBlock, blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Überschrift"), max_length=200)
    links = blocks.ListBlock(LinkBlock(), label=_("Links"), min_num=1)

    value_type = LinkList

    class Meta:
        icon = "list-ul"
        label = _("Linkliste")
        template = "delivery/blocks/link_list.html"
        description = _("Eine Liste von Links zu Seiten, Dokumenten oder externen Angeboten.")
        preview_value = {
            "heading": "Weitere Angebote",
            "links": [
                {"label": "Der Paritätische NRW", "url": "https://www.paritaet-nrw.org/"},
                {
                    "label": "Der Paritätische Gesamtverband",
                    "url": "https://www.der-paritaetische.de/",
                },
            ],
        }

    def get_searchable_content(self, value):
        """The heading is indexed with the links that are always shown (external ones): a
        list whose targets are all hidden is not shown at all (see ``LinkBlock``)."""
        links = self.child_blocks["links"].get_searchable_content(value["links"])
        if not links:
            return []
        return [*self.child_blocks["heading"].get_searchable_content(value["heading"]), *links]

    def resolve(self, raw, res):
        link_block = self.child_blocks["links"].child_block
        links = [link_block.resolve(item, res) for item in list_items(raw.get("links"))]
        links = [link for link in links if link is not None]
        if not links:
            return None  # a heading over nothing the reader can follow says nothing
        return LinkList(heading=raw.get("heading"), links=links)


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), max_length=200)
    text = blocks.RichTextBlock(label=_("Inhalt"), features=RICH_TEXT_FEATURES)


class AccordionBlock(DeliveredBlock, blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Überschrift"), max_length=200, required=False)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Einträge"), min_num=1)

    value_type = Accordion

    class Meta:
        icon = "list-ol"
        label = _("Aufklappbare Liste")
        template = "delivery/blocks/accordion.html"
        description = _("Fragen und Antworten oder Details, die Besucher aufklappen können.")
        preview_value = {
            "heading": "Häufige Fragen",
            "items": [{"title": "Wer kann beraten werden?", "text": "<p>Alle Geflüchteten.</p>"}],
        }

    def resolve(self, raw, res):
        return Accordion(
            heading=raw.get("heading") or "",
            items=[
                AccordionItem(title=item.get("title"), text=res.rich_text(item.get("text") or ""))
                for item in list_items(raw.get("items"))
            ],
        )


class ConsentEmbedBlock(DeliveredBlock, blocks.StructBlock):
    """A video or other embed that loads from the external host only after the visitor agrees."""

    title = blocks.CharBlock(
        label=_("Titel"), help_text=_("Beschreibt den Inhalt, z. B. für Screenreader.")
    )
    embed = EmbedBlock(label=_("Adresse (URL)"), help_text=_("Z. B. ein YouTube- oder Vimeo-Link."))

    value_type = Embed

    class Meta:
        icon = "media"
        label = _("Video / Einbettung")
        template = "delivery/blocks/embed.html"
        description = _(
            "Ein Video oder anderer externer Inhalt. Er wird erst geladen, wenn Besucher zustimmen."
        )
        preview_value = {
            "title": "Der Paritätische NRW stellt sich vor",
            # An address no embed finder accepts: the preview shows the consent notice and the
            # link without a request to a real provider.
            "embed": "https://video.example.org/der-paritaetische-nrw-stellt-sich-vor",
        }

    def resolve(self, raw, res):
        url = richtext.safe_url(raw.get("embed"))
        if not url:
            return None
        embed = res.embed(url)
        return Embed(
            title=raw.get("title"),
            url=url,
            provider=getattr(embed, "provider_name", "") or "",
            html=richtext.clean_embed_html(getattr(embed, "html", "") or ""),
        )


# -- Streams ------------------------------------------------------------------------------------


def _camel(name):
    return "".join(part.capitalize() for part in name.split("_"))


_item_types = {}
_stream_types = {}


def block_item_type(name, value_type):
    """``{"type": name, "value": …, "id": …}`` for one block type (shared across streams)."""
    key = (name, value_type)
    if key not in _item_types:
        _item_types[key] = create_model(
            f"{_camel(name)}Block",
            __base__=Value,
            type=(Literal[name], ...),
            value=(value_type, ...),
            id=(str, Field(description="The block's stable id within the stream.")),
        )
    return _item_types[key]


def _describe(error):
    """One line on what does not fit, e.g. ``heading: Input should be a valid string``."""
    if isinstance(error, SchemaError):
        return "; ".join(
            f"{'.'.join(map(str, e['loc'])) or 'value'}: {e['msg']}"
            for e in error.errors(include_url=False)
        )
    return f"{type(error).__name__}: {error}"


class DeliveredStreamBlock(blocks.StreamBlock):
    """A stream whose blocks are all deliverable; its value is a list of typed items."""

    @classmethod
    def item_type(cls):
        """The OpenAPI type of one item: a union of the block types, discriminated by ``type``.

        A named root model rather than a bare ``Annotated`` union: Wagtail's v3 reads a field's
        type with ``get_type_hints()``, which would strip the discriminator from ``Annotated``.
        """
        name = f"{cls.__name__}Item"
        if name not in _stream_types:
            children = cls().child_blocks
            members = tuple(
                block_item_type(child_name, child.value_type)
                for child_name, child in children.items()
            )
            union = Annotated[Union[members], Field(discriminator="type")]  # noqa: UP007
            doc = f"One block of a `{cls.__name__}` stream, by `type`."
            _stream_types[name] = type(name, (RootModel[union],), {"__doc__": doc})
        return _stream_types[name]

    def resolve(self, raw, res):
        """The stream's items the reader may see, in the editor's order."""
        item_type = self.item_type()
        items = []
        for item in raw or ():
            block_type = item.get("type") if isinstance(item, dict) else None
            child = self.child_blocks.get(block_type)
            if child is None:
                continue  # a block type that no longer exists
            try:
                value = child.resolve(item.get("value"), res)
                if value is None:
                    continue
                entry = block_item_type(block_type, child.value_type)(
                    type=block_type, value=value, id=str(item.get("id") or "")
                )
            except (SchemaError, TypeError, AttributeError, KeyError) as error:
                page = res.delivered_page
                logger.warning(
                    "Left out a %r block (id %s) on page %r (id %s) whose stored value does "
                    "not fit its type: %s",
                    block_type,
                    item.get("id"),
                    getattr(page, "title", None),
                    getattr(page, "pk", None),
                    _describe(error),
                )
                continue
            wrapped = item_type(entry)
            wrapped._block = child
            items.append(wrapped)
        return items


class BaseStreamBlock(DeliveredStreamBlock):
    """Blocks every content page offers."""

    section = SectionBlock()
    text = TextBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    link_list = LinkListBlock()
    accordion = AccordionBlock()
    embed = ConsentEmbedBlock()
