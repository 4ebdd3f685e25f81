"""Which page types are topics: the apps above tell the publications library here.

A publication is tagged with topics (``Publication.topics``, pages), is listed on them
automatically and is filtered by them on the publications page and in the API (``topic`` /
``thema``, a topic's slug). The topic page types live above documents (topics imports
documents), so they say so here from their ``AppConfig.ready()``; documents never names them.
"""

topic_page_models = []


def register_topic_page(model):
    """Publications may be tagged with pages of ``model`` (a page type)."""
    if model not in topic_page_models:
        topic_page_models.append(model)


def topic_pages():
    """The pages of every registered topic page type, as plain pages (none if none)."""
    from wagtail.models import Page

    if not topic_page_models:
        return Page.objects.none()
    return Page.objects.type(*topic_page_models)
