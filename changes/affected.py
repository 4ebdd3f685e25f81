"""What a change affects, decided in one place.

Every change to content (a page published, unpublished, moved or deleted; a snippet, document or
image saved or deleted; a collection's privacy; site settings or navigation) affects a set of
outputs, :class:`Affected`: the exact pages whose output changes, with their HTML paths and API
URLs, and the listings and site-wide parts (``chrome``: navigation and footer) that show them.
It is computed from Wagtail's reference index, the page tree and what the content apps register
here (:func:`register`). How a change is announced: :mod:`changes.events`.
"""

from dataclasses import dataclass, field

from wagtail.images.models import AbstractImage

from . import registry
from .registry import CHROME


@dataclass
class Affected:
    """The outputs one change touches.

    ``pages`` maps the id of every page whose own output changes to its HTML path (as the site
    serves it, e.g. ``/themen/fluechtlingsarbeit/``); ``gone`` holds paths that no longer
    answer (an unpublished, deleted or moved page's old paths); ``tags`` the response cache
    tags to invalidate (``page:<id>``, ``listing:<name>``, ``chrome``).
    """

    pages: dict[int, str] = field(default_factory=dict)
    gone: set[str] = field(default_factory=set)
    tags: set[str] = field(default_factory=set)

    @property
    def paths(self):
        """Every HTML path whose output changed or that no longer answers, sorted."""
        return sorted(set(self.pages.values()) | self.gone)

    @property
    def api_urls(self):
        """The API URLs (paths) that answer differently now: detail, ``find`` and by-path for
        each page and path, and the listing endpoints among the tags."""
        from urllib.parse import quote

        urls = set()
        for page_id in self.pages:
            urls |= {f"/api/v2/pages/{page_id}/", f"/api/v3/pages/{page_id}/"}
        for path in self.paths:
            q = quote(path)
            urls |= {
                f"/api/v2/pages/find/?html_path={q}",
                f"/api/v3/pages/find/?html_path={q}",
                f"/api/v3/page-by-path/?html_path={q}",
            }
        for tag in self.tags:
            urls |= set(registry.LISTING_URLS.get(tag, ()))
        return sorted(urls)

    def __bool__(self):
        return bool(self.pages or self.gone or self.tags)


def _listings(model):
    return {tag for m, tags in registry.LISTINGS.items() if issubclass(model, m) for tag in tags}


def _dependents(obj, kind=None):
    """Pages registered as showing ``obj`` without a reference; ``kind`` is its class when
    ``obj`` is loaded as something more general (a page as a plain ``Page``)."""
    kind = kind or type(obj)
    ids = set()
    for model, functions in registry.DEPENDENTS.items():
        if issubclass(kind, model):
            for function in functions:
                ids |= set(function(obj))
    return ids


def relative_path(page):
    """The page's path as the site serves it (``/themen/x/``), or ``None`` outside a site."""
    parts = page.get_url_parts()
    return parts[2] if parts else None


