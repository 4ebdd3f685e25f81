import io

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from reportlab.pdfgen import canvas
from wagtail.models import Collection

from .models import Publication, PublicationIndexPage


def publication_pdf(title, paragraphs):
    """A small, real two-page PDF with extractable text (one line per paragraph)."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.setTitle(title)
    for number, line in enumerate([title, *paragraphs]):
        pdf.drawString(72, 770 - 18 * number, line[:90])
    pdf.showPage()
    pdf.drawString(72, 770, "Seite 2")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


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
