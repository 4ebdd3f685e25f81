from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Suche"

    def ready(self):
        from wagtail.api.v3.urls import api

        from .api import router

        api.add_router("/search/", router)
