"""The shared StreamField vocabulary: the blocks every content page offers.

Each block declares its delivered value next to it (see :mod:`blocks.base`); the block's
template renders that value and the API returns it.
"""

from django.core.exceptions import ValidationError
from django.db.models import F
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from pydantic import Field
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock

from content import richtext
from content.renditions import Purpose
from content.resolution import image_id, list_items
from content.values import URL, DocumentLinkValue, ImageValue, LinkValue, Value
from content.visibility import visible

from .base import HTML, RICH_TEXT_FEATURES, ResolvedBlock, ResolvedStreamBlock

# -- Values of the shared blocks --------------------------------------------------------------


class SectionValue(Value):
    heading: str
    anchor: str = Field(
        description="The heading's HTML id, unique on the page (the table of contents' target)."
    )
    text: HTML


class CaptionedImageValue(Value):
    image: ImageValue
    caption: str


class QuoteValue(Value):
    quote: str
    attribution: str


class CallToActionValue(Value):
    heading: str
    text: str
    link: LinkValue | None = Field(description="Null when the link's target is not public.")


class LinkListValue(Value):
    heading: str
    links: list[LinkValue] = Field(description="Only links the reader can follow.")


class AccordionItemValue(Value):
    title: str
    text: HTML


class AccordionValue(Value):
    heading: str
    items: list[AccordionItemValue]


class EmbedValue(Value):
    """An external embed: load `html` (or `url`) from the provider only after consent."""

    title: str
    url: URL
    provider: str = Field(description="The provider's name, e.g. `YouTube`; may be empty.")
    html: str = Field(description="The provider's embed HTML; empty if it could not be read.")


class PictureTextValue(Value):
    """A row of Leichte Sprache: a picture at the start, a short text beside it."""

    image: ImageValue
    text: HTML
    credit: str = Field(
        description="Picture credit (e.g. `Bild: © Lebenshilfe Bremen`); may be empty."
    )


class SignLanguageVideoValue(Value):
    """A video in German Sign Language (DGS), played by the browser and downloadable."""

    title: str = Field(description="What the video says, in one line (its accessible name).")
    video: DocumentLinkValue = Field(description="The video file; `url` plays and downloads it.")
    mime_type: str = Field(description="The file's type for `<source type>`, e.g. `video/mp4`.")
    poster: ImageValue | None = Field(description="Still shown before playing; null: none.")
    duration: str = Field(description="Length as `m:ss`, e.g. `3:20`; may be empty.")
    caption: str


# -- Blocks -------------------------------------------------------------------------------------


class SectionBlock(ResolvedBlock, blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Überschrift"),
        max_length=200,
        help_text=_("Die Überschrift des Abschnitts (eine Ebene unter dem Seitentitel)."),
    )
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    value_type = SectionValue

    class Meta:
        icon = "title"
        label = _("Abschnitt")
        template = "blocks/section.html"
        description = _("Ein Abschnitt mit Überschrift und Text.")
        preview_value = {
            "heading": "Soziale Beratung für Geflüchtete",
            "text": "<p>Viele Mitgliedsorganisationen beraten Menschen mit Fluchterfahrung.</p>",
        }

    def resolve(self, raw, res):
        # A stored heading that is not text (null after an import) does not fit: the Section
        # refuses it and the stream leaves the block out (ResolvedStreamBlock.resolve).
        heading = raw.get("heading")
        anchor = res.anchor(heading) if isinstance(heading, str) else ""
        return SectionValue(
            heading=heading, anchor=anchor, text=res.rich_text(raw.get("text") or "")
        )


class TextBlock(ResolvedBlock, blocks.RichTextBlock):
    value_type = HTML

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "blocks/text.html"
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


class CaptionedImageBlock(ResolvedBlock, blocks.StructBlock):
    image = ImageBlock(label=_("Bild"))
    caption = blocks.CharBlock(
        label=_("Bildunterschrift"),
        required=False,
        help_text=_("Sichtbar unter dem Bild, z. B. mit Fotonachweis."),
    )

    value_type = CaptionedImageValue

    class Meta:
        icon = "image"
        label = _("Bild")
        template = "blocks/image.html"
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
        return CaptionedImageValue(image=image, caption=raw.get("caption") or "")


