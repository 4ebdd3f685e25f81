import factory
import wagtail_factories
from django.core.files.base import ContentFile
from wagtail.models import Collection

from home.demo.media import publication_pdf

from .models import Publication, PublicationIndexPage


class PublicationFactory(factory.django.DjangoModelFactory):
    """A public publication (root collection) with a small, real PDF."""

    title = factory.Sequence(lambda n: f"Publikation {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.LazyAttribute(
        lambda o: ContentFile(publication_pdf(o.title, ["Beispieltext."]), name="publikation.pdf")
    )
    publication_type = "broschuere"
    language = "de"

    class Meta:
        model = Publication
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)


class PublicationIndexPageFactory(wagtail_factories.PageFactory):
    title = "Publikationen"
    slug = "publikationen"

    class Meta:
        model = PublicationIndexPage
