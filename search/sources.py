"""What the site search searches: one ``SearchSource`` per result type.

The content apps register their types of result (content/searchables.py) from their
``AppConfig.ready()``; ``load_sources`` turns them into sources when the search app is ready,
pages first, then every other page (the source "page"), then the rest in the order registered.
The search app names no other app's model and no template's anchor. Each source says which
objects are public (the only ones searched and counted), how a result is titled, which indexed
fields make its excerpt and where it links to; what is indexed stays declared in each model's
own ``search_fields``.
"""

from dataclasses import dataclass

from django.db.models import F, Q
from wagtail.models import Page
from wagtail.search import index
from wagtail.search.utils import get_descendants_content_types_pks

from content import searchables
from content.visibility import visible


@dataclass(frozen=True)
class SearchSource:
    key: str
    label: str
    label_plural: str
    model: type
    # Indexed fields that are not shown in the excerpt (they are the result's title).
    title_fields: tuple = ("title",)
    # Relations the excerpt reads (indexed RelatedFields), loaded with the hits.
    select_related: tuple = ()
    prefetch_related: tuple = ()
    # Where a result without a page of its own links to: links(pks, request, site) -> {pk: url}.
    # Pages link to themselves and documents to their file.
    links: object = None
    # excerpt_texts(obj) -> [str, …] the type registered, else its indexed texts.
    texts_of: object = None
    # narrow(queryset) the type registered: which of the model's objects are its results.
    narrow: object = None

    @property
    def is_page(self):
        return issubclass(self.model, Page)

    def queryset(self, site):
        """The public objects of this type: nothing else is ever searched or counted."""
        model = self.model
        if self.is_page:
            # (Conditions on indexed fields only, as Wagtail's backends require: path and id.)
            pages = in_site(visible(model.objects.all()), site)
            if self.select_related:
                pages = pages.select_related(*self.select_related)
            if model is Page:
                # Every other page type that has no source of its own.
                own = [s.model for s in SOURCES if s.is_page and s.model is not Page]
                pages = pages.not_type(*own).filter(depth__gt=1).specific()
            return pages
        objects = visible(model.objects.all())
        if self.narrow is not None:
            objects = self.narrow(objects)
        # (select_related() without names would follow every relation.)
        if self.select_related:
            objects = objects.select_related(*self.select_related)
        return objects.prefetch_related(*self.prefetch_related)

    def index_scope(self, site, exclude_pages=()):
        """This type's public objects as the search index sees them: their content types and a
        queryset of their primary keys (search/backends/postgres.py joins it to the matches).

        Every page type gets the same queryset, the site's visible pages, and is told apart by
        its content types: the index joins the visible pages once, not once per page type. The
        set is the one ``queryset`` gives (``visible`` decides for every page type alike).
        """
        model = self.model
        types = set(get_descendants_content_types_pks(model))
        if not self.is_page:
            return types, self.queryset(site)
        pages = _visible_pages(site, tuple(exclude_pages))
        if model is Page:
            for other in SOURCES:
                if other.is_page and other.model is not Page:
                    types -= set(get_descendants_content_types_pks(other.model))
        return types, pages

    def title(self, obj):
        return obj.title if hasattr(obj, "title") else str(obj)

    def excerpt_texts(self, obj):
        """The indexed text of ``obj`` (every section of a page, a PDF's full text …), in order,
        without a text that is the title itself (a contact named only by its function)."""
        if self.texts_of is not None:
            return list(self.texts_of(obj))
        title = self.title(obj)
        texts = _indexed_texts(obj, obj.get_search_fields(), self.title_fields)
        return [text for text in texts if text != title]


def home_paths(site):
    """The tree paths of ``site``'s home page and its translations (the language homes), kept
    on the site object (one small query per request)."""
    if site is None:
        return ()
    if getattr(site, "_search_home_paths", None) is None:
        root = site.root_page
        homes = Page.objects.filter(translation_key=root.translation_key, depth=root.depth)
        site._search_home_paths = tuple(sorted({root.path, *homes.values_list("path", flat=True)}))
    return site._search_home_paths


def in_site(pages, site):
    """The pages of ``site`` in every language: its home page's tree and the trees of the home
    page's translations (one per locale), without the aliases that only stand in for another
    language's page (content/locales.py ``is_translated``). Path prefixes, as
    ``descendant_of`` would (the planner estimates them well)."""
    stand_ins = Page.objects.filter(alias_of__isnull=False).exclude(alias_of__locale=F("locale"))
    pages = pages.exclude(id__in=stand_ins.values("id"))  # (few: a small hashed subquery)
    if site is None:
        return pages
    trees = Q()
    for path in home_paths(site):
        trees |= Q(path__startswith=path)
    return pages.filter(trees)


def _visible_pages(site, exclude_pages):
    pages = in_site(visible(Page.objects.filter(depth__gt=1)), site)
    if exclude_pages:
        pages = pages.exclude(pk__in=exclude_pages)
    return pages


def _indexed_texts(obj, search_fields, skip):
    for search_field in search_fields:
        if isinstance(search_field, index.SearchField) and search_field.field_name not in skip:
            yield from _flatten(search_field.get_value(obj))
        elif isinstance(search_field, index.RelatedFields) and any(
            isinstance(f, index.SearchField) for f in search_field.fields
        ):
            related = search_field.get_value(obj)
            if related is None:
                continue
            related = related.all() if hasattr(related, "all") else [related]
            for item in related:
                yield from _indexed_texts(item, search_field.fields, ())


def _flatten(value):
    if value is None:
        return
    if isinstance(value, list | tuple):
        for item in value:
            yield from _flatten(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _flatten(item)
    else:
        yield str(value)


# Filled once, in place, when the search app is ready (search/apps.py): importers keep these.
SOURCES = []
SOURCES_BY_KEY = {}

# Every page type without a source of its own (home and legal pages, the publications page …).
OTHER_PAGES = SearchSource("page", "Seite", "Seiten", Page)


def load_sources():
    """The registered types of result as sources, in the order of the search page's tabs."""
    registered = [
        SearchSource(
            s.key,
            s.label,
            s.label_plural,
            s.model,
            title_fields=s.title_fields,
            select_related=s.select_related,
            prefetch_related=s.prefetch_related,
            links=searchables.links_of(s.model),
            texts_of=s.excerpt_texts,
            narrow=s.narrow,
        )
        for s in searchables.searchables()
    ]
    pages = [source for source in registered if source.is_page]
    others = [source for source in registered if not source.is_page]
    SOURCES[:] = [*pages, OTHER_PAGES, *others]
    SOURCES_BY_KEY.clear()
    SOURCES_BY_KEY.update((source.key, source) for source in SOURCES)
