from django.apps import AppConfig


class ChangesConfig(AppConfig):
    """The change pipeline: model and Wagtail signals become announced changes with the set of
    outputs they affect; the response cache, the CDN and the webhooks are told."""

    name = "changes"
    verbose_name = "Änderungen"

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
