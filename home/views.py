"""Site-wide views that are not pages."""

from django.conf import settings
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.views.decorators.http import require_safe


def favicon(request):
    """``/favicon.ico``, which browsers ask for whatever the page links: the static icon.
    A temporary redirect, since the static file's (hashed) name changes with its content."""
    return redirect(static("icons/favicon.ico"))


@require_safe
def robots_txt(request):
    """``/robots.txt``, its sitemap line from ``SITE_BASE_URL``: not from the request's
    ``Host``, which a client chooses (and a shared cache would keep)."""
    return render(
        request,
        "home/robots.txt",
        {"sitemap_url": f"{settings.SITE_BASE_URL.rstrip('/')}/sitemap.xml"},
        content_type="text/plain; charset=utf-8",
    )
