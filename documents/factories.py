import factory
from django.core.files.base import ContentFile
from wagtail_factories.factories import CollectionMemberFactory

from home.demo.media import publication_pdf

from .models import Publication


class PublicationFactory(CollectionMemberFactory):
    title = factory.Sequence(lambda n: f"Publikation {n}")
    file = factory.LazyAttribute(
        lambda o: ContentFile(publication_pdf(o.title, ["Beispieltext."]), name="publikation.pdf")
    )
    publication_type = "broschuere"
    language = "de"

    class Meta:
        model = Publication
