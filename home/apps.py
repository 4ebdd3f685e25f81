from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Startseite und Seiten"

    def ready(self):
        from wagtail.api.v3.urls import api

        from delivery.pages import register_html_part

        from .api import router
        from .chrome import SiteChrome

        register_html_part("chrome", lambda request, site, page: SiteChrome(site, page, request))
        api.add_router("/", router)
