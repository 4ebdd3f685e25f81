"""The download view: Wagtail's serve view, kept out of shared caches when personal."""

from django.utils.cache import patch_cache_control
from wagtail.documents.views.serve import serve as wagtail_serve

from httpcache.middleware import has_credentials


def serve(request, document_id, document_filename):
    """Wagtail's serve view (privacy check, ETag, streaming). A request with credentials (a
    logged-in member, a passed collection password) may be reading a private document: its
    answer says ``private`` so that no proxy or CDN keeps it for the next visitor."""
    response = wagtail_serve(request, document_id, document_filename)
    if has_credentials(request):
        patch_cache_control(response, private=True)
    return response
