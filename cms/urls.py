from django.conf import settings
from django.urls import include, path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v3.urls import api as v3_api
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from delivery.api import v2_router
from delivery.openapi import openapi_json
from home import views as home_views
from home.sitemap import Sitemap
from search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("api/v2/", v2_router.urls),
    path("api/v3/openapi.json", openapi_json, name="openapi_json"),
    path("api/v3/", v3_api.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("suche/", search_views.search, name="search"),
    path("favicon.ico", home_views.favicon, name="favicon"),
    path("sitemap.xml", sitemap, {"sitemaps": {"wagtail": Sitemap}}, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(
            template_name="home/robots.txt", content_type="text/plain; charset=utf-8"
        ),
        name="robots_txt",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail serves every other path from the page tree; this must come last.
urlpatterns += [path("", include(wagtail_urls))]
