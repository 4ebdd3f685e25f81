"""Site-wide views that are not pages."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils import translation
from django.views.decorators.http import require_safe
from django.views.defaults import page_not_found
from wagtail import views as wagtail_views
from wagtail.models import Page

from content.locales import is_translated, language_from_path


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
    """Wagtail's page view (``path`` without the language prefix), whose 404 (no page at this
    path, or one its route refuses) is the site's own 404 page whatever ``DEBUG`` says: a
    visitor of the dev server, a designer or a browser test sees what production shows, not
    Django's technical 404 page. Other paths (the API, the admin) keep Django's answer, which
    with DEBUG on helps the developer."""
    try:
        if language_from_path(request.path_info):
            # Wagtail routes a language whose home page is not live in the German tree, and
            # serves the aliases "Übersetzen" leaves as parents: German content under /en/….
            route = Page.route_for_request(request, path)
            if (
                route is None
                or route[0].locale.language_code != translation.get_language()
                or not is_translated(route[0])
            ):
                raise Http404("No page in this language at this path.")
        return wagtail_views.serve(request, path)
    except Http404 as exception:
        return page_not_found(request, exception)
