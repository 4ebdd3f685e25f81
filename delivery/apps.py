from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    """What every page is delivered through: the shared blocks, visibility, reference
    resolution, the value types both outputs render, and the API plumbing."""

    name = "delivery"
    verbose_name = "Auslieferung"

    def ready(self):
        from .api import register_v3_page_schemas, resolved_before_validation, v2_router

        # First: Wagtail's v3 pages router reads the registered page schemas when imported.
        register_v3_page_schemas()

        from wagtail.api.v2.views import PagesAPIViewSet
        from wagtail.api.v3.urls import api

        from . import signal_handlers
        from .by_path import by_path_router
        from .images_api import DeliveredImagesAPIViewSet
        from .params import strict_query

        v2_router.register_endpoint("pages", PagesAPIViewSet)
        v2_router.register_endpoint("images", DeliveredImagesAPIViewSet)
        # Before any other view decorator, so it wraps each operation's own ``run``.
        api.add_decorator(strict_query, mode="view")
        api.add_decorator(resolved_before_validation, mode="operation")
        api.add_router("/page-by-path/", by_path_router)
        signal_handlers.connect()
