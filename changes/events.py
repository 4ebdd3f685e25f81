"""A change announced: one event per transaction, told once to everyone who keeps a copy.

What one transaction does (a publish writes the page, its inline rows and its revision; a
snippet saved with its rows) is collected while it runs: each signal handler reports what it
changed (:func:`changed`), and the reports are merged into one :class:`Change` whose
:class:`~changes.affected.Affected` set is the union of them all. When the transaction
commits, that one change is announced once: ``content_changed`` is sent (the webhooks write
one delivery per endpoint), the response cache is invalidated once (in every process: the
tag versions are shared) and the CDN is purged once. A transaction that rolls back announces
nothing. A change made outside any transaction is announced at once.
"""

import threading
from dataclasses import dataclass, field

from django.dispatch import Signal

from .affected import Affected

# Sent as content_changed.send(sender=<model class of the first change>, change=<Change>) once
# the transaction has committed, once per transaction.
content_changed = Signal()
# Sent as change_collected.send(sender=…, change=<Change>) inside the transaction, each time its
# change grows (the first report, every merge): what must survive a crash right after the
# commit (the webhooks' outbox) is written here, in the transaction, and completed on
# content_changed. Not sent for a change made outside a transaction (announced at once).
change_collected = Signal()

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
    ``people.contactperson``, its ``object_id`` and ``title``) and what it affects. When one
    transaction changed several objects, the first is named here and ``parts`` lists every
    ``(event, model, object_id, title)``; ``affected`` covers them all."""

    event: str
    model: str
    object_id: int | str
    title: str
    affected: Affected
    parts: list = field(default_factory=list)
    # What receivers of change_collected wrote for this change, for their content_changed.
    notes: dict = field(default_factory=dict)

    @property
    def events(self):
        return {part[0] for part in self.parts} or {self.event}


# The response cache's tag of search answers (search.engine.SEARCH_TAG; the search app stands
# on this one, not the other way round).
SEARCH = "search"


# -- Collecting in the transaction, telling everyone on commit -----------------------------------

_local = threading.local()


class Batch:
    """The changes of one transaction, merged."""

    def __init__(self):
        self.change = None
        self.seen = set()

    def add(self, sender, change):
        key = (change.event, change.model, change.object_id)
        if self.change is None:
            self.sender = sender
            self.change = change
            change.parts = [(change.event, change.model, change.object_id, change.title)]
            self.seen.add(key)
            change_collected.send(sender=sender, change=change)
            return
        merged = self.change.affected
        before = (len(merged.pages), len(merged.gone), len(merged.tags), len(self.seen))
        merged.pages.update(change.affected.pages)
        merged.gone |= change.affected.gone
        merged.tags |= change.affected.tags
        if key not in self.seen:
            self.seen.add(key)
            self.change.parts.append((change.event, change.model, change.object_id, change.title))
        if before != (len(merged.pages), len(merged.gone), len(merged.tags), len(self.seen)):
            change_collected.send(sender=self.sender, change=self.change)

    def flush(self):
        if getattr(_local, "batch", None) is self:
            _local.batch = None
        if self.change is not None:
            announce(self.sender, self.change)
            self.change = None


def current_batch():
    """The batch of the running transaction, begun (and its announcement registered to run on
    commit) by the transaction's first change; ``None`` outside a transaction."""
    from django.db import transaction

    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        return None
    batch = getattr(_local, "batch", None)
    # Borrowed: see cms/borrowed.py (changes.events:current_batch, Django's
    # BaseDatabaseWrapper.on_commit): a batch whose announcement is no longer among the
    # connection's run_on_commit belonged to a transaction (or savepoint) that rolled back:
    # its changes never happened.
    if batch is not None and any(
        callback == batch.flush for _ids, callback, _robust in connection.run_on_commit
    ):
        # Once more after each change: the announcement is idempotent (the first call at the
        # commit announces, the rest find nothing), and whatever runs only the callbacks
        # registered since some point (pytest-django's on-commit capture) runs it too.
        transaction.on_commit(batch.flush)
        return batch
    batch = _local.batch = Batch()
    transaction.on_commit(batch.flush)
    return batch


def collected(event, obj):
    """Whether the running transaction has already reported ``event`` for ``obj`` (a page's
    inline rows, saved with the page, need no affected set of their own)."""
    batch = getattr(_local, "batch", None)
    return bool(
        batch is not None
        and batch.change is not None
        and (event, obj._meta.label_lower, obj.pk) in batch.seen
        and batch is current_batch()
    )


def changed(sender, event, obj, affected, title=None):
    """Report a change to ``obj``: merged into the transaction's one change, announced when
    the transaction commits (at once outside a transaction)."""
    if not affected:
        return None
    change = Change(
        event=event,
        model=obj._meta.label_lower,
        object_id=obj.pk,
        title=str(title if title is not None else getattr(obj, "title", None) or obj),
        affected=affected,
    )
    batch = current_batch()
    if batch is None:
        change.parts = [(change.event, change.model, change.object_id, change.title)]
        announce(sender, change)
    else:
        batch.add(sender, change)
    return change


def announce(sender, change):
    """Tell everyone, once: ``content_changed`` (webhooks), the response cache, the CDN."""
    from httpcache import cache

    content_changed.send(sender=sender, change=change)
    # Any change may change what a search finds: search answers go with every change.
    cache.invalidate(change.affected.tags | {SEARCH})
    purge(change.affected)


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
