from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    """What every page is delivered through: the shared blocks, visibility, reference
    resolution, the value types both outputs render, and the API plumbing."""

    name = "delivery"
    verbose_name = "Auslieferung"

    def ready(self):
        from wagtail.api.v2.views import PagesAPIViewSet
        from wagtail.images.api.v2.views import ImagesAPIViewSet

        from .api import v2_router

        v2_router.register_endpoint("pages", PagesAPIViewSet)
        v2_router.register_endpoint("images", ImagesAPIViewSet)