class QuoteBlock(ResolvedBlock, blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Zitat"))
    attribution = blocks.CharBlock(
        label=_("Quelle"), required=False, help_text=_("Wer hat das gesagt?")
    )

    value_type = QuoteValue

    class Meta:
        icon = "openquote"
        label = _("Zitat")
        template = "blocks/quote.html"
        description = _("Ein hervorgehobenes Zitat mit Quellenangabe.")
        preview_value = {
            "quote": "Für uns stehen immer die Menschen im Mittelpunkt.",
            "attribution": "Der Paritätische NRW",
        }

    def resolve(self, raw, res):
        return QuoteValue(quote=raw.get("quote"), attribution=raw.get("attribution") or "")


class LinkBlock(ResolvedBlock, blocks.StructBlock):
    """A link to a page, a document or an external address (exactly one of them)."""

    label = blocks.CharBlock(
        label=_("Linktext"),
        required=False,
        help_text=_("Leer lassen, um den Titel der Seite oder des Dokuments zu verwenden."),
    )
    page = blocks.PageChooserBlock(label=_("Seite"), required=False)
    document = DocumentChooserBlock(label=_("Dokument"), required=False)
    url = blocks.URLBlock(label=_("Externe Adresse"), required=False)

    value_type = LinkValue

    class Meta:
        icon = "link"
        label = _("Link")
        template = "blocks/link.html"
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
            return LinkValue(label=label or page.title, url=page.url, page=page, document=None)
        if raw.get("document"):
            document = res.document_link(raw["document"])
            if document is None:
                return None
            return LinkValue(
                label=label or document.title, url=document.url, page=None, document=document
            )
        url = richtext.safe_url(raw.get("url"))
        if not url:  # none, or one that is not a link (``javascript:``, ``data:`` …)
            return None
        return LinkValue(label=label or url, url=url, page=None, document=None)


class CallToActionBlock(ResolvedBlock, blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Überschrift"), max_length=200)
    text = blocks.TextBlock(label=_("Text"), required=False)
    link = LinkBlock(label=_("Link"))

    value_type = CallToActionValue

    class Meta:
        icon = "pick"
        label = _("Handlungsaufforderung")
        template = "blocks/call_to_action.html"
        description = _(
            "Ein hervorgehobener Kasten mit Text und einem Link, z. B. zu den Publikationen."
        )
        preview_value = {
            "heading": "Mehr Informationen",
            "text": "Zu vielen unserer Themen gibt es Broschüren zum Herunterladen.",
            "link": {"label": "Zu den Publikationen", "url": "https://www.paritaet-nrw.org/"},
        }

    def resolve(self, raw, res):
        return CallToActionValue(
            heading=raw.get("heading"),
            text=raw.get("text") or "",
            link=self.child_blocks["link"].resolve(raw.get("link"), res),
        )


class LinkListBlock(ResolvedBlock, blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Überschrift"), max_length=200)
    links = blocks.ListBlock(LinkBlock(), label=_("Links"), min_num=1)

    value_type = LinkListValue

    class Meta:
        icon = "list-ul"
        label = _("Linkliste")
        template = "blocks/link_list.html"
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
        return LinkListValue(heading=raw.get("heading"), links=links)


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), max_length=200)
    text = blocks.RichTextBlock(label=_("Inhalt"), features=RICH_TEXT_FEATURES)


class AccordionBlock(ResolvedBlock, blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Überschrift"), max_length=200, required=False)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Einträge"), min_num=1)

    value_type = AccordionValue

    class Meta:
        icon = "list-ol"
        label = _("Aufklappbare Liste")
        template = "blocks/accordion.html"
        description = _("Fragen und Antworten oder Details, die Besucher aufklappen können.")
        preview_value = {
            "heading": "Häufige Fragen",
            "items": [{"title": "Wer kann beraten werden?", "text": "<p>Alle Geflüchteten.</p>"}],
        }

    def resolve(self, raw, res):
        return AccordionValue(
            heading=raw.get("heading") or "",
            items=[
                AccordionItemValue(
                    title=item.get("title"), text=res.rich_text(item.get("text") or "")
                )
                for item in list_items(raw.get("items"))
            ],
        )


class ConsentEmbedBlock(ResolvedBlock, blocks.StructBlock):
    """A video or other embed that loads from the external host only after the visitor agrees."""

    title = blocks.CharBlock(
        label=_("Titel"), help_text=_("Beschreibt den Inhalt, z. B. für Screenreader.")
    )
    embed = EmbedBlock(label=_("Adresse (URL)"), help_text=_("Z. B. ein YouTube- oder Vimeo-Link."))

    value_type = EmbedValue

    class Meta:
        icon = "media"
        label = _("Video / Einbettung")
        template = "blocks/embed.html"
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
        return EmbedValue(
            title=raw.get("title"),
            url=url,
            provider=getattr(embed, "provider_name", "") or "",
            html=richtext.clean_embed_html(getattr(embed, "html", "") or ""),
        )


