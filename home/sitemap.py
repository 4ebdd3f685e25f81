from django.conf import settings
from django.db.models import F, Q
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Page

from content.locales import NOT_AN_ALIAS
from content.visibility import visible


class Sitemap(WagtailSitemap):
    """Wagtail's sitemap of the site's pages in every language (the trees below the site's home
    page and its translations), narrowed by the delivery's visibility rule; each page that
    has visible translations lists them and itself as ``hreflang`` alternates (with
    ``x-default`` for the German one), as the page's head does."""

    def items(self):
        root = self.get_wagtail_site().root_page
        homes = Page.objects.filter(translation_key=root.translation_key, depth=root.depth)
        trees = Q(path__startswith=root.path)
        for path in homes.values_list("path", flat=True):
            trees |= Q(path__startswith=path)
        pages = Page.objects.filter(
            trees, locale__language_code__in=settings.SITE_LANGUAGES
        ).exclude(  # aliases standing in for another language's page (content/locales.py)
            Q(alias_of__isnull=False) & ~Q(alias_of__locale=F("locale"))
        )
        return visible(pages).order_by("path").defer_streamfields().specific()

    # Borrowed: see cms/borrowed.py (wagtail Sitemap._urls)
    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        alternates = self.alternates(items)
        urls, last_mods = [], set()
        for item in items:
            for url_info in item.get_sitemap_urls(self.request):
                if item.pk in alternates:
                    url_info = {**url_info, **alternates[item.pk]}
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def alternates(self, items):
        """``{page id: {"alternates": [...]}}`` for the pages with visible translations (one
        query), in Django's sitemap template's format."""
        keys = {item.translation_key for item in items}
        versions = {}
        translations = visible(
            Page.objects.filter(translation_key__in=keys, **NOT_AN_ALIAS)
        ).select_related("locale")
        for page in translations.order_by("path"):
            code = page.locale.language_code
            url = page.get_full_url(self.request)
            if code in settings.SITE_LANGUAGES and url:
                versions.setdefault(page.translation_key, []).append((code, url))
        order = {code: number for number, code in enumerate(settings.SITE_LANGUAGES)}
        result = {}
        for item in items:
            found = sorted(versions.get(item.translation_key, ()), key=lambda v: order[v[0]])
            if len(found) < 2:
                continue
            entry = {"alternates": [{"lang_code": code, "location": url} for code, url in found]}
            german = dict(found).get(settings.LANGUAGE_CODE)
            if german:
                entry["alternates"].append({"lang_code": "x-default", "location": german})
            result[item.pk] = entry
        return result
