from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from content.resolution import Resolution
from content.visibility import Reader

from .chrome import SiteChrome


def chrome(request):
    """The chrome for views that are not pages (search, login, errors). Pages resolve it
    together with their own value and override this (see ``content.pages``)."""

    def resolve():
        site = Site.find_for_request(request)
        if site is None:
            return None
        part = SiteChrome(site, request=request)
        res = Resolution(Reader.for_request(request), site)
        part.collect(res)
        return part.build(res.load())

    return {"chrome": SimpleLazyObject(resolve)}
