"""Anonymous read endpoints for the navigation and the site settings (footer), v3."""

from django.http import Http404
from ninja import Router
from wagtail.models import Site

from content.resolution import Resolution

from .chrome import SiteChrome
from .values import NavigationValue, SiteSettingsValue

router = Router(tags=["site"])


def _chrome(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No site is configured for this host.")
    part = SiteChrome(site, request=request)
    res = Resolution(site=site)
    part.collect(res)
    return part.build(res.load())


@router.get(
    "/navigation/",
    response=NavigationValue,
    operation_id="navigation",
    summary="The site's main menu (pages with 'show in menus' below the home page)",
)
def navigation(request):
    return _chrome(request).navigation


@router.get(
    "/site-settings/",
    response=SiteSettingsValue,
    operation_id="site_settings",
    summary="Site name, contact details and legal pages (footer)",
)
def site_settings(request):
    return _chrome(request).settings
