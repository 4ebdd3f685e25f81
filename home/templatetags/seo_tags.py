"""The <head> of every page: meta description, canonical URL and OpenGraph tags."""

from django import template

register = template.Library()

DESCRIPTION_LENGTH = 160


def page_description(page):
    """The editor's SEO description, else the page's intro, cut at a word for search results."""
    text = getattr(page, "search_description", "") or getattr(page, "intro", "") or ""
    text = " ".join(str(text).split())
    if len(text) <= DESCRIPTION_LENGTH:
        return text
    return text[: DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;:.–-") + "…"


def absolute(url, root_url):
    """Media URLs are relative with local storage and absolute with S3."""
    return f"{root_url}{url}" if url.startswith("/") else url


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
    _site_id, root_url, path = page.get_url_parts(request) or (None, "", "")
    chrome = context.get("chrome")
    meta = {
        "description": page_description(page),
        "title": page.seo_title or page.title,
        "url": f"{root_url}{path}",
        "type": "article" if page.depth > 2 else "website",
        "site_name": chrome.settings.organisation_name if chrome else "",
    }
    hero = getattr(context.get("value"), "hero", None)
    if hero is not None and hero.largest is not None:
        meta["image"] = {
            "url": absolute(hero.largest.url, root_url),
            "width": hero.largest.width,
            "height": hero.largest.height,
            "alt": hero.alt,
        }
    return {"meta": meta}
