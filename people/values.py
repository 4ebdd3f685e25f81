"""What the site and the API show of contact persons, Fachbereiche and Fachgruppen."""

from pydantic import Field

from delivery.images import Purpose
from delivery.values import Image, Value
from delivery.visibility import is_visible_snippet


class ContactPerson(Value):
    """A published contact person; `photo` is null when there is none (show `initials`)."""

    id: int
    name: str = Field(description="Full name with academic title.")
    academic_title: str
    first_name: str
    last_name: str
    initials: str
    role: str
    email: str
    phone: str
    photo: Image | None


class Fachbereich(Value):
    id: int
    name: str
    description: str


class Fachgruppe(Value):
    """A Fachgruppe with its Fachbereich and its lead (null when unset or not published)."""

    id: int
    name: str
    description: str
    fachbereich: Fachbereich | None
    lead: ContactPerson | None


def contact_person_value(person, res):
    """``person`` (loaded with its photo) as a value; ``None`` when it is not published."""
    if not is_visible_snippet(person):
        return None
    return card_value(person, res)


def card_value(person, res):
    """The value of ``person`` whether published or not (the admin's preview of a draft)."""
    return ContactPerson(
        id=person.pk,
        name=person.full_name,
        academic_title=person.academic_title,
        first_name=person.first_name,
        last_name=person.last_name,
        initials=person.initials,
        role=person.role,
        email=person.email,
        phone=person.phone,
        photo=res.image(person.photo, Purpose.PORTRAIT, alt=person.full_name),
    )


def fachbereich_value(fachbereich):
    if fachbereich is None:
        return None
    return Fachbereich(
        id=fachbereich.pk, name=fachbereich.name, description=fachbereich.description
    )


def fachgruppe_value(fachgruppe, res):
    return Fachgruppe(
        id=fachgruppe.pk,
        name=fachgruppe.name,
        description=fachgruppe.description,
        fachbereich=fachbereich_value(fachgruppe.fachbereich),
        lead=contact_person_value(fachgruppe.lead, res),
    )
