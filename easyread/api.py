"""Anonymous read endpoints of the glossary (v3): terms by language, one term."""

from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema
from ninja.pagination import paginate
from pydantic import Field
from wagtail.models import Site

from api.pagination import Listing, Pagination
from content.resolution import Resolution
from content.visibility import visible

from .models import GlossaryPage, GlossaryTerm, folded_term, term_value
from .values import GlossaryTermValue

router = Router(tags=["glossary"])


class GlossaryFilter(Schema):
    locale: str | None = Field(
        None, max_length=20, description="Language code, e.g. `de-x-ls`; all languages if unset."
    )


def _page_urls(request):
    """The public glossary page of each locale (one query): ``{locale id: url}``."""
    site = Site.find_for_request(request)
    urls = {}
    for page in visible(GlossaryPage.objects.order_by("path")):
        url = page.get_url(current_site=site)
        if url:
            urls.setdefault(page.locale_id, url)
    return urls


def _terms():
    return GlossaryTerm.objects.select_related(*GlossaryTerm.value_select_related)


@router.get(
    "/terms/",
    response=list[GlossaryTermValue],
    operation_id="glossary_terms_list",
    summary="List glossary terms (Leichte Sprache), alphabetically",
)
@paginate(Pagination)
def list_terms(request, filters: Query[GlossaryFilter]):
    queryset = _terms()
    if filters.locale:
        queryset = queryset.filter(locale__language_code=filters.locale)
    urls = _page_urls(request)

    def build(objects, res):
        return [term_value(t, res, urls.get(t.locale_id)) for t in objects]

    return Listing(queryset.order_by(folded_term(), "pk"), build)


@router.get(
    "/terms/{term_id}/",
    response=GlossaryTermValue,
    operation_id="glossary_terms_detail",
    summary="A glossary term with its explanation",
)
def get_term(request, term_id: int):
    term = get_object_or_404(_terms(), pk=term_id)
    res = Resolution()
    res.add([term])
    return term_value(term, res.load(), _page_urls(request).get(term.locale_id))
