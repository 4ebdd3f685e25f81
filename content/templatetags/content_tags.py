"""Rendering delivered values: stream items through their block's template, images as
``<img srcset>`` from their renditions (the same ones the API lists)."""

import re

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.html import format_html

from content import locales

register = template.Library()


@register.simple_tag(takes_context=True)
def render_block(context, item):
    """One item of a delivered stream, rendered by its block's template."""
    return item._block.render_value(item.root.value, context)


@register.simple_tag
def img(image, sizes=None, alt=None, css_class="", loading="lazy", fetchpriority=""):
    """An ``<img>`` of a delivered image; ``alt`` overrides the image's own alt text (e.g.
    ``alt=""`` where the text beside the image already says what it shows)."""
    if image is None or image.src is None:
        return ""
    src = image.src
    return format_html(
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}"{}{}{}>',
        src.url,
        image.srcset,
        sizes or "100vw",
        src.width,
        src.height,
        image.alt if alt is None else alt,
        format_html(' class="{}"', css_class) if css_class else "",
        format_html(' loading="{}"', loading) if loading else "",
        format_html(' fetchpriority="{}"', fetchpriority) if fetchpriority else "",
    )


@register.filter
def phone_href(number):
    """A dialable tel: target: '0202 2822-000' -> '02022822000', '+49 (0)202 …' -> '+49202…'.

    Digits only, keeping a leading '+'; the German "(0)" is dropped from international numbers.
    """
    number = str(number or "").strip()
    if number.startswith("+"):
        return "+" + re.sub(r"\D", "", number.replace("(0)", ""))
    return re.sub(r"\D", "", number)


@register.filter
def get_item(mapping, key):
    """``mapping[key]`` in a template (``None`` when missing)."""
    return mapping.get(key) if mapping else None


def _language_attributes(code):
    """``lang`` (and ``dir`` where the direction changes) for text in ``code`` inside what is
    being rendered in another language, else ``""``."""
    current = translation.get_language() or settings.LANGUAGE_CODE
    if not code or code.lower() == current.lower():
        return ""
    own, theirs = locales.language(code), locales.language(current)
    direction = own.direction if own else "ltr"
    if theirs is not None and theirs.direction == direction:
        return format_html(' lang="{}"', code)
    return format_html(' lang="{}" dir="{}"', code, direction)


@register.filter
def lang_attr(code):
    """`` lang="de"`` on an element whose text is in ``code`` when the page is in another
    language (a contact person's German function on an English page: the fallback of
    ``content.translated``), so screen readers switch voice (WCAG 3.1.2); else nothing."""
    return _language_attributes(code)


@register.simple_tag
def in_language(text, code):
    """``text``, in a ``<span lang>`` when its language ``code`` is not the page's."""
    attributes = _language_attributes(code)
    if not attributes:
        return text
    return format_html("<span{}>{}</span>", attributes, text)
