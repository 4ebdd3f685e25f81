from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Suche"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.api.v3.urls import api
        from wagtail.contrib.search_promotions.models import SearchPromotion

        from jobs import registry

        from . import checks  # noqa: F401 - registers the system checks
        from .sources import load_sources
        from .terms import flush

        # What the content apps registered (content/searchables.py); before the API module,
        # whose schema lists the types of result.
        load_sources()

        from httpcache import cache

        from .api import router
        from .engine import SEARCH_TAG, forget_promoted_query_strings
        from .terms import FORM_PARAMETER, HIT_HANDLER, count_from_the_site

        # Search answers are kept by the response cache; any change invalidates them
        # (changes.events.announce), and a search answered from it still counts for the report.
        router.add_decorator(cache.tagging(SEARCH_TAG), mode="view")
        cache.when_hit(HIT_HANDLER, count_from_the_site)
        cache.leave_out_of_key(FORM_PARAMETER)
        api.add_router("/search/", router)
        # The searches counted in the cache go into the editors' report (search/terms.py).
        registry.register("flush_search_terms", flush)
        # The cached list of promoted queries (search.engine.promoted_query_strings); deleting
        # a query deletes its promotions one by one, so this sees that too.
        for signal in (post_save, post_delete):
            signal.connect(
                forget_promoted_query_strings,
                sender=SearchPromotion,
                dispatch_uid=f"search-promoted-{signal is post_save}",
            )
