"""The one rendition vocabulary: which sizes an image is delivered in, by purpose.

``srcset`` in the templates and ``renditions`` in the API come from the same list, so an image
has exactly the renditions of its purposes, no more. Add a purpose here, not in a template.
"""

from enum import Enum

from .values import FocalPointValue, ImageValue, RenditionValue


class Purpose(Enum):
    """Rendition specs (smallest first) and the ``sizes`` the site's layout gives them."""

    # Topic heroes, topic cards and the OpenGraph image (2:1, cropped around the focal point).
    HERO = (("fill-640x320", "fill-1024x512", "fill-1600x800"), "(max-width: 72rem) 100vw, 72rem")
    # Images in the text column, full width of the column, any aspect ratio.
    CONTENT = (("width-480", "width-960", "width-1600"), "(max-width: 50rem) 100vw, 50rem")
    # Contact persons' portraits (shown at 5rem).
    PORTRAIT = (("fill-160x160", "fill-320x320"), "5rem")
    # Publication covers beside a list item (shown at 10rem at most).
    COVER = (("width-160", "width-320"), "(max-width: 30rem) 6rem, 10rem")
    # The site's logo in the header (shown 3rem high, at most 16rem wide).
    LOGO = (("height-48", "height-96"), "16rem")

    @property
    def specs(self):
        return self.value[0]

    @property
    def sizes(self):
        return self.value[1]


ALL_SPECS = tuple(dict.fromkeys(spec for purpose in Purpose for spec in purpose.specs))


def focal_point_value(image):
    """The image's focal point (Wagtail's ``focal_point_*`` fields), or ``None``."""
    if not image.has_focal_point():
        return None
    return FocalPointValue(
        x=image.focal_point_x,
        y=image.focal_point_y,
        width=image.focal_point_width,
        height=image.focal_point_height,
    )


def image_value(image, purpose, *, alt=None, decorative=False):
    """The value of ``image`` for ``purpose``; renditions are created on first use (with
    renditions prefetched, see :func:`prefetch_renditions`, nothing is queried)."""
    if image is None:
        return None
    renditions = image.get_renditions(*purpose.specs)
    return ImageValue(
        id=image.pk,
        alt="" if decorative else (alt if alt is not None else image.default_alt_text or ""),
        decorative=decorative,
        width=image.width,
        height=image.height,
        focal_point=focal_point_value(image),
        renditions=[
            RenditionValue(spec=spec, url=r.url, width=r.width, height=r.height)
            for spec, r in renditions.items()
        ],
    )
