from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Operations: health endpoints, the cache that degrades, request logs, backup/restore."""

    name = "ops"
    verbose_name = "Betrieb"
