"""Assembles the delivery API from the apps' own endpoints.

- v2 (Django REST framework, stable): ``/api/v2/`` with pages, images, documents.
- v3 (Django Ninja, OpenAPI 3.1): Wagtail's own ``api`` instance at ``/api/v3/``; the apps add
  their anonymous public routers to it here, so every endpoint is in one OpenAPI document.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.api.v3.urls import api as v3_api
from wagtail.images.api.v2.views import ImagesAPIViewSet

from documents.api import PublicationsAPIViewSet
from documents.api import router as publications_router
from home.api import router as site_router
from people.api import router as people_router
from preview.api import router as preview_router
from search.api import router as search_router
from topics.api import router as topics_router

v2_router = WagtailAPIRouter("wagtailapi")
v2_router.register_endpoint("pages", PagesAPIViewSet)
v2_router.register_endpoint("images", ImagesAPIViewSet)
v2_router.register_endpoint("documents", PublicationsAPIViewSet)

v3_api.add_router("/people/", people_router)
v3_api.add_router("/publications/", publications_router)
v3_api.add_router("/topics/", topics_router)
v3_api.add_router("/", site_router)
v3_api.add_router("/preview/", preview_router)
v3_api.add_router("/search/", search_router)

__all__ = ["v2_router", "v3_api"]
