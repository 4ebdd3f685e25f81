from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v3.urls import api as v3_api
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from accounts import throttling
from api.openapi import openapi_admin_json, openapi_json
from api.routers import v2_router
from documents import views as document_views
from governance import reports as governance_reports
from home import views as home_views
from home.sitemap import Sitemap
from search import views as search_views
from security.media import public_media

urlpatterns = [
    # Wagtail's site history and workflow reports, narrowed to the reader's Fachbereiche.
    path("admin/reports/", include(governance_reports.report_urls)),
    path("admin/", include(wagtailadmin_urls)),
    path("health/", include("ops.urls")),
    path("api/v2/", v2_router.urls),
    path("api/v3/openapi.json", openapi_json, name="openapi_json"),
    path("api/v3/openapi-admin.json", openapi_admin_json, name="openapi_admin_json"),
    path("api/v3/", v3_api.urls),
    # Borrowed: see cms/borrowed.py (wagtail.documents.urls and wagtail.urls, shadowed here)
    # Wagtail's download URL, answered by its serve view with the project's cache headers.
    re_path(r"^documents/(\d+)/(.*)$", document_views.serve, name="wagtaildocs_serve"),
    # Wagtail's password forms of collections and pages, throttled (accounts/throttling.py).
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        throttling.collection_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        throttling.page_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("suche/", search_views.search, name="search"),
    path("favicon.ico", home_views.favicon, name="favicon"),
    path("sitemap.xml", sitemap, {"sitemaps": {"wagtail": Sitemap}}, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

# Public media (images) from local files; on S3 the bucket's public prefix serves them.
if (
    settings.SERVE_MEDIA
    and settings.MEDIA_URL.startswith("/")
    and not settings.AWS_STORAGE_BUCKET_NAME
):
    urlpatterns += [
        re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.+)$", public_media, name="media")
    ]

handler500 = "ops.errors.server_error"

# Wagtail serves every other path from the page tree; this must come last. Its page view is
# replaced by one whose 404 is the site's 404 page in development too (home/views.py). German
# pages unprefixed, every other language's under its code (/en/…, /de-x-ls/…): the request's
# language comes from the prefix alone (content/locales.py).
urlpatterns += [
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"),
]
urlpatterns += i18n_patterns(
    re_path(wagtail_urls.serve_pattern, home_views.serve_page, name="wagtail_serve"),
    prefix_default_language=False,
)
