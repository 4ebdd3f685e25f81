"""Pagination of the site's HTML listings (the publications page, the search page): one query
parameter, ``?seite=``, in German like the site's other parameters (``?thema=``, ``?art=``),
and one template (``content/pagination.html``). The API pages with ``limit`` and ``offset``
(``api.pagination``).

The search page used ``?page=`` until the two were made one; such a link is answered with a
permanent redirect to the same URL with ``?seite=``, so bookmarks and search engines follow.
"""

from django.core.paginator import Paginator
from django.http import HttpResponsePermanentRedirect

PAGE_PARAMETER = "seite"
OLD_PAGE_PARAMETER = "page"


def old_link_redirect(request):
    """A 301 to the same URL with ``?seite=`` for a link with the old ``?page=``, else None."""
    if OLD_PAGE_PARAMETER not in request.GET:
        return None
    query = request.GET.copy()
    number = query.pop(OLD_PAGE_PARAMETER)[-1]
    query.setdefault(PAGE_PARAMETER, number)
    return HttpResponsePermanentRedirect(f"{request.path}?{query.urlencode()}")


def requested_number(request):
    """The page number asked for; 1 for none or one that is not a number."""
    try:
        return max(int(request.GET.get(PAGE_PARAMETER, 1)), 1)
    except (TypeError, ValueError):
        return 1


def page_links(page):
    """The numbers the template links for ``page``: the first, two either side, the last."""
    return page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)


def paginate(request, items, per_page):
    """``(page, page_links)`` of ``items`` for the requested ``?seite=``: past the end the last
    page, as Django's ``Paginator.get_page`` does."""
    page = Paginator(items, per_page).get_page(requested_number(request))
    return page, page_links(page)
