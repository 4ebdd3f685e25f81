"""What the site and the API show of contact persons and Fachgruppen (the Fachbereich's value
is the organisation app's)."""

from pydantic import Field

from content.renditions import Purpose
from content.translated import translated
from content.values import ImageValue, Value
from content.visibility import is_visible_snippet
from organisation.values import LANGUAGE_FIELD, FachbereichValue, fachbereich_value


class ContactPersonValue(Value):
    """A published contact person; `photo` is null when there is none (show `initials`). A
    contact may be named only by its function: then `first_name`, `last_name`,
    `academic_title` and `initials` are empty and `name` is the function (`role`)."""

    id: int
    name: str = Field(
        description=(
            "What the contact is called: the full name with academic title, or for a contact "
            "named only by its function, the function (`role`). Never empty."
        )
    )
    academic_title: str
    first_name: str = Field(description="Empty for a contact named only by its function.")
    last_name: str = Field(description="Empty for a contact named only by its function.")
    initials: str = Field(description="Of the name; empty without a name.")
    role: str = Field(
        description="The function, e.g. `Fachreferentin Migration`, in the requested language "
        "where translated, else German; may be empty."
    )
    role_language: str = Field(
        description=LANGUAGE_FIELD.format(field="role")
        + " For a contact named only by its function, the language of `name` too."
    )
    email: str
    phone: str
    photo: ImageValue | None


class FachgruppeValue(Value):
    """A Fachgruppe with its Fachbereich and its lead (null when unset or not published)."""

    id: int
    name: str = Field(description="In the requested language where translated, else German.")
    name_language: str = Field(description=LANGUAGE_FIELD.format(field="name"))
    description: str = Field(description="In the requested language where translated, else German.")
    description_language: str = Field(description=LANGUAGE_FIELD.format(field="description"))
    fachbereich: FachbereichValue | None
    lead: ContactPersonValue | None


def contact_person_value(person, res):
    """``person`` (loaded with its photo) as a value; ``None`` when it is not published."""
    if not is_visible_snippet(person):
        return None
    return card_value(person, res)


def card_value(person, res):
    """The value of ``person`` whether published or not (the admin's preview of a draft), its
    function in the resolution's language (German where it has no translation)."""
    role, role_language = translated(person, "role", res.language)
    return ContactPersonValue(
        id=person.pk,
        name=person.full_name or role,
        academic_title=person.academic_title,
        first_name=person.first_name,
        last_name=person.last_name,
        initials=person.initials,
        role=role,
        role_language=role_language,
        email=person.email,
        phone=person.phone,
        photo=res.image(person.photo, Purpose.PORTRAIT, alt=person.full_name or role),
    )


def fachgruppe_value(fachgruppe, res):
    """``fachgruppe``'s value in the resolution's language (German where not translated)."""
    name, name_language = translated(fachgruppe, "name", res.language)
    description, description_language = translated(fachgruppe, "description", res.language)
    return FachgruppeValue(
        id=fachgruppe.pk,
        name=name,
        name_language=name_language,
        description=description,
        description_language=description_language,
        fachbereich=fachbereich_value(fachgruppe.fachbereich, res.language),
        lead=contact_person_value(fachgruppe.lead, res),
    )
