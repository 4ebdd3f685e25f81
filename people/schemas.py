"""API output of contact persons, Fachbereiche and Fachgruppen, shared by v2 and v3."""

from ninja import Schema
from pydantic import Field

from home.schemas import PORTRAIT_SPECS, ImageSchema, image_representation


class ContactPersonSchema(Schema):
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
    photo: ImageSchema | None


class FachbereichSchema(Schema):
    id: int
    name: str
    description: str


class FachgruppeSchema(Schema):
    """A Fachgruppe with its Fachbereich and its lead (null when unset or not published)."""

    id: int
    name: str
    description: str
    fachbereich: FachbereichSchema | None
    lead: ContactPersonSchema | None


def contact_person_representation(person, request):
    return {
        "id": person.pk,
        "name": person.full_name,
        "academic_title": person.academic_title,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "initials": person.initials,
        "role": person.role,
        "email": person.email,
        "phone": person.phone,
        "photo": image_representation(
            person.photo, request, specs=PORTRAIT_SPECS, alt=person.full_name
        ),
    }


def fachbereich_representation(fachbereich):
    if fachbereich is None:
        return None
    return {"id": fachbereich.pk, "name": fachbereich.name, "description": fachbereich.description}


def fachgruppe_representation(fachgruppe, request):
    lead = fachgruppe.lead
    return {
        "id": fachgruppe.pk,
        "name": fachgruppe.name,
        "description": fachgruppe.description,
        "fachbereich": fachbereich_representation(fachgruppe.fachbereich),
        "lead": contact_person_representation(lead, request) if lead and lead.live else None,
    }
