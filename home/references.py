"""Bulk loading of everything a StreamField value refers to, for API output.

Rendering blocks one by one would cost queries per block (renditions per image, a privacy check
per page or document, a page lookup per rich-text link). A stream's top-level block prepares a
:class:`StreamReferences` once and hands it down in the representation context, so a page costs
the same number of queries whether it has one section or thirty.
"""

from collections import defaultdict

from django.db.models import Model, prefetch_related_objects
from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Page
from wagtail.rich_text import RichText, expand_db_html

# Rich text sources are expanded together; Draftail never writes HTML comments.
_BOUNDARY = "<!--paritaet-api-rich-text-boundary-->"


class StreamReferences:
    """Facts about one stream's references, loaded in a fixed number of queries."""

    def __init__(self, value):
        by_model = defaultdict(list)
        for instance in model_instances(value):
            by_model[type(instance)].append(instance)

        images, pages, documents = [], [], []
        for model, instances in by_model.items():
            if issubclass(model, AbstractImage):
                images += instances
            elif issubclass(model, Page):
                pages += instances
            elif issubclass(model, AbstractDocument):
                documents += instances
            lookups = getattr(model, "api_prefetch_related", ())
            if lookups:
                prefetch_related_objects(instances, *lookups)
        if images:
            prefetch_related_objects(images, "renditions")

        self.public_page_ids = set()
        if pages:
            self.public_page_ids = set(
                Page.objects.live()
                .public()
                .filter(pk__in={p.pk for p in pages})
                .values_list("pk", flat=True)
            )
        self.public_document_ids = set()
        if documents:
            self.public_document_ids = set(
                get_document_model()
                .objects.public()
                .filter(pk__in={d.pk for d in documents})
                .values_list("pk", flat=True)
            )

        sources = list(dict.fromkeys(rich_texts(value)))
        self.rich_text = {}
        if sources:
            expanded = expand_db_html(_BOUNDARY.join(sources)).split(_BOUNDARY)
            if len(expanded) == len(sources):
                self.rich_text = dict(zip(sources, expanded, strict=True))


def leaves(value):
    """Yield every leaf value (not stream, struct or list) of a block value."""
    if isinstance(value, StreamValue):
        for child in value:
            yield from leaves(child.value)
    elif isinstance(value, StructValue):
        for item in value.values():
            yield from leaves(item)
    elif isinstance(value, ListValue | list | tuple):
        for item in value:
            yield from leaves(item)
    else:
        yield value


def model_instances(value):
    """Yield every model instance a (stream, struct, list) block value refers to."""
    return (leaf for leaf in leaves(value) if isinstance(leaf, Model))


def rich_texts(value):
    """Yield the source of every rich text in a block value."""
    return (leaf.source or "" for leaf in leaves(value) if isinstance(leaf, RichText))


def references_from(context, value):
    """The context's prepared references, or references prepared for ``value`` alone."""
    references = (context or {}).get("references")
    return references if references is not None else StreamReferences(value)
