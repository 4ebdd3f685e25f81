"""The site's chrome: main menu and footer, one value for every page and for the API.

Every rendered page resolves it together with its own value (registered as the HTML part
``chrome`` in ``apps.py``); ``/api/v3/navigation/`` and ``/api/v3/site-settings/`` return
the same values.
"""

from dataclasses import dataclass

from django.db.models import Q
from wagtail.images import get_image_model

from content.renditions import Purpose
from content.values import PageLinkValue
from easyread.models import EASY_READ_LANGUAGE

from .models import SiteSettings
from .values import NavigationValue, SiteSettingsValue

LEGAL_PAGES = ("imprint_page", "privacy_page", "accessibility_page")


@dataclass
class Chrome:
    navigation: NavigationValue
    settings: SiteSettingsValue
    # aria-current of each menu item for the page shown: "page", "true" (an ancestor) or "".
    current: dict
    # The home page in Leichte Sprache (the header's "Leichte Sprache" link), when published.
    easy_read: PageLinkValue | None = None


class SiteChrome:
    """Collects and builds the chrome of ``site`` (for ``page``, when one is shown)."""

    def __init__(self, site, page=None, request=None):
        self.site = site
        self.page = page
        self.settings = (
            SiteSettings.for_request(request) if request else SiteSettings.for_site(site)
        )

    def home_path(self):
        """The tree path of the home page the chrome starts from: the site's, or for a page in
        another language the translation of it that the page lies below."""
        root = self.site.root_page
        path = getattr(self.page, "path", "") or ""
        if path and not path.startswith(root.path) and len(path) >= len(root.path):
            return path[: len(root.path)]
        return root.path

    def collect(self, res):
        root = self.site.root_page
        home_path = self.home_path()
        menu = Q(path__startswith=home_path, depth=root.depth + 1, show_in_menus=True)
        res.want_pages_where("menu", menu)
        res.want(type(root), root.pk)
        # The Leichte Sprache home: the site root's translation in that locale.
        res.want_pages_where(
            "easy_read_home",
            Q(
                depth=root.depth,
                translation_key=root.translation_key,
                locale__language_code=EASY_READ_LANGUAGE,
            ),
        )
        if home_path != root.path:
            res.want_pages_where("home", Q(path=home_path))
        res.want(type(root), *(getattr(self.settings, f"{name}_id") for name in LEGAL_PAGES))
        if self.settings.logo_id:
            res.want(get_image_model(), self.settings.logo_id)

    def build(self, res):
        home = next(iter(res.page_tags.get("home") or ()), None)
        root = (
            (res.page_link(home) if home is not None else None)
            or res.page_link(self.site.root_page.pk)
            or res.page_link(self.site.root_page)
        )
        menu = res.page_tags["menu"]
        navigation = NavigationValue(root=root, items=[res.page_link(page) for page in menu])
        settings = SiteSettingsValue(
            site_name=self.site.site_name or "",
            organisation_name=self.settings.organisation_name,
            address=self.settings.address,
            email=self.settings.email,
            phone=self.settings.phone,
            root=root,
            **{name: res.page_link(getattr(self.settings, f"{name}_id")) for name in LEGAL_PAGES},
            logo=res.image(self.settings.logo_id, Purpose.LOGO, alt=self.settings.organisation_name)
            if self.settings.logo_id
            else None,
        )
        path = getattr(self.page, "path", "")
        current = {
            page.pk: "page" if path == page.path else "true" if path.startswith(page.path) else ""
            for page in menu
        }
        easy_read = next(iter(res.page_tags["easy_read_home"]), None)
        return Chrome(
            navigation=navigation,
            settings=settings,
            current=current,
            easy_read=res.page_link(easy_read) if easy_read is not None else None,
        )
