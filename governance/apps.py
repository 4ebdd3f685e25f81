from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = "Redaktion und Prüfung"

    def ready(self):
        from . import signal_handlers

        signal_handlers.register()
