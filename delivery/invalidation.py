"""What a change affects, decided in one place, and who is told.

Every change to content (a page published, unpublished, moved or deleted; a snippet, document or
image saved or deleted; a collection's privacy; site settings or navigation) is turned into a
:class:`Change`: the event, the object, and the :class:`Affected` set: the exact pages whose
output changes, with their HTML paths and API URLs, and the listings and site-wide parts
(``chrome``: navigation and footer) that show them.

``content_changed`` is sent with the change *inside* the transaction that makes it, so a
receiver may write to the database atomically with it (the webhooks outbox does). The delivery
cache and the CDN are told once the transaction commits (and, for this process, at once).
"""

from dataclasses import dataclass, field

from django.dispatch import Signal

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
class Affected:
    """The outputs one change touches.

    ``pages`` maps the id of every page whose own output changes to its HTML path (as the site
    serves it, e.g. ``/themen/fluechtlingsarbeit/``); ``gone`` holds paths that no longer
    answer (an unpublished, deleted or moved page's old paths); ``tags`` the delivery cache
    tags to invalidate (``page:<id>``, ``listing:<name>``, ``chrome``).
    """

    pages: dict[int, str] = field(default_factory=dict)
    gone: set[str] = field(default_factory=set)
    tags: set[str] = field(default_factory=set)

    # Listing endpoints by tag: the API URLs to purge when the listing changes.
    LISTING_URLS = {}

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
            urls |= set(self.LISTING_URLS.get(tag, ()))
        return sorted(urls)

    def __bool__(self):
        return bool(self.pages or self.gone or self.tags)


@dataclass
class Change:
    """One change: ``event`` (see :data:`EVENTS`), the object (``model`` label such as
    ``people.contactperson``, its ``object_id`` and ``title``) and what it affects."""

    event: str
    model: str
    object_id: int | str
    title: str
    affected: Affected
