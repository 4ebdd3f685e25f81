"""What the site and the API show of the home page, static pages and the site's chrome."""

from typing import Literal

from pydantic import Field

from blocks.shared import BaseStreamBlock
from content.pages import PageValue
from content.values import ImageValue, PageLinkValue, Value
from documents.values import PublicationValue
from easyread.values import EasyReadValue
from topics.values import FachbereichLinkValue, TopicTeaserValue


class HomePageValue(PageValue):
    intro: str
    featured_topics: list[TopicTeaserValue] = Field(
        description="Published topics, editor's order; without a choice the three most "
        "recently published."
    )
    fachbereiche: list[FachbereichLinkValue] = Field(
        description="Every Fachbereich with a published topic, alphabetically, linking to its "
        "section of the topics overview."
    )
    body: list[BaseStreamBlock.item_type()]
    latest_publications: list[PublicationValue] = Field(description="The newest three.")
    easy_read: EasyReadValue | None = Field(
        description="Only on pages in Leichte Sprache (`de-x-ls`): checked by, seal, original."
    )


class StandardPageValue(PageValue):
    intro: str
    body: list[BaseStreamBlock.item_type()]
    easy_read: EasyReadValue | None = Field(
        description="Only on pages in Leichte Sprache (`de-x-ls`): checked by, seal, original."
    )


class NavigationValue(Value):
    """The main menu: the home page's published children marked "show in menus"."""

    root: PageLinkValue
    items: list[PageLinkValue]


class SiteSettingsValue(Value):
    """Name, contact details and legal pages (the footer of every page)."""

    site_name: str
    organisation_name: str
    address: str
    email: str
    phone: str
    root: PageLinkValue
    imprint_page: PageLinkValue | None = Field(description="Null unless published and public.")
    privacy_page: PageLinkValue | None = Field(description="Null unless published and public.")
    accessibility_page: PageLinkValue | None = Field(
        description="Null unless published and public."
    )
    logo: ImageValue | None = Field(
        None, description="The header's logo (alt text: the organisation's name); null: none set."
    )


class LanguageValue(Value):
    """One of the site's languages (``SITE_LANGUAGES``), in the site's order, German first."""

    code: str = Field(
        description="The language code, as the pages' `meta.locale`, `translations[].locale`, "
        "`hreflang` and `lang` (`de-x-ls` is Leichte Sprache)."
    )
    name: str = Field(description="Its name in German, e.g. `Arabisch`.")
    own_name: str = Field(description="Its name in itself, e.g. `العربية`.")
    direction: Literal["ltr", "rtl"] = Field(description="Its writing direction (`dir`).")
    is_default: bool = Field(description="The site's default language (German, unprefixed).")
    home: PageLinkValue | None = Field(
        description="Its home page (the site home page's translation) when it is published "
        "and public; `null` while the language has none (a switcher leaves it out)."
    )
