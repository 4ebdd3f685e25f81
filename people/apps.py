from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = "Personen und Gremien"

    def ready(self):
        from wagtail.api.v3.urls import api

        from .api import router

        api.add_router("/people/", router)
