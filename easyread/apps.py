from django.apps import AppConfig


class EasyReadConfig(AppConfig):
    """Leichte Sprache (easy-to-read German): the glossary, the pages' review metadata, the
    editors' checks of the rules. Below home and topics, whose page types carry its fields."""

    name = "easyread"
    verbose_name = "Leichte Sprache"

    def ready(self):
        from wagtail.api.v3.urls import api

        from changes import registry
        from content import richtext
        from governance.registry import register_shared_snippet
        from httpcache.cache import tagging

        from .api import router
        from .models import GlossaryPage, GlossaryTerm
        from .richtext import glossary_link_type

        richtext.register_link_type(glossary_link_type())
        # The Redaktion adds, changes and deletes terms; everyone in the admin chooses them.
        register_shared_snippet(GlossaryTerm)
        router.add_decorator(tagging("listing:glossary"), mode="view")
        api.add_router("/glossary/", router)

        # A term is shown on its glossary page (without a reference to it) and linked from rich
        # text (Wagtail's reference index finds those pages through the link handler).
        def glossary_pages(term):
            return GlossaryPage.objects.filter(locale_id=term.locale_id).values_list(
                "pk", flat=True
            )

        registry.register(GlossaryTerm, listings=["listing:glossary"], dependents=glossary_pages)
        registry.register_listing_urls("listing:glossary", "/api/v3/glossary/terms/")
