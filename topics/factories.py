"""Test data factories for topic pages. Pages are created under a parent with ``parent=``."""

import factory
import wagtail_factories
from wagtail.rich_text import RichText

from .models import TopicIndexPage, TopicPage, TopicPageContactPerson, TopicPageFachgruppe


class TopicIndexPageFactory(wagtail_factories.PageFactory):
    title = "Themen"
    slug = "themen"

    class Meta:
        model = TopicIndexPage


def sections(count, prefix="Abschnitt"):
    """StreamField data for ``count`` section blocks."""
    return [
        ("section", {"heading": f"{prefix} {i}", "text": RichText(f"<p>Text {i}</p>")})
        for i in range(1, count + 1)
    ]


class TopicPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Thema {n}")
    intro = "Eine Einleitung."
    body = factory.LazyFunction(lambda: sections(1))

    class Meta:
        model = TopicPage


class TopicPageContactPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TopicPageContactPerson


class TopicPageFachgruppeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TopicPageFachgruppe
