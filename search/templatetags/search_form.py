"""``{% search_form_token %}``: the hidden field that marks a search as made with the site's
own form, for the report of frequent queries (search/terms.py)."""

from django import template
from django.utils.html import format_html

from ..terms import FORM_PARAMETER, form_token

register = template.Library()


@register.simple_tag
def search_form_token():
    return format_html('<input type="hidden" name="{}" value="{}">', FORM_PARAMETER, form_token())


@register.simple_tag
def search_result_lang(code):
    """`` lang="…" dir="…"`` of a result in another language than the search page's (German)."""
    from content.locales import language

    known = language(code)
    if known is None or known.is_default:
        return ""
    return format_html(' lang="{}" dir="{}"', known.code, known.direction)


@register.simple_tag(takes_context=True)
def search_language_field(context):
    """The header form's hidden ``sprache`` field on a page in another language than German:
    the search ranks that language's results first (search/views.py); on the search page the
    language searched in."""
    code = context.get("search_language")
    if not code:
        languages = context.get("languages")
        current = getattr(languages, "current", None) if languages else None
        code = "" if current is None or current.is_default else current.code
    return format_html('<input type="hidden" name="sprache" value="{}">', code) if code else ""
