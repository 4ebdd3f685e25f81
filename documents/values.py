"""What the site and the API show of publications."""

import datetime

from pydantic import Field

from content.pages import PageValue
from content.renditions import Purpose
from content.resolution import Resolution
from content.values import URL, ImageValue, Value


class PublicationValue(Value):
    """A downloadable publication."""

    id: int
    title: str
    description: str
    type: str = Field(description="Publication type key, e.g. `broschuere`.")
    type_label: str = Field(description="Publication type in German, e.g. „Broschüre“.")
    date: datetime.date | None = Field(description="Publication date.")
    language: str = Field(description="Language code, e.g. `de` or `de-x-ls` (Leichte Sprache).")
    language_label: str
    file_extension: str
    file_size: int | None = Field(description="Size of the file in bytes.")
    page_count: int | None
    is_accessible: bool = Field(description="True for a tagged, accessible PDF (PDF/UA).")
    download_url: URL
    cover: ImageValue | None = Field(description="The first page (PDFs in public collections).")


class PublicationIndexValue(PageValue):
    intro: str


def publication_value(publication, res):
    """``publication`` (loaded with its cover) as a value."""
    return PublicationValue(
        id=publication.pk,
        title=publication.title,
        description=publication.description,
        type=publication.publication_type,
        type_label=str(publication.get_publication_type_display()),
        date=publication.publication_date,
        language=publication.language,
        language_label=str(publication.get_language_display()),
        file_extension=publication.file_extension,
        file_size=publication.file_size,
        page_count=publication.page_count,
        is_accessible=publication.is_accessible,
        download_url=publication.url,
        # The title follows in text: the cover is decoration.
        cover=res.image(publication.cover_image, Purpose.COVER, decorative=True),
    )


def publication_values(publications, res=None):
    """Values of already selected publications, covers' renditions loaded in bulk."""
    publications = list(publications)
    if res is None:
        res = Resolution()
        res.add(publications)
        res.load()
    return [publication_value(publication, res) for publication in publications]
