from django.apps import AppConfig


class BlocksConfig(AppConfig):
    """The shared StreamField vocabulary (blocks with their values and templates)."""

    name = "blocks"
    verbose_name = "Inhaltsblöcke"
