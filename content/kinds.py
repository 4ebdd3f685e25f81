"""What kind of content a model holds, as Wagtail divides it: pages, documents, images.

One answer for the resolution (the bucket a model's objects are loaded in, ``content.resolution``)
and the change pipeline (the first word of a change's event, ``changes.signal_handlers``).
"""

from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Page

PAGE, DOCUMENT, IMAGE = "page", "document", "image"


def kind_of(model):
    """``"page"``, ``"document"`` or ``"image"``; ``None`` for any other model (a snippet, a
    setting, a child row)."""
    if issubclass(model, Page):
        return PAGE
    if issubclass(model, AbstractDocument):
        return DOCUMENT
    if issubclass(model, AbstractImage):
        return IMAGE
    return None
