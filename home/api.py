"""Anonymous read endpoints for the navigation tree and the site settings (footer), v3."""

from django.http import Http404
from ninja import Router, Schema
from wagtail.models import Page, Site

from .api_params import reject_unknown_params
from .models import SiteSettings
from .schemas import PageReferenceSchema, page_reference

router = Router(tags=["site"])

# Main menu and one level below it, as the site's own navigation shows.
NAVIGATION_DEPTH = 2


class NavigationItemSchema(PageReferenceSchema):
    children: list["NavigationItemSchema"]


class NavigationSchema(Schema):
    root: PageReferenceSchema
    items: list[NavigationItemSchema] = []


class SiteSettingsSchema(Schema):
    site_name: str
    organisation_name: str
    address: str
    email: str
    phone: str
    root: PageReferenceSchema
    imprint_page: PageReferenceSchema | None
    privacy_page: PageReferenceSchema | None
    accessibility_page: PageReferenceSchema | None


def _site(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No site is configured for this host.")
    return site


@router.get(
    "/navigation/",
    response=NavigationSchema,
    operation_id="navigation",
    summary="The site's menu tree (pages with 'show in menus')",
)
def navigation(request):
    reject_unknown_params(request)
    root = _site(request).root_page
    pages = (
        Page.objects.descendant_of(root)
        .filter(depth__lte=root.depth + NAVIGATION_DEPTH)
        .live()
        .public()
        .in_menu()
        .order_by("path")
    )
    items_by_path = {}
    top_level = []
    for page in pages:
        item = {**page_reference(page, request), "children": []}
        items_by_path[page.path] = item
        if page.depth == root.depth + 1:
            top_level.append(item)
        else:
            parent = items_by_path.get(page.path[: -Page.steplen])
            # A child whose parent is hidden from the menu is hidden too.
            if parent is not None:
                parent["children"].append(item)
    return {"root": page_reference(root, request), "items": top_level}


@router.get(
    "/site-settings/",
    response=SiteSettingsSchema,
    operation_id="site_settings",
    summary="Site name, contact details and legal pages (footer)",
)
def site_settings(request):
    reject_unknown_params(request)
    site = _site(request)
    settings = SiteSettings.for_site(site)
    legal = {
        name: getattr(settings, f"{name}_id")
        for name in ("imprint_page", "privacy_page", "accessibility_page")
    }
    public_pages = Page.objects.live().public().in_bulk([pk for pk in legal.values() if pk])
    return {
        "site_name": site.site_name or "",
        "organisation_name": settings.organisation_name,
        "address": settings.address,
        "email": settings.email,
        "phone": settings.phone,
        "root": page_reference(site.root_page, request),
        **{
            name: page_reference(public_pages[pk], request) if pk in public_pages else None
            for name, pk in legal.items()
        },
    }
