"""API output of topic pages: every reference resolved, so one response renders the page."""

from django.db.models import QuerySet, prefetch_related_objects

from documents.schemas import publication_representation
from home.schemas import (
    CONTENT_IMAGE_SPECS,
    ImageSchema,
    PageReferenceSchema,
    image_representation,
    page_reference,
)
from people.schemas import contact_person_representation, fachgruppe_representation


class TopicTeaserSchema(PageReferenceSchema):
    """A topic in lists: title, intro and hero, linking to the page."""

    intro: str
    hero: ImageSchema | None


def hero_representation(page, request):
    """The hero image with the page's alt text (empty when marked decorative)."""
    if page.hero_image is None:
        return None
    return image_representation(
        page.hero_image,
        request,
        specs=CONTENT_IMAGE_SPECS,
        alt=page.hero_alt_text,
        decorative=page.hero_image_decorative,
    )


def topic_teaser_representation(page, request):
    return {
        **page_reference(page, request),
        "intro": page.intro,
        "hero": hero_representation(page, request),
    }


def contact_persons_representation(persons, request):
    return [contact_person_representation(person, request) for person in persons]


def fachgruppen_representation(fachgruppen, request):
    fachgruppen = list(fachgruppen)
    prefetch_related_objects(fachgruppen, "lead__photo__renditions")
    return [fachgruppe_representation(fachgruppe, request) for fachgruppe in fachgruppen]


def publications_representation(publications, request):
    if isinstance(publications, QuerySet):
        publications = publications.public()
    return [publication_representation(publication, request) for publication in publications]
