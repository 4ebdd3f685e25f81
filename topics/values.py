"""What the site and the API show of topics."""

from pydantic import Field

from delivery.images import Purpose
from delivery.pages import PageValue
from delivery.values import URL, Image, PageLink
from documents.values import Publication
from people.values import ContactPerson, Fachbereich, Fachgruppe

from .blocks import FurtherInformationBlock, TopicBodyBlock


class TopicTeaser(PageLink):
    """A topic in lists: title, intro and hero, linking to the page."""

    intro: str
    hero: Image | None


class TopicIndexValue(PageValue):
    intro: str
    topics: list[TopicTeaser] = Field(description="Published topics, alphabetically.")


class TopicPageValue(PageValue):
    intro: str
    hero: Image | None
    body: list[TopicBodyBlock.item_type()]
    fachbereich: Fachbereich | None
    fachgruppen: list[Fachgruppe]
    contact_persons: list[ContactPerson] = Field(description="Published persons, editor's order.")
    further_information: list[FurtherInformationBlock.item_type()]
    publications: list[Publication] = Field(
        description="Public publications tagged with the topic and not already chosen in a "
        "publications block: the newest six (newest first, undated last)."
    )
    more_publications_url: URL | None = Field(
        description="The publications page filtered by this topic, when there are more."
    )


def topic_teaser_value(page, res):
    """A topic page (loaded with its hero image) as a teaser."""
    link = res.page_link(page)
    return TopicTeaser(
        **link.model_dump(),
        intro=page.intro,
        hero=res.image(
            page.hero_image,
            Purpose.HERO,
            alt=page.hero_alt_text,
            decorative=page.hero_image_decorative,
        ),
    )
