"""Anonymous read endpoints for contact persons, Fachbereiche and Fachgruppen (v3)."""

from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema

from home.api_params import PaginationParams, paginated, reject_unknown_params

from .models import ContactPerson, Fachbereich, Fachgruppe
from .schemas import (
    ContactPersonSchema,
    FachbereichSchema,
    FachgruppeSchema,
    contact_person_representation,
    fachbereich_representation,
    fachgruppe_representation,
)

router = Router(tags=["people"])


class ContactPersonListSchema(Schema):
    count: int
    items: list[ContactPersonSchema]


class FachbereichListSchema(Schema):
    count: int
    items: list[FachbereichSchema]


class FachgruppeListSchema(Schema):
    count: int
    items: list[FachgruppeSchema]


class FachgruppeFilter(Schema):
    fachbereich: int | None = None


def published_persons():
    """Only published persons; drafts of never-published persons stay invisible."""
    return (
        ContactPerson.objects.filter(live=True)
        .select_related("photo")
        .prefetch_related("photo__renditions")
    )


@router.get(
    "/contact-persons/",
    response=ContactPersonListSchema,
    operation_id="contact_persons_list",
    summary="List published contact persons",
)
def list_contact_persons(request, pagination: Query[PaginationParams]):
    reject_unknown_params(request, PaginationParams)
    return paginated(
        published_persons(),
        pagination,
        lambda person: contact_person_representation(person, request),
    )


@router.get(
    "/contact-persons/{person_id}/",
    response=ContactPersonSchema,
    operation_id="contact_persons_detail",
    summary="A published contact person",
)
def get_contact_person(request, person_id: int):
    reject_unknown_params(request)
    return contact_person_representation(
        get_object_or_404(published_persons(), pk=person_id), request
    )


@router.get(
    "/fachbereiche/",
    response=FachbereichListSchema,
    operation_id="fachbereiche_list",
    summary="List Fachbereiche",
)
def list_fachbereiche(request, pagination: Query[PaginationParams]):
    reject_unknown_params(request, PaginationParams)
    return paginated(Fachbereich.objects.all(), pagination, fachbereich_representation)


@router.get(
    "/fachgruppen/",
    response=FachgruppeListSchema,
    operation_id="fachgruppen_list",
    summary="List Fachgruppen with their Fachbereich and lead",
)
def list_fachgruppen(
    request, pagination: Query[PaginationParams], filters: Query[FachgruppeFilter]
):
    reject_unknown_params(request, PaginationParams, FachgruppeFilter)
    queryset = Fachgruppe.objects.select_related("fachbereich", "lead__photo").prefetch_related(
        "lead__photo__renditions"
    )
    if filters.fachbereich is not None:
        queryset = queryset.filter(fachbereich=filters.fachbereich)
    return paginated(
        queryset, pagination, lambda fachgruppe: fachgruppe_representation(fachgruppe, request)
    )
