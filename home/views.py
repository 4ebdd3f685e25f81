"""Site-wide files that are not pages: robots.txt."""

from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe


@require_safe
def robots_txt(request):
    """Crawlers may index the site but not the admin, the API or search results."""
    return TemplateResponse(
        request,
        "home/robots.txt",
        {"sitemap_url": request.build_absolute_uri("/sitemap.xml")},
        content_type="text/plain; charset=utf-8",
    )
