"""What the site and the API show of the glossary and of a page in Leichte Sprache."""

from datetime import date

from pydantic import Field

from content.pages import PageValue
from content.values import URL, ImageValue, PageLinkValue, Value

NOT_BINDING_NOTE = (
    "Dieser Text ist in Leichter Sprache. Der Text ist nicht rechts-verbindlich. "
    "Rechts-verbindlich ist nur der Text in Alltags-Sprache."
)


class GlossaryTermValue(Value):
    """A hard word with its explanation in Leichte Sprache."""

    id: int
    term: str
    anchor: str = Field(description="The term's HTML id on the glossary page.")
    explanation: str = Field(description="Plain text in Leichte Sprache.")
    image: ImageValue | None = Field(description="A picture explaining the word; null: none.")
    image_credit: str = Field(description="The picture's credit; may be empty.")
    locale: str = Field(description="Language code of the term, e.g. `de-x-ls`.")
    url: URL | None = Field(
        description="The term on the glossary page of its language (`…#anchor`); null while "
        "that language has no published glossary page."
    )


class GlossaryLetterValue(Value):
    letter: str = Field(description="`A` … `Z` (umlauts with their vowel), `#` for the rest.")
    anchor: str = Field(description="The letter's HTML id on the glossary page.")
    terms: list[GlossaryTermValue]


class GlossaryIndexEntryValue(Value):
    letter: str
    anchor: str | None = Field(description="Null when no term starts with the letter.")


class GlossaryPageValue(PageValue):
    intro: str
    index: list[GlossaryIndexEntryValue] = Field(description="A to Z, for the letter navigation.")
    letters: list[GlossaryLetterValue] = Field(
        description="The terms of the page's language by first letter (letters with terms only)."
    )


class EasyReadValue(Value):
    """A page in Leichte Sprache: who checked it, its seal, and its legally binding original."""

    checked_by: str = Field(description="The Prüfgruppe that checked the text; may be empty.")
    checked_on: date | None = Field(description="When it was checked; null: not given.")
    seal_used: bool = Field(description="Whether the text carries a seal for easy-to-read text.")
    seal: str = Field(
        description="Which seal: `inclusion-europe`, `netzwerk-leichte-sprache`, `andere`; "
        "empty when none."
    )
    seal_label: str = Field(description="The seal's German name; empty when none.")
    note: str = Field(
        NOT_BINDING_NOTE, description="The note that the text is not legally binding."
    )
    original: PageLinkValue | None = Field(
        description="The legally binding original in standard German (live and public); null: none."
    )
