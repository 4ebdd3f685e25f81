from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = "Personen und Gremien"

    def ready(self):
        from wagtail.api.v3.urls import api

        from delivery import invalidation
        from delivery.cache import tagging

        from .api import router
        from .models import ContactPerson, Fachbereich, Fachgruppe

        router.add_decorator(tagging("listing:people"), mode="view")
        api.add_router("/people/", router)
        for model in (ContactPerson, Fachbereich, Fachgruppe):
            invalidation.register(model, listings=["listing:people"])
        invalidation.register_listing_urls(
            "listing:people",
            "/api/v3/people/contact-persons/",
            "/api/v3/people/fachbereiche/",
            "/api/v3/people/fachgruppen/",
        )
