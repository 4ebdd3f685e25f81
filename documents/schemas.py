"""API output of publications (the document model), shared by v2 and v3."""

import datetime

from ninja import Schema
from pydantic import Field

from home.schemas import full_url


class PublicationSchema(Schema):
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
    download_url: str


def publication_representation(publication, request):
    return {
        "id": publication.pk,
        "title": publication.title,
        "description": publication.description,
        "type": publication.publication_type,
        "type_label": str(publication.get_publication_type_display()),
        "date": publication.publication_date,
        "language": publication.language,
        "language_label": str(publication.get_language_display()),
        "file_extension": publication.file_extension,
        "file_size": publication.file_size,
        "page_count": publication.page_count,
        "is_accessible": publication.is_accessible,
        "download_url": full_url(request, publication.url),
    }
