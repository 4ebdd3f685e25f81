"""Site-wide views that are not pages."""

from django.shortcuts import redirect
from django.templatetags.static import static


def favicon(request):
    """``/favicon.ico``, which browsers ask for whatever the page links: the static icon.
    A temporary redirect, since the static file's (hashed) name changes with its content."""
    return redirect(static("icons/favicon.ico"))
