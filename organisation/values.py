"""What the site and the API show of a Fachbereich."""

from pydantic import Field

from content.translated import translated
from content.values import Value

LANGUAGE_FIELD = (
    "Language code of `{field}`: the requested language (the page's, or the API's `locale`) "
    "where a translation gives it, else `de` (German, the fallback)."
)


class FachbereichValue(Value):
    id: int
    name: str = Field(description="In the requested language where translated, else German.")
    name_language: str = Field(description=LANGUAGE_FIELD.format(field="name"))
    description: str = Field(description="In the requested language where translated, else German.")
    description_language: str = Field(description=LANGUAGE_FIELD.format(field="description"))


def fachbereich_value(fachbereich, language=None):
    """``fachbereich``'s value in ``language`` (German where it has no translation)."""
    if fachbereich is None:
        return None
    name, name_language = translated(fachbereich, "name", language)
    description, description_language = translated(fachbereich, "description", language)
    return FachbereichValue(
        id=fachbereich.pk,
        name=name,
        name_language=name_language,
        description=description,
        description_language=description_language,
    )
