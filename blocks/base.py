"""What makes a block deliverable, and a stream of such blocks.

Every block declares, next to its definition, the type of its delivered value
(``value_type``, a ``content.values`` model) and how its stored data becomes that value
(``resolve``): the same value is rendered by the block's template and returned by the API.
``resolve`` returns ``None`` to leave the block out (an image that was deleted, a link whose
target the reader may not see); a stored value that does not fit its type (a required text
that is empty after an import) is left out of the stream and logged.

The shared vocabulary every content page offers is :mod:`blocks.shared`; app-specific blocks
(contact persons, publications) live in their apps and follow the same pattern.
"""

import logging
from typing import Annotated, ClassVar, Literal, Union

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from pydantic import Field, PlainSerializer, RootModel, create_model
from pydantic import ValidationError as SchemaError
from wagtail import blocks

from content.resolution import Resolution
from content.values import Value, absolute_links
from content.visibility import Reader

logger = logging.getLogger(__name__)

# Section headings are h2; inside a section editors may use h3 and h4 so the outline stays intact.
# "glossary": a word linked to its explanation in the Leichte Sprache glossary (an app
# registers the feature and the link type, see content.richtext.LinkType).
RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "glossary"]

HTML = Annotated[
    str,
    PlainSerializer(absolute_links, return_type=str),
    Field(description="HTML; internal links point to public URLs only (absolute in the API)."),
]


class ResolvedBlock:
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


class ResolvedStreamBlock(blocks.StreamBlock):
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
                page = res.resolved_page
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
