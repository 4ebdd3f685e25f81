"""A change announced: one event with what it affects, told to everyone who keeps a copy.

A change is turned into a :class:`Change`: the event, the object, and its
:class:`~changes.affected.Affected` set. ``content_changed`` is sent with the change *inside*
the transaction that makes it, so a receiver may write to the database atomically with it (the
webhooks outbox does). The response cache and the CDN are told once the transaction commits
(and, for this process, at once).
"""

from dataclasses import dataclass

from django.dispatch import Signal

from .affected import Affected

# Sent as content_changed.send(sender=<model class>, change=<Change>) inside the transaction.
content_changed = Signal()

EVENTS = (
    "page.published",
    "page.unpublished",
    "page.deleted",
    "page.moved",
    "page.privacy_changed",
    "snippet.saved",
    "snippet.deleted",
    "document.saved",
    "document.deleted",
    "image.saved",
    "image.deleted",
    "collection.privacy_changed",
    "settings.saved",
)


@dataclass
class Change:
    """One change: ``event`` (see :data:`EVENTS`), the object (``model`` label such as
    ``people.contactperson``, its ``object_id`` and ``title``) and what it affects."""

    event: str
    model: str
    object_id: int | str
    title: str
    affected: Affected


# -- Telling everyone ---------------------------------------------------------------------------


def changed(sender, event, obj, affected, title=None):
    """Announce a change: ``content_changed`` now (inside the transaction), the response cache
    now and again when the transaction commits (other processes may have re-read the old
    state in between), the CDN on commit."""
    from django.db import transaction

    from httpcache import cache

    if not affected:
        return None
    change = Change(
        event=event,
        model=obj._meta.label_lower,
        object_id=obj.pk,
        title=str(title if title is not None else getattr(obj, "title", None) or obj),
        affected=affected,
    )
    content_changed.send(sender=sender, change=change)
    cache.invalidate(affected.tags)
    transaction.on_commit(lambda: cache.invalidate(affected.tags))
    transaction.on_commit(lambda: purge(affected))
    return change


def purge(affected):
    """Purge the affected HTML and API URLs from the CDN, when Wagtail's frontend cache is
    configured (``WAGTAILFRONTENDCACHE``)."""
    from django.conf import settings

    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    base = (getattr(settings, "WAGTAILAPI_BASE_URL", None) or "").rstrip("/")
    if not base:
        return
    batch = PurgeBatch()
    batch.add_urls([base + path for path in affected.paths + affected.api_urls])
    batch.purge()
