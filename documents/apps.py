from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "documents"
    label = "documents"
    verbose_name = "Publikationen"

    def ready(self):
        from wagtail.api.v3.urls import api

        from api.routers import v2_router
        from changes import registry
        from content import searchables
        from httpcache.cache import tagging

        from .api import PublicationsAPIViewSet, router
        from .models import Publication, PublicationIndexPage, publications_only
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
        v2_router.register_endpoint("documents", PublicationsAPIViewSet)
        router.add_decorator(tagging("listing:publications"), mode="view")
        api.add_router("/publications/", router)
        # A publication shows on the topics it is tagged with and in the library.
        registry.register(
            Publication,
            listings=["listing:publications"],
            dependents=lambda publication: [
                *publication.topics.values_list("pk", flat=True),
                *PublicationIndexPage.objects.values_list("pk", flat=True),
            ],
            m2m=["topics"],
        )
        registry.register_listing_urls("listing:publications", "/api/v3/publications/")
        # Found by the site search; a result links to the file.
        searchables.register(
            Publication,
            key="publication",
            label="Publikation",
            label_plural="Publikationen",
            # The description and the file's body: never the cover's type line and title.
            excerpt_texts=Publication.excerpt_texts,
            # A video file is found through the page that plays it, not as a publication.
            narrow=publications_only,
        )
