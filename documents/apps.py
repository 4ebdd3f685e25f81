from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "documents"
    label = "documents"
    verbose_name = "Publikationen"

    def ready(self):
        from wagtail.api.v3.urls import api

        from delivery.api import v2_router

        from .api import PublicationsAPIViewSet, router
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
        v2_router.register_endpoint("documents", PublicationsAPIViewSet)
        api.add_router("/publications/", router)
