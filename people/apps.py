from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = "Personen und Gremien"

    def ready(self):
        from wagtail.api.v3.urls import api
        from wagtail.permissions import register_permission_policy

        from changes import registry
        from content import searchables
        from governance.permissions import (
            FachbereichModelPermissionPolicy,
            TranslatorPermissionPolicy,
        )
        from governance.registry import register_snippet
        from httpcache.cache import tagging
        from organisation.models import Fachbereich

        from .api import router
        from .models import ContactPerson, Fachgruppe

        router.add_decorator(tagging("listing:people"), mode="view")
        api.add_router("/people/", router)
        for model in (ContactPerson, Fachbereich, Fachgruppe):
            registry.register(model, listings=["listing:people"])
        registry.register_listing_urls(
            "listing:people",
            "/api/v3/people/contact-persons/",
            "/api/v3/people/fachbereiche/",
            "/api/v3/people/fachgruppen/",
        )
        # Fachbereich editors may edit only their Fachbereich's contact persons (before any
        # admin view asks for the policy); the review workflow applies to contact persons too.
        register_permission_policy(ContactPerson, FachbereichModelPermissionPolicy(ContactPerson))
        # The Redaktion and a Fachbereich's editors translate the Fachbereich and its
        # Fachgruppen (only their translations: content.translated).
        register_permission_policy(Fachbereich, TranslatorPermissionPolicy(Fachbereich, "pk"))
        register_permission_policy(
            Fachgruppe, TranslatorPermissionPolicy(Fachgruppe, "fachbereich_id")
        )
        register_snippet(ContactPerson)
        # Found by the site search (where they link to, the topics app says).
        searchables.register(
            ContactPerson,
            key="person",
            label="Ansprechperson",
            label_plural="Ansprechpersonen",
            title_fields=("first_name", "last_name"),
            select_related=("fachbereich",),
        )
        searchables.register(
            Fachgruppe,
            key="fachgruppe",
            label="Fachgruppe",
            label_plural="Fachgruppen",
            title_fields=("name",),
            select_related=("fachbereich",),
        )
