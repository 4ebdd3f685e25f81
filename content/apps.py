from django.apps import AppConfig


class ContentConfig(AppConfig):
    """The content core every app stands on, knowing no content app: the value types both
    outputs render, who may see what (visibility), one resolution per response, pages that
    deliver themselves, sanitised rich text, the rendition vocabulary and the site's locales."""

    name = "content"
    verbose_name = "Inhaltskern"

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_migrate

        from .locales import sync_after_migrate

        # The configured languages' Locale rows exist after every migrate (content/locales.py).
        # Sent for Wagtail's core app, whose models hold them (Django sends post_migrate only
        # for apps with a models module, which this one has not).
        post_migrate.connect(sync_after_migrate, sender=apps.get_app_config("wagtailcore"))
