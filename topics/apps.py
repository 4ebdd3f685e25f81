from django.apps import AppConfig


class TopicsConfig(AppConfig):
    name = "topics"
    verbose_name = "Themen"

    def ready(self):
        from wagtail.api.v3.urls import api

        from delivery import invalidation
        from delivery.cache import tagging
        from governance import registry
        from people.models import Fachbereich

        from .api import router
        from .models import TopicIndexPage, TopicPage

        router.add_decorator(tagging("listing:topics"), mode="view")
        api.add_router("/topics/", router)
        invalidation.register(TopicPage, listings=["listing:topics"])
        invalidation.register(TopicIndexPage, lists_children=True)
        # The topics overview groups its topics under their Fachbereich's name.
        invalidation.register(
            Fachbereich,
            dependents=lambda _: TopicIndexPage.objects.values_list("pk", flat=True),
        )
        invalidation.register_listing_urls("listing:topics", "/api/v3/topics/")
        # Fachbereich editors work below the topic index; the review workflow applies there.
        registry.register_section(TopicIndexPage)
