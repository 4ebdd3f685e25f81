"""Anonymous read endpoints for the navigation, the site settings (footer) and the site's
languages, v3."""

from django.db.models import Q
from django.http import Http404
from ninja import Router
from wagtail.models import Site

from content.locales import NOT_AN_ALIAS, site_languages
from content.resolution import Resolution

from .chrome import SiteChrome
from .values import LanguageValue, NavigationValue, SiteSettingsValue

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


@router.get(
    "/languages/",
    response=list[LanguageValue],
    operation_id="languages",
    summary="The site's languages: code, names, writing direction and home page",
    description=(
        "Every configured language, German first, with its home page where one is published. "
        "Anonymous (Wagtail's `/api/v3/locales/` is the token API's administration of locales)."
    ),
)
def languages(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No site is configured for this host.")
    res = Resolution(site=site)
    res.want_pages_where("homes", Q(translation_key=site.root_page.translation_key, **NOT_AN_ALIAS))
    res.load()
    homes = {page.locale.language_code: page for page in res.page_tags["homes"]}
    return [
        LanguageValue(
            code=language.code,
            name=language.name,
            own_name=language.own_name,
            direction=language.direction,
            is_default=language.is_default,
            home=res.page_link(homes.get(language.code)),
        )
        for language in site_languages()
    ]
