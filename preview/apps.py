from django.apps import AppConfig


class PreviewConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "preview"
    verbose_name = "Frontend-Vorschau"

    def ready(self):
        from wagtail.api.v3.urls import api

        from .api import router

        api.add_router("/preview/", router)
