from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

from content.visibility import visible


class Sitemap(WagtailSitemap):
    """Wagtail's sitemap of the site's pages, narrowed by the delivery's visibility rule."""

    def items(self):
        root = self.get_wagtail_site().root_page
        pages = root.get_descendants(inclusive=True)
        return visible(pages).order_by("path").defer_streamfields().specific()
