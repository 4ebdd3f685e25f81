from django.apps import AppConfig


class TopicsConfig(AppConfig):
    name = "topics"
    verbose_name = "Themen"

    def ready(self):
        from wagtail.api.v3.urls import api

        from changes import registry
        from documents.topics import register_topic_page
        from governance.registry import register_section
        from httpcache.cache import tagging
        from organisation.models import Fachbereich

        from .api import router
        from .models import TopicIndexPage, TopicPage

        router.add_decorator(tagging("listing:topics"), mode="view")
        api.add_router("/topics/", router)
        registry.register(TopicPage, listings=["listing:topics"])
        registry.register(TopicIndexPage, lists_children=True)
        # The topics overview groups its topics under their Fachbereich's name.
        registry.register(
            Fachbereich,
            dependents=lambda _: TopicIndexPage.objects.values_list("pk", flat=True),
        )
        registry.register_listing_urls("listing:topics", "/api/v3/topics/")
        # Fachbereich editors work below the topic index; the review workflow applies there.
        register_section(TopicIndexPage)
        # Publications are tagged with topic pages, and listed on them.
        register_topic_page(TopicPage)
