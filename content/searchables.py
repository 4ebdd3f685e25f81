"""What the site search finds, as the content apps register it from their ``AppConfig.ready()``.

The search app stands above the content apps (it searches all of them) and must not name their
models or their templates' anchors: each app says here, in the core below them all, which of its
models are a type of result and, for a model without pages of its own, where a result links to.
The search app reads this when it is ready; it comes after the content apps in INSTALLED_APPS.

- ``register(model, key=…, label=…, label_plural=…)``: ``model`` is a type of result (``key``
  in the API, German labels for the page), its title made of ``title_fields``, loaded with
  ``select_related`` / ``prefetch_related`` (the relations its excerpt reads); its excerpt
  comes from ``excerpt_texts(obj)`` when given (e.g. a publication's body, not its cover);
  ``narrow(queryset)``, when given, keeps the objects that are results of this type (e.g. the
  publications among the documents, not the video files that pages play).
- ``register_link(model, links)``: a result of ``model`` links to what ``links(pks, request,
  site)`` gives for it (``{pk: url}``; none: no link). Pages link to themselves, documents to
  their file, without registering anything.
"""

from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class Searchable:
    model: type
    key: str
    label: str
    label_plural: str
    # Indexed fields that are the result's title (not repeated in its excerpt).
    title_fields: tuple = ("title",)
    select_related: tuple = ()
    prefetch_related: tuple = ()
    # The texts a result's excerpt is taken from, excerpt_texts(obj) -> [str, …], in order of
    # preference; None: every indexed text but the title.
    excerpt_texts: object = None
    # narrow(queryset) -> the objects of the model that are results of this type; None: all.
    narrow: object = None


_searchables = []
_links = {}
_read = False


def register(model, *, key, label, label_plural, **options):
    """Results of ``model``, in the order registered (pages first on the search page)."""
    _check_not_read(model)
    if any(searchable.key == key for searchable in _searchables):
        raise ImproperlyConfigured(f"Two search result types are called {key!r}.")
    _searchables.append(Searchable(model, key, label, label_plural, **options))


def register_link(model, links):
    """Where a result of ``model`` links to: ``links(pks, request, site) -> {pk: url}``."""
    _check_not_read(model)
    _links[model] = links


def searchables():
    """Every registered type of result; registering is closed from now on."""
    global _read
    _read = True
    return list(_searchables)


def links_of(model):
    return _links.get(model)


def _check_not_read(model):
    if _read:
        raise ImproperlyConfigured(
            f"{model._meta.label} registers with the site search after the search has read "
            "its types: list its app before 'search' in INSTALLED_APPS."
        )
