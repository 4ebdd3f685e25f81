from django.apps import AppConfig


class TopicsConfig(AppConfig):
    name = "topics"
    verbose_name = "Themen"

    def ready(self):
        from wagtail.api.v3.urls import api

        from changes import registry
        from content import searchables
        from documents.topics import register_topic_page
        from governance.registry import register_section
        from httpcache.cache import tagging
        from organisation.models import Fachbereich
        from people.models import ContactPerson, Fachgruppe

        from .api import router
        from .models import TopicIndexPage, TopicPage
        from .search import ASSIGNMENT_ANCHOR, CONTACTS_ANCHOR, shown_on_topic_pages

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
        # The site search finds topic pages; persons and Fachgruppen it finds link to the
        # topic page that shows them.
        searchables.register(
            TopicPage,
            key="topic",
            label="Thema",
            label_plural="Themen",
            select_related=("fachbereich",),
        )
        searchables.register_link(
            ContactPerson, shown_on_topic_pages("contact_person_links__person", CONTACTS_ANCHOR)
        )
        searchables.register_link(
            Fachgruppe, shown_on_topic_pages("fachgruppe_links__fachgruppe", ASSIGNMENT_ANCHOR)
        )
