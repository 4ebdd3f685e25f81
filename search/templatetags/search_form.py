"""``{% search_form_token %}``: the hidden field that marks a search as made with the site's
own form, for the report of frequent queries (search/terms.py)."""

from django import template
from django.utils.html import format_html

from ..terms import FORM_PARAMETER, form_token

register = template.Library()


@register.simple_tag
def search_form_token():
    return format_html('<input type="hidden" name="{}" value="{}">', FORM_PARAMETER, form_token())
