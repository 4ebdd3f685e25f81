"""Helpers for contact details: phone numbers as dialable tel: links."""

import re

from django import template

register = template.Library()


@register.filter
def phone_href(number):
    """A dialable tel: target: '0202 2822-000' -> '02022822000', '+49 (0)202 …' -> '+49202…'.

    Digits only, keeping a leading '+'; the German "(0)" is dropped from international numbers.
    """
    number = str(number or "").strip()
    if number.startswith("+"):
        return "+" + re.sub(r"\D", "", number.replace("(0)", ""))
    return re.sub(r"\D", "", number)
