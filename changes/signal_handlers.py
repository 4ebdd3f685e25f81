"""Turns model signals into announced changes (:func:`changes.events.changed`).

Pages are watched whatever their type; other models when a content app registered them
(``registry.register``) or they are Wagtail's document or image model. Saves that only
keep Wagtail's books (a draft revision, a lock) change no output and are ignored.

Where Wagtail says what happened, its signals decide: a publish or unpublish of a page
(``page_published``, ``page_unpublished``) or of a revisioned snippet (``published``,
``unpublished``) is collected when Wagtail sends the signal, with what the row was before the
save that went with it (remembered at that save, which is told apart by its new live
revision); a move on ``post_page_move``. Saves outside Wagtail's actions (code, management
commands, factories) are still collected from ``post_save``: a live object saved directly is
a change; a draft of a revisioned snippet that was never live is none.
"""

import functools
import threading

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from modelcluster.fields import ParentalKey
from wagtail.documents import get_document_model
from wagtail.models import (
    COMMENTS_RELATION_NAME,
    CollectionViewRestriction,
    DraftStateMixin,
    Page,
    PageViewRestriction,
)
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    pre_page_move,
    published,
    unpublished,
)

from content.kinds import kind_of

from . import registry
from .affected import Affected, affected_by, relative_path
from .events import changed, collected

BOOKKEEPING = {
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "has_unpublished_changes",
    "locked",
    "locked_at",
    "locked_by",
    "live_revision",
    "first_published_at",
    "last_published_at",
    "numchild",
    # document/image housekeeping that no output shows
    "file_hash",
    "file_size",
}


def only_bookkeeping(update_fields):
    return update_fields is not None and set(update_fields) <= BOOKKEEPING


def change_kind(model):
    """The first word of the events of a change to ``model``: ``page``, ``document``,
    ``image`` (``content.kinds``), ``settings`` or ``snippet`` as the apps registered it, or
    ``None`` for a model no output shows (a child row: see :func:`child_row_changed`)."""
    if (kind := kind_of(model)) is not None:
        return kind
    if model in registry.CHROME_MODELS:
        return "settings"
    if any(issubclass(model, m) for m in registry.WATCHED):
        return "snippet"
    return None


# -- Wagtail's publish and unpublish ------------------------------------------------------------

# The saves of a publish or unpublish waiting for Wagtail's signal, which follows in the same
# thread: (model label, pk) -> what the row was before.
_waiting = threading.local()


def waiting():
    if not hasattr(_waiting, "saves"):
        _waiting.saves = {}
    return _waiting.saves


def _key(instance):
    base = Page if isinstance(instance, Page) else type(instance)
    return (base._meta.label_lower, instance.pk)


def wait_for_signal(instance, before):
    """Whether this save is Wagtail's publish or unpublish (it gives the object a new live
    revision, or takes it away): then its signal announces it, with ``before``."""
    if before is None or before.get("live_revision_id") == instance.live_revision_id:
        return False
    waiting()[_key(instance)] = before
    return True


def index_live_references(instance):
    """Record in Wagtail's reference index what ``instance`` refers to as it is live now, in
    the transaction of the change. What a later change affects is found there
    (``affected._referrers``: the live pages showing a person), so it must say what is live.
    Wagtail updates it from a task reading the saved row (the live content; a draft is only a
    revision): inline by default, but with the database queue (production) only once the
    worker gets to it, and until then a change to a person a page has just started to show
    would miss the page."""
    from django.db import transaction
    from wagtail.models import ReferenceIndex

    if ReferenceIndex.is_indexed(instance._meta.model):
        with transaction.atomic():
            ReferenceIndex.create_or_update_for_object(instance)


# -- Pages --------------------------------------------------------------------------------------


def remember_page(sender, instance, raw=False, **kwargs):
    if raw or not isinstance(instance, Page) or instance.pk is None:
        return
    if only_bookkeeping(kwargs.get("update_fields")):
        return
    before = (
        Page.objects.filter(pk=instance.pk)
        .values("live", "url_path", "title", "live_revision_id")
        .first()
    )
    if before:
        old = Page(pk=instance.pk, live=before["live"], url_path=before["url_path"])
        before["old_path"] = relative_path(old) or None
        instance._change_before = before


