import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from .models import StandardPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = "Impressum"
    slug = "impressum"

    class Meta:
        model = StandardPage


class EmbedFactory(DjangoModelFactory):
    """An oEmbed result already in Wagtail's embed cache, so that no provider is asked."""

    url = factory.Sequence(lambda n: f"https://www.youtube.com/watch?v=demo{n}")
    hash = factory.LazyAttribute(lambda o: get_embed_hash(o.url))
    type = "video"
    provider_name = "YouTube"
    width = 560
    height = 315
    html = factory.LazyAttribute(
        lambda o: (
            f'<iframe src="https://www.youtube-nocookie.com/embed/{o.url.rsplit("=", 1)[-1]}" '
            'width="560" height="315" allowfullscreen></iframe>'
        )
    )

    class Meta:
        model = Embed
        django_get_or_create = ("hash",)
