"""Anonymous read endpoints for contact persons, Fachbereiche and Fachgruppen (v3), their
translated text in the language asked for (``?locale=``), German where not translated."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from api.openapi import problems
from api.pagination import Listing, Pagination
from content.resolution import Resolution
from content.visibility import visible
from organisation.models import Fachbereich
from organisation.values import FachbereichValue, fachbereich_value

from .models import ContactPerson, Fachgruppe
from .values import ContactPersonValue, FachgruppeValue, contact_person_value, fachgruppe_value

router = Router(tags=["people"])


class LanguageQuery(Schema):
    locale: str | None = Field(
        None,
        max_length=20,
        description="The language of the translated text (a contact person's function, the "
        "names and descriptions of Fachbereiche and Fachgruppen): `de`, `de-x-ls`, `en`, `ar`, "
        "… (see `/api/v3/languages/`). Where a translation is missing, and without this "
        "parameter, the text is German; each text's `…_language` field says which it is.",
    )


class FachgruppeFilter(LanguageQuery):
    fachbereich: int | None = None


def language(query):
    """The language asked for; 404 for a language the site does not have."""
    if query.locale is not None and query.locale not in settings.SITE_LANGUAGES:
        raise Http404(f"The site has no language {query.locale!r}.")
    return query.locale


def persons():
    return visible(ContactPerson.objects.select_related("photo"))


@router.get(
    "/contact-persons/",
    response=list[ContactPersonValue],
    operation_id="contact_persons_list",
    summary="List published contact persons",
    openapi_extra=problems(404),
)
@paginate(Pagination)
def list_contact_persons(request, query: Query[LanguageQuery]):
    return Listing(
        persons(),
        lambda objects, res: [contact_person_value(p, res) for p in objects],
        language=language(query),
    )


@router.get(
    "/contact-persons/{person_id}/",
    response=ContactPersonValue,
    operation_id="contact_persons_detail",
    summary="A published contact person",
)
def get_contact_person(request, person_id: int, query: Query[LanguageQuery]):
    person = get_object_or_404(persons(), pk=person_id)
    res = Resolution(language=language(query))
    res.add([person])
    return contact_person_value(person, res.load())


@router.get(
    "/fachbereiche/",
    response=list[FachbereichValue],
    operation_id="fachbereiche_list",
    summary="List Fachbereiche",
    openapi_extra=problems(404),
)
@paginate(Pagination)
def list_fachbereiche(request, query: Query[LanguageQuery]):
    return Listing(
        Fachbereich.objects.all(),
        lambda objects, res: [fachbereich_value(f, res.language) for f in objects],
        language=language(query),
    )


@router.get(
    "/fachgruppen/",
    response=list[FachgruppeValue],
    operation_id="fachgruppen_list",
    summary="List Fachgruppen with their Fachbereich and lead",
    openapi_extra=problems(404),
)
@paginate(Pagination)
def list_fachgruppen(request, filters: Query[FachgruppeFilter]):
    queryset = visible(Fachgruppe.objects.select_related(*Fachgruppe.value_select_related))
    if filters.fachbereich is not None:
        queryset = queryset.filter(fachbereich=filters.fachbereich)
    return Listing(
        queryset,
        lambda objects, res: [fachgruppe_value(f, res) for f in objects],
        language=language(filters),
    )
