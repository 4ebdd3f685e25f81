from django.apps import AppConfig


class TopicsConfig(AppConfig):
    name = "topics"
    verbose_name = "Themen"

    def ready(self):
        from wagtail.api.v3.urls import api

        from .api import router

        api.add_router("/topics/", router)
