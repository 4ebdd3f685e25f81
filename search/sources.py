"""What the site search searches: one ``SearchSource`` per result type.

Each source says which objects are public (the only ones searched and counted), how a result is
titled, which indexed fields make its excerpt and where it links to. Models are referred to by
their label, so the search app depends on no other app's code; what is indexed stays declared in
each model's own ``search_fields``.
"""

from dataclasses import dataclass, field

from django.apps import apps
from wagtail.models import Page
from wagtail.search import index
from wagtail.search.utils import get_descendants_content_types_pks

from content.visibility import visible


@dataclass(frozen=True)
class SearchSource:
    key: str
    label: str
    label_plural: str
    model: str
    # Indexed fields that are not shown in the excerpt (they are the result's title).
    title_fields: tuple = ("title",)
    # Pages link to themselves; snippets link to the first public topic page that shows them.
    topic_link: str = ""
    topic_anchor: str = ""
    # Relations the excerpt reads (indexed RelatedFields), loaded with the hits.
    select_related: tuple = field(default_factory=tuple)
    prefetch_related: tuple = field(default_factory=tuple)

    @property
    def model_class(self):
        return apps.get_model(self.model)

    @property
    def is_page(self):
        return issubclass(self.model_class, Page)

    def queryset(self, site):
        """The public objects of this type: nothing else is ever searched or counted."""
        model = self.model_class
        if self.is_page:
            pages = visible(model.objects.all())
            if site is not None:
                pages = pages.descendant_of(site.root_page, inclusive=True)
            if self.select_related:
                pages = pages.select_related(*self.select_related)
            if model is Page:
                # Every other page type that has no source of its own.
                own = [s.model_class for s in SOURCES if s.is_page and s.model_class is not Page]
                pages = pages.not_type(*own).filter(depth__gt=1).specific()
            return pages
        objects = visible(model.objects.all())
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
        model = self.model_class
        types = set(get_descendants_content_types_pks(model))
        if not self.is_page:
            return types, self.queryset(site)
        pages = _visible_pages(site, tuple(exclude_pages))
        if model is Page:
            for other in SOURCES:
                if other.is_page and other.model_class is not Page:
                    types -= set(get_descendants_content_types_pks(other.model_class))
        return types, pages

    def title(self, obj):
        return obj.title if hasattr(obj, "title") else str(obj)

    def excerpt_texts(self, obj):
        """The indexed text of ``obj`` (every section of a page, a PDF's full text …), in order,
        without a text that is the title itself (a contact named only by its function)."""
        title = self.title(obj)
        texts = _indexed_texts(obj, obj.get_search_fields(), self.title_fields)
        return [text for text in texts if text != title]


def _visible_pages(site, exclude_pages):
    pages = visible(Page.objects.filter(depth__gt=1))
    if site is not None:
        pages = pages.descendant_of(site.root_page, inclusive=True)
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


SOURCES = [
    SearchSource("topic", "Thema", "Themen", "topics.TopicPage", select_related=("fachbereich",)),
    SearchSource("page", "Seite", "Seiten", "wagtailcore.Page"),
    SearchSource(
        "person",
        "Ansprechperson",
        "Ansprechpersonen",
        "people.ContactPerson",
        title_fields=("first_name", "last_name"),
        topic_link="contact_person_links__person",
        topic_anchor="topic-contacts-heading",
        select_related=("fachbereich",),
    ),
    SearchSource(
        "fachgruppe",
        "Fachgruppe",
        "Fachgruppen",
        "people.Fachgruppe",
        title_fields=("name",),
        topic_link="fachgruppe_links__fachgruppe",
        topic_anchor="topic-assignment-heading",
        select_related=("fachbereich",),
    ),
    SearchSource(
        "publication",
        "Publikation",
        "Publikationen",
        "documents.Publication",
        prefetch_related=("tags",),
    ),
]
SOURCES_BY_KEY = {source.key: source for source in SOURCES}
