from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The adapters between delivered values and Wagtail's two APIs (v2 and v3): page fields,
    the v3 read schemas, query parameter policy, pagination, the OpenAPI document, the page by
    path endpoint. Apps register their own endpoints from their ``ready()``."""

    name = "api"
    verbose_name = "API"

    def ready(self):
        from .fields import register_v3_page_schemas, resolved_before_validation

        # First: Wagtail's v3 pages router reads the registered page schemas when imported.
        register_v3_page_schemas()

        from wagtail.api.v3.urls import api

        from .by_path import by_path_router
        from .images import AbsoluteImagesAPIViewSet
        from .params import strict_query
        from .routers import DeliveredPagesAPIViewSet, v2_router

        v2_router.register_endpoint("pages", DeliveredPagesAPIViewSet)
        v2_router.register_endpoint("images", AbsoluteImagesAPIViewSet)
        # Before any other view decorator, so it wraps each operation's own ``run``.
        api.add_decorator(strict_query, mode="view")
        api.add_decorator(resolved_before_validation, mode="operation")
        api.add_router("/page-by-path/", by_path_router)