def page_saved(sender, instance, created, update_fields=None, raw=False, **kwargs):
    if raw or not isinstance(instance, Page) or getattr(instance, "_change_moving", False):
        return
    if only_bookkeeping(update_fields):
        return
    before = getattr(instance, "__dict__", {}).pop("_change_before", None)
    if wait_for_signal(instance, before):
        return
    page_changed(sender, instance, before)


def page_published_or_unpublished(sender, instance, **kwargs):
    """Wagtail's ``page_published`` and ``page_unpublished``: the save that went with it
    waits here (:func:`wait_for_signal`). Without one (an alias or a copy published, saved
    directly), the save has been collected already, or is collected now without a before."""
    before = waiting().pop(_key(instance), None)
    if before is None and collected("page.published", instance):
        return
    page_changed(type(instance), instance, before)


def page_changed(sender, instance, before):
    """A page's row saved: published (or changed while live), or no longer live."""
    old_path = before["old_path"] if before else None
    was_live = bool(before and before["live"])
    if instance.live:
        index_live_references(instance)
        moved = bool(before and before["url_path"] != instance.url_path)
        # Pages below show this one's title (breadcrumbs) and live under its path.
        retitled = bool(before and before["title"] != instance.title)
        affected = affected_by(
            instance, descendants=moved or retitled or not was_live, old_path=old_path
        )
        changed(sender, "page.published", instance, affected)
    elif was_live:
        affected = affected_by(instance, descendants=True, old_path=old_path, gone=True)
        changed(sender, "page.unpublished", instance, affected)


