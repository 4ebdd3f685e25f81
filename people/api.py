"""Anonymous read endpoints for contact persons, Fachbereiche and Fachgruppen (v3)."""

from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from api.pagination import Listing, Pagination
from content.resolution import Resolution
from content.visibility import visible
from organisation.models import Fachbereich
from organisation.values import FachbereichValue, fachbereich_value

from .models import ContactPerson, Fachgruppe
from .values import ContactPersonValue, FachgruppeValue, contact_person_value, fachgruppe_value

router = Router(tags=["people"])


class FachgruppeFilter(Schema):
    fachbereich: int | None = None


def persons():
    return visible(ContactPerson.objects.select_related("photo"))


@router.get(
    "/contact-persons/",
    response=list[ContactPersonValue],
    operation_id="contact_persons_list",
    summary="List published contact persons",
)
@paginate(Pagination)
def list_contact_persons(request):
    return Listing(persons(), lambda objects, res: [contact_person_value(p, res) for p in objects])


@router.get(
    "/contact-persons/{person_id}/",
    response=ContactPersonValue,
    operation_id="contact_persons_detail",
    summary="A published contact person",
)
def get_contact_person(request, person_id: int):
    person = get_object_or_404(persons(), pk=person_id)
    res = Resolution()
    res.add([person])
    return contact_person_value(person, res.load())


@router.get(
    "/fachbereiche/",
    response=list[FachbereichValue],
    operation_id="fachbereiche_list",
    summary="List Fachbereiche",
)
@paginate(Pagination)
def list_fachbereiche(request):
    return Listing(
        Fachbereich.objects.all(), lambda objects, res: [fachbereich_value(f) for f in objects]
    )


@router.get(
    "/fachgruppen/",
    response=list[FachgruppeValue],
    operation_id="fachgruppen_list",
    summary="List Fachgruppen with their Fachbereich and lead",
)
@paginate(Pagination)
def list_fachgruppen(request, filters: Query[FachgruppeFilter]):
    queryset = visible(Fachgruppe.objects.select_related(*Fachgruppe.value_select_related))
    if filters.fachbereich is not None:
        queryset = queryset.filter(fachbereich=filters.fachbereich)
    return Listing(queryset, lambda objects, res: [fachgruppe_value(f, res) for f in objects])
