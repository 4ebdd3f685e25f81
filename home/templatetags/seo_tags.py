"""The <head> of every page: meta description, canonical URL and OpenGraph tags.

A delivered page's head is its value's ``seo`` (``content.pages.ResolvedPage.build_seo``), the
same that both APIs deliver, so a frontend renders the same head as the site.
"""

from django import template

from content.pages import page_description
from content.values import to_json

register = template.Library()

# OpenGraph's locale (language_TERRITORY) of each site language: the territory where the
# association's readers of it live or the language's main one.
OG_LOCALES = {
    "de": "de_DE",
    "de-x-ls": "de_DE",
    "en": "en_GB",
    "ar": "ar_AR",
    "fa": "fa_IR",
    "uk": "uk_UA",
    "ru": "ru_RU",
    "tr": "tr_TR",
}


def _og_locale(context):
    languages = context.get("languages")
    code = languages.current.code if languages else "de"
    return OG_LOCALES.get(code, "de_DE")


@register.inclusion_tag("home/includes/page_meta.html", takes_context=True)
def page_meta(context, page=None):
    """Description, canonical and OpenGraph tags for a Wagtail page (nothing without one).

    Absolute URLs use the Wagtail site's configured root URL (as the sitemap does), not the
    host of the request, so that every address of the site points to one canonical URL. The
    OpenGraph image is the page's hero in its largest delivered size.
    """
    request = context.get("request")
    page = page or context.get("page")
    if page is None or not getattr(page, "pk", None) or request is None:
        return {}
    chrome = context.get("chrome")
    site_name = chrome.settings.organisation_name if chrome else ""
    seo = getattr(context.get("value"), "seo", None)
    if seo is not None:
        meta = {
            "description": seo.description,
            "title": seo.title,
            "url": seo.canonical_url,
            "type": seo.og_type,
            "site_name": site_name,
            "locale": _og_locale(context),
        }
        if seo.image is not None:
            meta["image"] = to_json(seo.image)  # absolute URL
        return {"meta": meta}
    # A page that does not deliver itself: the same rules from the page alone.
    _site_id, root_url, path = page.get_url_parts(request) or (None, "", "")
    return {
        "meta": {
            "description": page_description(page),
            "title": page.seo_title or page.title,
            "url": f"{root_url}{path}",
            "type": "article" if page.depth > 2 else "website",
            "site_name": site_name,
            "locale": _og_locale(context),
        }
    }