class PictureTextBlock(ResolvedBlock, blocks.StructBlock):
    """Leichte Sprache: one picture at the start of the line, a short text beside it."""

    image = ImageBlock(label=_("Bild"))
    text = blocks.RichTextBlock(
        label=_("Text"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Wenige kurze Sätze, die das Bild erklärt."),
    )
    credit = blocks.CharBlock(
        label=_("Bildnachweis"),
        required=False,
        max_length=200,
        help_text=_(
            "Z. B. „Bild: © Lebenshilfe für Menschen mit geistiger Behinderung Bremen e.V.“"
        ),
    )

    value_type = PictureTextValue

    class Meta:
        icon = "image"
        label = _("Bild mit Text")
        template = "blocks/picture_text.html"
        description = _(
            "Ein Bild am Zeilenanfang und ein kurzer Text daneben, wie in Leichter Sprache üblich."
        )

    preview_empty_text = _("Es gibt noch keine Bilder in der Bildersammlung.")

    def get_preview_value(self):
        image = get_image_model().objects.order_by("pk").first()
        return self.normalize(
            {
                "image": {"image": image, "alt_text": "Beispielbild", "decorative": False},
                "text": "<p>Hier steht ein kurzer Satz.</p><p>Das Bild hilft beim Verstehen.</p>",
                "credit": "Bild: Beispiel",
            }
        )

    def resolve(self, raw, res):
        image = image_block_value(raw.get("image"), res, Purpose.COVER)
        if image is None:
            return None
        return PictureTextValue(
            image=image, text=res.rich_text(raw.get("text") or ""), credit=raw.get("credit") or ""
        )


VIDEO_TYPES = {"mp4": "video/mp4", "webm": "video/webm"}


class SignLanguageVideoBlock(ResolvedBlock, blocks.StructBlock):
    """A video in German Sign Language (DGS): a file of the document library, played with the
    browser's own controls and offered for download."""

    title = blocks.CharBlock(
        label=_("Titel"),
        max_length=200,
        help_text=_("Worum es im Video geht, z. B. „Informationen in Gebärdensprache“."),
    )
    video = DocumentChooserBlock(
        label=_("Videodatei"), help_text=_("Eine MP4- oder WebM-Datei aus den Dokumenten.")
    )
    poster = ImageBlock(label=_("Vorschaubild"), required=False)
    duration = blocks.RegexBlock(
        regex=r"^\d{1,3}:[0-5]\d$",
        label=_("Dauer"),
        required=False,
        max_length=7,
        help_text=_("Minuten und Sekunden, z. B. 3:20."),
        error_messages={"invalid": _("Bitte die Dauer als Minuten:Sekunden angeben, z. B. 3:20.")},
    )
    caption = blocks.CharBlock(
        label=_("Bildunterschrift"),
        required=False,
        max_length=300,
        help_text=_("Z. B. wer gebärdet und wann das Video aufgenommen wurde."),
    )

    value_type = SignLanguageVideoValue
    preview_empty_text = _("Es gibt noch keine Videodateien (MP4 oder WebM) in den Dokumenten.")

    class Meta:
        icon = "media"
        label = _("Video in Gebärdensprache (DGS)")
        template = "blocks/sign_language_video.html"
        description = _(
            "Ein Video in Deutscher Gebärdensprache mit Vorschaubild, Dauer und Download."
        )

    def get_preview_value(self):
        videos = get_document_model().objects.filter(
            file__iregex=r"\.(" + "|".join(VIDEO_TYPES) + r")$"
        )
        return self.normalize(
            {
                "title": "Informationen in Deutscher Gebärdensprache",
                "video": visible(videos.order_by("pk")).first(),
                "duration": "2:30",
                "caption": "Beispiel für ein Video in Gebärdensprache",
            }
        )

    def clean(self, value):
        value = super().clean(value)
        document = value.get("video")
        if document is not None and document.file_extension.lower() not in VIDEO_TYPES:
            message = _("Bitte eine Videodatei wählen (MP4 oder WebM).")
            raise StructBlockValidationError(block_errors={"video": ValidationError(message)})
        return value

    def resolve(self, raw, res):
        video = res.document_link(raw.get("video"))
        if video is None or video.file_extension.lower() not in VIDEO_TYPES:
            return None
        poster = raw.get("poster")
        return SignLanguageVideoValue(
            title=raw.get("title"),
            video=video,
            mime_type=VIDEO_TYPES[video.file_extension.lower()],
            poster=image_block_value(poster, res, Purpose.CONTENT) if poster else None,
            duration=raw.get("duration") or "",
            caption=raw.get("caption") or "",
        )


class BaseStreamBlock(ResolvedStreamBlock):
    """Blocks every content page offers."""

    section = SectionBlock()
    text = TextBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    link_list = LinkListBlock()
    accordion = AccordionBlock()
    embed = ConsentEmbedBlock()
    picture_text = PictureTextBlock()
    sign_language_video = SignLanguageVideoBlock()
