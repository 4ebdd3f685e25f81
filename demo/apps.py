from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo content (``load_demo_content``) and its generated media."""

    name = "demo"
    verbose_name = "Demo-Inhalte"
