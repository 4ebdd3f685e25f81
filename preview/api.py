"""The frontend reads a previewed (unsaved) page with its token: v3, never cached."""

from django.http import HttpResponse
from ninja import Router
from ninja.errors import HttpError
from wagtail.api.v3.routers.pages import PageDetailSchema

from api.openapi import problems

from .models import FrontendPreview

router = Router(tags=["preview"])


@router.get(
    "/{page_id}/",
    response=PageDetailSchema,
    operation_id="preview_detail",
    summary="A page as the editor is previewing it (needs the preview token)",
    openapi_extra=problems(403),
)
def preview_detail(request, page_id: int, token: str, response: HttpResponse):
    response["Cache-Control"] = "private, no-store"
    page = FrontendPreview.page_for_token(token, page_id)
    if page is None:
        raise HttpError(403, "The preview token is invalid, expired or for another page.")
    return page