def page_deleting(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live:
        changed(sender, "page.deleted", instance, affected_by(instance, gone=True))


def page_moving(sender, instance, **kwargs):
    instance._change_moving = True
    instance._change_old_path = relative_path(instance)
    instance._change_old_parent = instance.get_parent()


def page_moved(sender, instance, **kwargs):
    instance._change_moving = False
    old_path = instance.__dict__.pop("_change_old_path", None)
    old_parent = instance.__dict__.pop("_change_old_parent", None)
    instance.refresh_from_db(fields=["url_path", "path", "depth", "live"])
    affected = affected_by(instance, descendants=True, old_path=old_path)
    if old_parent is not None:
        parent = old_parent.specific_deferred
        if type(parent) in registry.LISTS_CHILDREN and (path := relative_path(parent)):
            affected.pages[parent.pk] = path
            affected.tags.add(f"page:{parent.pk}")
    changed(type(instance), "page.moved", instance, affected)


def page_restriction_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    try:
        page = instance.page.specific_deferred
    except Page.DoesNotExist:
        return
    affected = affected_by(page, descendants=True)
    changed(type(page), "page.privacy_changed", page, affected, title=page.title)


# -- Collections, documents, images, snippets, settings -----------------------------------------


def collection_restriction_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from wagtail.models import Collection

    try:
        collection = instance.collection
    except Collection.DoesNotExist:
        return
    collections = Collection.objects.descendant_of(collection, inclusive=True)
    affected = Affected()
    for document in get_document_model().objects.filter(collection__in=collections):
        part = affected_by(document)
        affected.pages.update(part.pages)
        affected.tags |= part.tags
    changed(Collection, "collection.privacy_changed", collection, affected, title=collection.name)


@functools.cache
def parental_key_to_page(model):
    """The name of ``model``'s ParentalKey to a page, or ``None`` (looked up once per model:
    this runs on every save of every model). Editors' comments are no output."""
    for field in model._meta.get_fields():
        if isinstance(field, ParentalKey) and issubclass(field.related_model, Page):
            if field.remote_field.related_name == COMMENTS_RELATION_NAME:
                return None
            return field.name
    return None


def parent_page(instance):
    """The live page that ``instance`` is a child row of (an orderable such as a topic's
    contact person or a featured topic), or ``None``."""
    if (name := parental_key_to_page(type(instance))) is None:
        return None
    page = getattr(instance, name, None)
    return page if page is not None and page.live else None


def child_row_changed(sender, instance, **kwargs):
    """A page's child row saved or deleted on its own (not by publishing the page)."""
    if isinstance(instance, Page) or change_kind(sender) is not None:
        return
    try:
        page = parent_page(instance)
    except Page.DoesNotExist:
        return
    if page is None or collected("page.published", page) or _key(page) in waiting():
        return  # saved with its page, whose publish is collected (or about to be)
    index_live_references(page)
    changed(type(page), "page.published", page, affected_by(page))


def remember_draftable(sender, instance, raw=False, update_fields=None, **kwargs):
    """Before a revisioned snippet (a contact person) is saved: whether it was live, and its
    live revision (a publish or unpublish changes it: :func:`wait_for_signal`)."""
    if raw or instance.pk is None or isinstance(instance, Page):
        return
    if not isinstance(instance, DraftStateMixin) or change_kind(sender) in (None, "page"):
        return
    if only_bookkeeping(update_fields):
        return
    before = sender._default_manager.filter(pk=instance.pk).values("live", "live_revision_id")
    instance._change_before = before.first()


def object_saved(sender, instance, created=False, update_fields=None, raw=False, **kwargs):
    if raw:  # loading fixtures or a serialized test database: no change to announce
        return
    kind = change_kind(sender)
    if kind is None:
        child_row_changed(sender, instance)
    if kind in (None, "page") or only_bookkeeping(update_fields):
        return
    if kind == "settings" and created:
        return  # made with its defaults on first use (Wagtail's for_site): nothing shows it
    if isinstance(instance, DraftStateMixin):
        before = instance.__dict__.pop("_change_before", None)
        if wait_for_signal(instance, before):
            return
        if not instance.live and not (before and before["live"]):
            return  # a draft that was never live: nothing shows it
    if getattr(instance, "live", True):
        index_live_references(instance)
    event = "settings.saved" if kind == "settings" else f"{kind}.saved"
    changed(sender, event, instance, affected_by(instance))


def object_published_or_unpublished(sender, instance, **kwargs):
    """Wagtail's ``published`` and ``unpublished`` of a revisioned snippet (pages have their
    own signals): announced as the snippet saved, once."""
    if isinstance(instance, Page) or (kind := change_kind(type(instance))) in (None, "page"):
        return
    had_save = waiting().pop(_key(instance), None) is not None
    event = "settings.saved" if kind == "settings" else f"{kind}.saved"
    if not had_save and collected(event, instance):
        return
    if instance.live:
        index_live_references(instance)
    changed(type(instance), event, instance, affected_by(instance))


def object_deleting(sender, instance, **kwargs):
    kind = change_kind(sender)
    if kind in (None, "page", "settings"):
        return
    changed(sender, f"{kind}.deleted", instance, affected_by(instance))


def m2m_related_changed(sender, instance, action, pk_set, **kwargs):
    """A document tagged with pages (a publication's topics): the pages added or removed
    change as well as the document's own."""
    if sender not in registry.M2M_THROUGH or action not in ("post_add", "post_remove"):
        return
    affected = affected_by(instance)
    if pk_set:
        for page in Page.objects.filter(pk__in=pk_set, live=True):
            if path := relative_path(page):
                affected.pages[page.pk] = path
                affected.tags.add(f"page:{page.pk}")
    kind = change_kind(type(instance))
    changed(type(instance), f"{kind}.saved", instance, affected)


def connect():
    pre_save.connect(remember_page, dispatch_uid="changes.remember_page")
    post_save.connect(page_saved, dispatch_uid="changes.page_saved")
    for signal in (page_published, page_unpublished):
        signal.connect(page_published_or_unpublished, dispatch_uid=f"changes.page.{id(signal)}")
    pre_save.connect(remember_draftable, dispatch_uid="changes.remember_draftable")
    for signal in (published, unpublished):
        signal.connect(object_published_or_unpublished, dispatch_uid=f"changes.object.{id(signal)}")
    pre_delete.connect(page_deleting, dispatch_uid="changes.page_deleting")
    pre_page_move.connect(page_moving, dispatch_uid="changes.page_moving")
    post_page_move.connect(page_moved, dispatch_uid="changes.page_moved")
    for signal in (post_save, post_delete):
        signal.connect(
            page_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"changes.page_restriction.{id(signal)}",
        )
        signal.connect(
            collection_restriction_changed,
            sender=CollectionViewRestriction,
            dispatch_uid=f"changes.collection_restriction.{id(signal)}",
        )
    post_save.connect(object_saved, dispatch_uid="changes.object_saved")
    post_delete.connect(child_row_changed, dispatch_uid="changes.child_row_deleted")
    pre_delete.connect(object_deleting, dispatch_uid="changes.object_deleting")
    m2m_changed.connect(m2m_related_changed, dispatch_uid="changes.m2m_related_changed")
