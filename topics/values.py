"""What the site and the API show of topics."""

from django.utils.text import slugify
from pydantic import Field

from content.pages import PageValue
from content.renditions import Purpose
from content.values import URL, ImageValue, PageLinkValue, Value
from documents.values import PublicationValue
from easyread.values import EasyReadValue
from organisation.values import FachbereichValue, fachbereich_value
from people.values import ContactPersonValue, FachgruppeValue

from .blocks import FurtherInformationBlock, TopicBodyBlock


class TopicTeaserValue(PageLinkValue):
    """A topic in lists: title, intro and hero, linking to the page."""

    intro: str
    hero: ImageValue | None


class FachbereichTopicsValue(Value):
    """A Fachbereich's section of the topics overview; `anchor` is the section's HTML id."""

    fachbereich: FachbereichValue | None = Field(description="Null for topics without one.")
    anchor: str
    topics: list[TopicTeaserValue]


class FachbereichLinkValue(Value):
    """A way into a Fachbereich: its section of the topics overview."""

    id: int
    name: str = Field(description="In the page's language where translated, else German.")
    name_language: str = Field(
        description="Language code of `name`: the page's where translated, else `de`."
    )
    url: URL


class TopicIndexValue(PageValue):
    intro: str
    topics: list[TopicTeaserValue] = Field(description="Published topics, alphabetically.")
    groups: list[FachbereichTopicsValue] = Field(
        description="The same topics by Fachbereich (alphabetically; topics without one last)."
    )


# A table of contents helps from this many sections on; below it would only repeat the page.
CONTENTS_MIN_SECTIONS = 3


def table_of_contents(body):
    """The section headings of a resolved body, when there are enough of them."""
    sections = [item.root.value for item in body if item.root.type == "section"]
    if len(sections) < CONTENTS_MIN_SECTIONS:
        return []
    return [ContentsEntryValue(heading=s.heading, anchor=s.anchor) for s in sections]


def fachbereich_anchor(fachbereich):
    """The id of a Fachbereich's section on the topics overview."""
    return f"fachbereich-{slugify(fachbereich.name)}" if fachbereich else "weitere-themen"


def fachbereich_groups(topics, teasers, language=None):
    """``teasers`` of ``topics`` (same order) grouped by the topics' Fachbereich, named in
    ``language`` (German where not translated) and in that name's order."""
    groups = {}
    for topic, teaser in zip(topics, teasers, strict=True):
        groups.setdefault(topic.fachbereich, []).append(teaser)
    values = {f: fachbereich_value(f, language) for f in groups}
    order = sorted(groups, key=lambda f: (f is None, values[f].name.lower() if f else ""))
    return [
        FachbereichTopicsValue(
            fachbereich=values[f], anchor=fachbereich_anchor(f), topics=groups[f]
        )
        for f in order
    ]


class ContentsEntryValue(Value):
    heading: str
    anchor: str = Field(description="The section heading's HTML id.")


class TopicPageValue(PageValue):
    intro: str
    contents: list[ContentsEntryValue] = Field(
        description="The table of contents: the body's section headings, when there are at "
        "least three (else empty)."
    )
    hero: ImageValue | None
    body: list[TopicBodyBlock.item_type()]
    fachbereich: FachbereichValue | None
    fachgruppen: list[FachgruppeValue]
    contact_persons: list[ContactPersonValue] = Field(
        description="Published persons, editor's order."
    )
    further_information: list[FurtherInformationBlock.item_type()]
    publications: list[PublicationValue] = Field(
        description="Public publications tagged with the topic and not already chosen in a "
        "publications block: the newest six (newest first, undated last)."
    )
    more_publications_url: URL | None = Field(
        description="The publications page filtered by this topic, when there are more."
    )
    easy_read: EasyReadValue | None = Field(
        description="Only on pages in Leichte Sprache (`de-x-ls`): checked by, seal, original."
    )


def topic_teaser_value(page, res):
    """A topic page (loaded with its hero image) as a teaser."""
    link = res.page_link(page)
    return TopicTeaserValue(
        **link.model_dump(),
        intro=page.intro,
        hero=res.image(
            page.hero_image,
            Purpose.HERO,
            alt=page.hero_alt_text,
            decorative=page.hero_image_decorative,
        ),
    )
