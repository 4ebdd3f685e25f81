from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Suche"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.api.v3.urls import api
        from wagtail.contrib.search_promotions.models import SearchPromotion

        from jobs import registry

        from .sources import load_sources
        from .terms import flush

        # What the content apps registered (content/searchables.py); before the API module,
        # whose schema lists the types of result.
        load_sources()

        from .api import router
        from .engine import forget_promoted_query_strings

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
