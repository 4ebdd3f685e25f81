from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Startseite und Seiten"

    def ready(self):
        from django.db.models.signals import post_migrate
        from wagtail.api.v3.urls import api

        from changes import registry
        from content.pages import register_html_part
        from documents.models import Publication
        from httpcache.cache import tagging
        from organisation.models import Fachbereich
        from topics.models import TopicPage

        from .api import router
        from .chrome import LEGAL_PAGES, SiteChrome
        from .languages import LanguageSwitcher
        from .models import HomePage, SiteSettings
        from .site import sync_after_migrate

        # The default Site follows SITE_BASE_URL after every migrate (home/site.py).
        post_migrate.connect(sync_after_migrate, sender=self)
        register_html_part("chrome", lambda request, site, page: SiteChrome(site, page, request))
        register_html_part("languages", lambda request, site, page: LanguageSwitcher(site, page))
        router.add_decorator(tagging("chrome"), mode="view")
        api.add_router("/", router)

        # The home page lists the latest publications, the newest topics when none are
        # featured, and the Fachbereiche of the published topics; the settings are every
        # page's footer.
        def home_pages(_):
            return HomePage.objects.values_list("pk", flat=True)

        registry.register(Publication, dependents=home_pages)
        registry.register(TopicPage, dependents=home_pages)
        registry.register(Fachbereich, dependents=home_pages)
        registry.register(SiteSettings, chrome=True)
        registry.LEGAL_PAGES.append(
            lambda: {
                pk
                for row in SiteSettings.objects.values_list(*(f"{n}_id" for n in LEGAL_PAGES))
                for pk in row
                if pk
            }
        )
        registry.register_listing_urls(
            "chrome", "/api/v3/navigation/", "/api/v3/site-settings/", "/api/v3/languages/"
        )
