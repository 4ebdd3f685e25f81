"""Value schemas of the shared StreamField blocks (``home.blocks``) for the OpenAPI document."""

from ninja import Schema
from pydantic import Field

from documents.schemas import PublicationSchema

from .schemas import ImageSchema, PageReferenceSchema


class SectionSchema(Schema):
    heading: str
    text: str = Field(description="HTML; internal links resolved to public URLs.")


class CaptionedImageSchema(Schema):
    image: ImageSchema | None
    caption: str


class QuoteSchema(Schema):
    quote: str
    attribution: str


class LinkSchema(Schema):
    """A link; `url` is null when its page or document is not public (any more)."""

    label: str
    url: str | None = Field(description="Public URL of the page or the external address.")
    page: PageReferenceSchema | None
    document: PublicationSchema | None = Field(description="A linked publication (download).")


class CallToActionSchema(Schema):
    heading: str
    text: str
    link: LinkSchema


class LinkListSchema(Schema):
    heading: str
    links: list[LinkSchema]


class AccordionItemSchema(Schema):
    title: str
    text: str = Field(description="HTML; internal links resolved to public URLs.")


class AccordionSchema(Schema):
    heading: str
    items: list[AccordionItemSchema]


class EmbedSchema(Schema):
    """An external embed: the frontend loads it from `url` only after the visitor's consent."""

    title: str
    url: str
