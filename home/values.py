"""What the site and the API show of the home page, static pages and the site's chrome."""

from pydantic import Field

from delivery.blocks import BaseStreamBlock
from delivery.pages import PageValue
from delivery.values import PageLink, Value
from documents.values import Publication
from topics.values import FachbereichLink, TopicTeaser


class HomePageValue(PageValue):
    intro: str
    featured_topics: list[TopicTeaser] = Field(
        description="Published topics, editor's order; without a choice the three most "
        "recently published."
    )
    fachbereiche: list[FachbereichLink] = Field(
        description="Every Fachbereich with a published topic, alphabetically, linking to its "
        "section of the topics overview."
    )
    body: list[BaseStreamBlock.item_type()]
    latest_publications: list[Publication] = Field(description="The newest three.")


class StandardPageValue(PageValue):
    intro: str
    body: list[BaseStreamBlock.item_type()]


class Navigation(Value):
    """The main menu: the home page's published children marked "show in menus"."""

    root: PageLink
    items: list[PageLink]


class SiteSettings(Value):
    """Name, contact details and legal pages (the footer of every page)."""

    site_name: str
    organisation_name: str
    address: str
    email: str
    phone: str
    root: PageLink
    imprint_page: PageLink | None = Field(description="Null unless published and public.")
    privacy_page: PageLink | None = Field(description="Null unless published and public.")
    accessibility_page: PageLink | None = Field(description="Null unless published and public.")
