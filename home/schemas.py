"""API output shared by every app: images as renditions, links, page references, rich text.

The schemas are the single description of the delivery API's output. Representation functions
return plain dicts in these shapes; v2 serialises the dicts as they are, v3 validates them
against the schemas (and publishes the schemas in its OpenAPI document).
"""

from typing import Annotated, Any, Literal, Union

from ninja import Schema
from pydantic import Field, RootModel, create_model
from wagtail.api.utils import get_full_url
from wagtail.rich_text import expand_db_html

# Rendition filter specs the API offers, by purpose. Widths cover phones to wide screens.
CONTENT_IMAGE_SPECS = ("width-480", "width-960", "width-1600")
PORTRAIT_SPECS = ("fill-160x160", "fill-320x320")


class RenditionSchema(Schema):
    spec: str = Field(description="Wagtail filter spec, e.g. `width-960`.")
    url: str
    width: int
    height: int


class ImageSchema(Schema):
    """An image with renditions in several sizes; `alt` is empty for decorative images."""

    id: int
    alt: str
    decorative: bool = False
    width: int
    height: int
    renditions: list[RenditionSchema]


class PageReferenceSchema(Schema):
    """Another page: enough to link to it; `url` also finds it through `pages/find/`."""

    id: int
    title: str
    type: str = Field(description="Content type label, e.g. `topics.TopicPage`.")
    url: str = Field(description="The page's public URL.")


def full_url(request, url):
    """An absolute URL for ``url`` (media and page URLs), using the request's site."""
    return get_full_url(request, url) if url else url


def request_from(context):
    return (context or {}).get("request")


def image_representation(image, request, *, specs=CONTENT_IMAGE_SPECS, alt=None, decorative=False):
    """An image with its renditions; renditions are created on first use."""
    if image is None:
        return None
    renditions = image.get_renditions(*specs)
    return {
        "id": image.pk,
        "alt": "" if decorative else (alt if alt is not None else image.description or ""),
        "decorative": decorative,
        "width": image.width,
        "height": image.height,
        "renditions": [
            {
                "spec": spec,
                "url": full_url(request, rendition.url),
                "width": rendition.width,
                "height": rendition.height,
            }
            for spec, rendition in renditions.items()
        ],
    }


def page_reference(page, request):
    return {
        "id": page.pk,
        "title": page.title,
        "type": page.specific_class._meta.label if page.specific_class else "wagtailcore.Page",
        "url": page.get_full_url(request) or "",
    }


def rich_text_html(source, context):
    """Rich text as display HTML, internal links resolved to public URLs.

    Inside a stream prepared by :class:`StreamReferences`, every rich text of the stream was
    expanded in one go; otherwise (a single value) it is expanded here.
    """
    references = (context or {}).get("references")
    if references is not None and source in references.rich_text:
        return references.rich_text[source]
    return expand_db_html(source or "")


# -- Stream schemas: a union of the block types, discriminated by `type` ---------------------

_block_item_schemas: dict[tuple[str, Any], type[Schema]] = {}
_stream_item_schemas: dict[str, type[RootModel]] = {}


def _camel(name):
    return "".join(part.capitalize() for part in name.split("_"))


def block_item_schema(name, value_schema):
    """``{"type": name, "value": ..., "id": ...}`` for one block type (shared across streams)."""
    key = (name, value_schema)
    if key not in _block_item_schemas:
        _block_item_schemas[key] = create_model(
            f"{_camel(name)}Block",
            __base__=Schema,
            type=(Literal[name], ...),
            value=(value_schema, ...),
            id=(str, Field(description="The block's stable id within the stream.")),
        )
    return _block_item_schemas[key]


def stream_schema(stream_block):
    """The OpenAPI type of a StreamField: a list of blocks, discriminated by ``type``.

    Each child block declares its value schema as ``api_schema`` next to its definition.
    """
    items = tuple(
        block_item_schema(name, child.api_schema)
        for name, child in stream_block.child_blocks.items()
    )
    # A named root model rather than a bare Annotated union: Wagtail's v3 reads the type from a
    # return annotation with get_type_hints(), which would strip the discriminator from Annotated.
    name = f"{type(stream_block).__name__}Item"
    if name not in _stream_item_schemas:
        union = Annotated[Union[items], Field(discriminator="type")]  # noqa: UP007
        doc = f"One block of a `{type(stream_block).__name__}` stream, by `type`."
        _stream_item_schemas[name] = type(name, (RootModel[union],), {"__doc__": doc})
    return list[_stream_item_schemas[name]]
