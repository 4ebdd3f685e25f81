from django.apps import AppConfig


class ContentConfig(AppConfig):
    """The content core every app stands on, knowing no content app: the value types both
    outputs render, who may see what (visibility), one resolution per response, pages that
    deliver themselves, sanitised rich text and the rendition vocabulary."""

    name = "content"
    verbose_name = "Inhaltskern"
