import functools

from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from content.resolution import Resolution
from content.visibility import Reader

from .chrome import SiteChrome
from .languages import LanguageSwitcher


def chrome(request):
    """The chrome and the language switcher (to each language's home page) for views that are
    not pages (search, login, errors), resolved together when first used. Pages resolve both
    together with their own value and override these (see ``content.pages``)."""

    @functools.cache
    def resolve():
        site = Site.find_for_request(request)
        if site is None:
            return None, None
        parts = (SiteChrome(site, request=request), LanguageSwitcher(site, None))
        res = Resolution(Reader.for_request(request), site)
        for part in parts:
            part.collect(res)
        res.load()
        return tuple(part.build(res) for part in parts)

    return {
        "chrome": SimpleLazyObject(lambda: resolve()[0]),
        "languages": SimpleLazyObject(lambda: resolve()[1]),
    }
