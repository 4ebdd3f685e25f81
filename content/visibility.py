"""Who may see what: one rule per kind of object, used by every output.

Templates, both APIs, search, the sitemap, navigation and listings all filter through
:func:`visible`, so a draft, a restricted page or a document in a private collection is hidden
everywhere the same way. A reader is the person asking: anonymous for the APIs and for every
cacheable response; a request's reader also passes the restrictions its session has passed
(a page password, a login, a group), so a members' page may link to its members' siblings.

The rules, by kind:

- pages: live, and no view restriction on the page or an ancestor that the reader fails;
- documents: no view restriction on their collection or a collection above it that the
  reader fails;
- images: always (Wagtail has no image privacy; renditions are public files);
- snippets with drafts (``DraftStateMixin``, e.g. contact persons): live;
- other snippets (Fachbereich, Fachgruppe): always.
"""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, QuerySet
from django.db.models.functions import Length, Substr
from django.http import HttpRequest
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    DraftStateMixin,
    Page,
    PageViewRestriction,
)


@dataclass(frozen=True)
class Reader:
    """Whoever reads the output. ``ANONYMOUS`` (no request) sees only what is public."""

    request: HttpRequest | None = field(default=None, compare=False)

    @property
    def is_anonymous(self):
        """True when nothing but public content may be shown (and the output may be shared)."""
        if self.request is None:
            return True
        user = getattr(self.request, "user", None)
        if user is not None and user.is_authenticated:
            return False
        session = getattr(self.request, "session", None)
        return not (
            session
            and any(
                session.get(model.passed_view_restrictions_session_key)
                for model in (PageViewRestriction, CollectionViewRestriction)
            )
        )

    @classmethod
    def for_request(cls, request):
        return cls(request) if request is not None else ANONYMOUS


ANONYMOUS = Reader()


def _restricted_below(restriction_model, path_lookup, reader):
    """A subquery condition: some restriction on ``path_lookup`` or above it applies and the
    reader does not pass it. Restrictions are few; the prefix test runs in the database."""
    restrictions = restriction_model.objects.filter(
        **{
            f"{_owner(restriction_model)}__path": Substr(
                OuterRef(path_lookup), 1, Length(f"{_owner(restriction_model)}__path")
            )
        }
    )
    if not reader.is_anonymous:
        passed = [
            restriction.pk
            for restriction in restriction_model.objects.all()
            if restriction.accept_request(reader.request)
        ]
        restrictions = restrictions.exclude(pk__in=passed)
    return Exists(restrictions)


def _owner(restriction_model):
    return "page" if restriction_model is PageViewRestriction else "collection"


def visible_pages(queryset, reader=ANONYMOUS):
    hidden = Page.objects.filter(_restricted_below(PageViewRestriction, "path", reader))
    return queryset.filter(live=True).exclude(pk__in=hidden.values("pk"))


def visible_documents(queryset, reader=ANONYMOUS):
    hidden = Collection.objects.filter(_restricted_below(CollectionViewRestriction, "path", reader))
    return queryset.exclude(collection__in=hidden.values("pk"))


def visible(queryset, reader=ANONYMOUS):
    """``queryset`` narrowed to what ``reader`` may see (see the module's rules).

    The conditions are plain lookups (``live``, ``pk__in``, ``collection__in`` with
    subqueries), so the result can also be handed to Wagtail's search backends.
    """
    model = queryset.model
    if issubclass(model, Page):
        return visible_pages(queryset, reader)
    if issubclass(model, AbstractDocument):
        return visible_documents(queryset, reader)
    if issubclass(model, AbstractImage):
        return queryset
    if issubclass(model, DraftStateMixin):
        return queryset.filter(live=True)
    return queryset


def visible_related(links, field, reader=ANONYMOUS):
    """Rows of a relation (e.g. a page's ordered contact persons) whose ``field`` points to
    something ``reader`` may see.

    ``links`` is a database queryset for a saved page, or modelcluster's in-memory
    ``FakeQuerySet`` for a page being previewed (the editor's unsaved rows). The in-memory
    one cannot take a subquery, so it is narrowed by the visible targets' ids (one query)."""
    foreign_key = links.model._meta.get_field(field)
    everything = foreign_key.related_model._default_manager.all()
    narrowed = visible(everything, reader)
    if narrowed is everything:
        return links
    if isinstance(links, QuerySet):
        return links.filter(**{f"{field}__in": narrowed})
    targets = {getattr(link, foreign_key.attname) for link in links}
    allowed = set(narrowed.filter(pk__in=targets).values_list("pk", flat=True))
    return links.filter(**{f"{foreign_key.attname}__in": allowed})


def is_visible_snippet(obj):
    """The snippet rule above for an object already loaded (e.g. a Fachgruppe's lead that
    came through ``select_related``): a draftable snippet is visible when it is live."""
    return obj is not None and (not isinstance(obj, DraftStateMixin) or obj.live)


def is_visible(obj, reader=ANONYMOUS):
    """Whether one object is visible (one query; prefer :func:`visible` for many)."""
    if obj is None:
        return False
    return visible(type(obj)._default_manager.filter(pk=obj.pk), reader).exists()
