"""Site-wide views that are not pages."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.views.decorators.http import require_safe
from django.views.defaults import page_not_found
from wagtail import views as wagtail_views


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


def serve_page(request, path):
    """Wagtail's page view, whose 404 (no page at this path, or one its route refuses) is the
    site's own 404 page whatever ``DEBUG`` says: a visitor of the dev server, a designer or a
    browser test sees what production shows, not Django's technical 404 page. Other paths
    (the API, the admin) keep Django's answer, which with DEBUG on helps the developer."""
    try:
        return wagtail_views.serve(request, path)
    except Http404 as exception:
        return page_not_found(request, exception)
