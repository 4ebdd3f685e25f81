"""What the site and the API show of a Fachbereich."""

from content.values import Value


class FachbereichValue(Value):
    id: int
    name: str
    description: str


def fachbereich_value(fachbereich):
    if fachbereich is None:
        return None
    return FachbereichValue(
        id=fachbereich.pk, name=fachbereich.name, description=fachbereich.description
    )
