"""The value types every output renders: what a reader may see of a page, resolved.

A page resolves itself once per request into these (see ``content.resolution``). The
templates render them; both APIs serialise them, and Wagtail's v3 and the project's own
endpoints publish them in the OpenAPI document. URLs are stored as the site knows them (a path
for pages, documents and local media, a full URL for S3 media); when a value is serialised for
the API, every URL becomes absolute against the configured public base URL.
"""

import functools
import re
from typing import Annotated, Any, Literal

from django.conf import settings
from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, TypeAdapter


def absolute_url(url: str) -> str:
    """``url`` made absolute against the public base URL (``WAGTAILAPI_BASE_URL``)."""
    if url and url.startswith("/") and not url.startswith("//"):
        return (getattr(settings, "WAGTAILAPI_BASE_URL", None) or "").rstrip("/") + url
    return url


URL = Annotated[str, PlainSerializer(absolute_url, return_type=str)]

# ``href="/…"`` in display HTML (rich text as ``content.richtext`` cleaned it: attribute values
# in double quotes).
_SITE_HREF = re.compile(r'(<a\b[^>]*?\shref=")(/(?!/))')


def absolute_links(html: str) -> str:
    """Display HTML with its links to the site made absolute (as ``absolute_url``)."""
    base = (getattr(settings, "WAGTAILAPI_BASE_URL", None) or "").rstrip("/")
    if not base or not html:
        return html
    return _SITE_HREF.sub(lambda match: f"{match[1]}{base}{match[2]}", html)


class Value(BaseModel):
    """Base of every value: immutable once resolved, unknown keys rejected."""

    model_config = ConfigDict(frozen=True, extra="forbid")


@functools.cache
def _adapter(annotation):
    return TypeAdapter(annotation)


def to_json(data, annotation: Any = None):
    """The one way a value becomes JSON: JSON-ready Python data (dicts, lists, strings,
    numbers), every ``URL`` absolute. ``data`` is a value, or data of the type ``annotation``
    (one field of a value, a list of values). v2's page fields (``api.fields``) and the page
    head's image call it; the v3 endpoints let Django Ninja call the same Pydantic serialiser.
    (Webhook bodies carry no values, only ids, titles, paths and URLs: webhooks.sending.)"""
    annotation = type(data) if annotation is None else annotation
    try:
        adapter = _adapter(annotation)
    except TypeError:  # an annotation that cannot be a cache key
        adapter = TypeAdapter(annotation)
    return adapter.dump_python(data, mode="json")


class RenditionValue(Value):
    spec: str = Field(description="Wagtail filter spec, e.g. `width-960`.")
    url: URL
    width: int
    height: int


class FocalPointValue(Value):
    """The area an editor marked as the image's subject, in the original's pixels: a crop that
    keeps it keeps what matters (Wagtail crops its `fill-…` renditions around it)."""

    x: int = Field(description="Horizontal centre of the area, from the original's left edge.")
    y: int = Field(description="Vertical centre of the area, from the original's top edge.")
    width: int
    height: int


class ImageValue(Value):
    """An image in the sizes of its purpose; `alt` is empty for decorative images."""

    id: int
    alt: str
    decorative: bool
    width: int = Field(description="The original's width in pixels.")
    height: int = Field(description="The original's height in pixels.")
    focal_point: FocalPointValue | None = Field(
        description="The editor's focal point in the original's pixels; `null` when none is set "
        "(then crop around the centre)."
    )
    renditions: list[RenditionValue]

    @property
    def src(self):
        """The smallest size: ``src``, ``width`` and ``height`` for browsers that ignore
        ``srcset`` (and the aspect ratio that reserves the space while loading)."""
        return self.renditions[0] if self.renditions else None

    @property
    def srcset(self):
        return ", ".join(f"{r.url} {r.width}w" for r in self.renditions)

    @property
    def largest(self):
        return self.renditions[-1] if self.renditions else None


class PageLinkValue(Value):
    """Another page: enough to link to it; `url` also finds it through `pages/find/`."""

    id: int
    title: str
    type: str = Field(description="Content type label, e.g. `topics.TopicPage`.")
    url: URL = Field(description="The page's public URL.")


class DocumentLinkValue(Value):
    """A downloadable document (delivered through the site's download URL)."""

    id: int
    title: str
    file_extension: str
    file_size: int | None = Field(description="Size of the file in bytes.")
    url: URL = Field(description="Download URL.")


class LinkValue(Value):
    """A link that the reader can follow. Links to hidden pages or documents are left out
    entirely, so `label` never names something the reader may not see."""

    label: str
    url: URL
    page: PageLinkValue | None = Field(description="Set when the link goes to a page of the site.")
    document: DocumentLinkValue | None = Field(description="Set when the link is a download.")


class SocialImageValue(Value):
    """The image that a shared link shows (OpenGraph `og:image`): the page's hero in its largest
    delivered size."""

    url: URL
    width: int
    height: int
    alt: str


class SeoValue(Value):
    """What the HTML head of the page says about it, for a frontend to render the same head."""

    title: str = Field(description="The SEO title (`<title>`, `og:title`), else the title.")
    description: str = Field(
        description="The editor's search description, else the intro, cut at a word to 160 "
        "characters (`<meta name=description>`, `og:description`); may be empty."
    )
    canonical_url: URL = Field(description="The page's one public address (`rel=canonical`).")
    og_type: Literal["website", "article"] = Field(
        description="`website` for the home page, `article` below it (`og:type`)."
    )
    image: SocialImageValue | None = Field(description="`og:image`, when the page has a hero.")