def _referrers(objects, seen):
    """Pages that refer to any of ``objects`` (through Wagtail's reference index), following
    snippets that refer to them in turn (a Fachgruppe's lead is shown where the group is), and
    the listing tags of the snippets on the way."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, ReferenceIndex

    page_ids, tags = set(), set()
    frontier = [obj for obj in objects if obj.pk is not None]
    # The reference index records a page under Page's content type (its base model).
    page_ct = ContentType.objects.get_for_model(Page)
    while frontier:
        rows = ReferenceIndex.get_references_to_in_bulk(frontier).values_list(
            "base_content_type", "object_id"
        )
        frontier = []
        by_type = {}
        for content_type_id, object_id in rows:
            if content_type_id == page_ct.pk:
                page_ids.add(int(object_id))
            elif (content_type_id, object_id) not in seen:
                seen.add((content_type_id, object_id))
                by_type.setdefault(content_type_id, set()).add(object_id)
        for content_type_id, ids in by_type.items():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            if model is None:
                continue
            tags |= _listings(model)
            objects = list(model._default_manager.filter(pk__in=ids))
            frontier.extend(objects)
            for obj in objects:
                page_ids |= _dependents(obj)
    return page_ids, tags


def affected_by(obj, *, descendants=False, old_path=None, gone=False):
    """What a change to ``obj`` (page, snippet, document, image) changes.

    For a page: the page itself (or its path, ``gone``, when it no longer answers), its
    translations (which name it), the pages that link to it or list it (its parent when the
    parent lists children), the chrome when
    it is in the menu or a legal page, and with ``descendants`` every page below it (their
    breadcrumbs and paths; their old paths under ``old_path`` are gone).
    For anything else: the pages that show it (referrers, dependents) and its listings.
    """
    from wagtail.models import Page

    affected = Affected()
    affected.tags |= _listings(type(obj))
    page_ids, tags = _referrers([obj], set())
    affected.tags |= tags
    page_ids |= _dependents(obj)
    if isinstance(obj, Page):
        path = relative_path(obj)
        if gone or not obj.live:
            affected.gone |= {p for p in (path, old_path) if p}
            affected.tags.add(f"page:{obj.pk}")
        else:
            page_ids.add(obj.pk)
            if old_path and old_path != path:
                affected.gone.add(old_path)
        # Its translations name it: their language switchers (its title), hreflang
        # alternates and the API's ``translations``.
        page_ids |= set(
            Page.objects.filter(translation_key=obj.translation_key)
            .exclude(pk=obj.pk)
            .values_list("pk", flat=True)
        )
        parent = obj.get_parent()
        if parent is not None:
            parent = parent.specific_deferred
            if type(parent) in registry.LISTS_CHILDREN:
                page_ids.add(parent.pk)
            if obj.depth <= 3:  # the home page and its children: the menu
                affected.tags.add(CHROME)
        if descendants:
            below = Page.objects.descendant_of(obj).filter(live=True)
            below_ids = set()
            for page in below.only("id", "url_path", "path", "depth", "content_type"):
                below_ids.add(page.pk)
                affected.tags.add(f"page:{page.pk}")
                # The listings that show the pages below (a restriction or an unpublish of an
                # ancestor hides them there too).
                if model := page.specific_class:
                    affected.tags |= _listings(model)
                new = relative_path(page)
                if new and not (gone or not obj.live):
                    affected.pages[page.pk] = new
                elif new:
                    affected.gone.add(new)
                if old_path and new and path:
                    affected.gone.add(old_path + new[len(path) :])
            if below_ids:
                # Pages that show teasers of the pages below (the home page's topic cards,
                # pages featuring them) and the menu.
                page_ids |= _teasing(below_ids) - below_ids
                affected.tags.add(CHROME)
    elif type(obj) in registry.CHROME_MODELS:
        affected.tags.add(CHROME)
    if isinstance(obj, AbstractImage) and page_ids:
        page_ids |= _teasing(page_ids)
    if page_ids:
        pages = Page.objects.filter(pk__in=page_ids, live=True)
        for page in pages.only("id", "url_path", "path", "depth", "content_type"):
            if path := relative_path(page):
                affected.pages[page.pk] = path
            if model := page.specific_class:
                affected.tags |= _listings(model)
        affected.tags |= {f"page:{pk}" for pk in page_ids}
    if isinstance(obj, Page) and obj.pk in _legal_page_ids():
        affected.tags.add(CHROME)
    return affected


def _teasing(page_ids):
    """Pages that show teasers of these pages (with their hero image): parents that list
    their children, pages that feature them, and the pages registered as showing them without
    a reference (their ``dependents``, e.g. the home page's automatic topic cards)."""
    from wagtail.models import Page

    pages = list(Page.objects.filter(pk__in=page_ids).only("id", "path", "depth", "content_type"))
    ids, _tags = _referrers(pages, set())
    for page in pages:
        parent = page.get_parent()
        if parent is not None and parent.specific_class in registry.LISTS_CHILDREN:
            ids.add(parent.pk)
        if page.specific_class is not None:
            # (The functions get the plain page: the specific one is not loaded.)
            ids |= _dependents(page, page.specific_class)
    return ids


def _legal_page_ids():
    ids = set()
    for provider in registry.LEGAL_PAGES:
        ids |= set(provider())
    return ids
