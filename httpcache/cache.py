"""The response cache: whole public responses, invalidated by tag the moment a change commits.

An entry is a finished anonymous response (status, content type, body, ETag) stored in
Django's cache (``RESPONSE_CACHE``: local memory by default, Redis when ``REDIS_URL`` is set,
shared by every process). It carries the *tags* it was built from (``page:<id>``, ``chrome``,
``listing:<name>``) with each tag's version at the time; a change gives its affected tags new
versions (:func:`invalidate`), so an entry is valid only while all its versions are current.
A hit therefore costs two cache reads and no database query, and its ETag is known without
resolving or rendering anything.

A response is tagged by whoever builds it: a page's ``serve()`` (HTML), :func:`tagging` on a
v3 router, or the URL (Wagtail's page detail views, see ``httpcache.middleware``).

A miss that races a change is not stored: every invalidation also moves a generation
counter, read before the response is built and compared before it is stored.
"""

import functools
import hashlib
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches

PREFIX = "httpcache:"
GENERATION = PREFIX + "generation"
EVERYTHING = "everything"  # every entry carries it: forget_everything() empties the cache


def store():
    return caches[getattr(settings, "RESPONSE_CACHE", "default")]


def timeout():
    return getattr(settings, "RESPONSE_CACHE_TIMEOUT", 24 * 3600)


def page_tag(page_id):
    return f"page:{page_id}"


def tag(request, *tags):
    """Say that the response to ``request`` shows what ``tags`` name (and may be cached)."""
    request.content_tags = getattr(request, "content_tags", set()) | set(tags)


def tagging(*tags):
    """Ninja view decorator (``router.add_decorator(tagging(...), mode="view")``): every
    response of the router is tagged."""

    def decorator(run):
        @functools.wraps(run)
        def tagged(request, *args, **kwargs):
            tag(request, *tags)
            return run(request, *args, **kwargs)

        return tagged

    return decorator


def _tag_keys(tags):
    return {PREFIX + "tag:" + t: t for t in tags}


def versions(tags):
    """The current version of each tag, creating the missing ones."""
    cache = store()
    keys = _tag_keys(tags)
    found = cache.get_many(list(keys))
    missing = {key: uuid.uuid4().hex for key in keys if key not in found}
    if missing:
        for key, version in missing.items():
            cache.add(key, version, timeout=None)
        found.update(cache.get_many(list(missing)))
    return {keys[key]: version for key, version in found.items()}


def invalidate(tags):
    """Give ``tags`` new versions: every entry built from any of them is stale at once."""
    if not tags:
        return
    cache = store()
    cache.set_many({key: uuid.uuid4().hex for key in _tag_keys(tags)}, timeout=None)
    cache.set(GENERATION, uuid.uuid4().hex, timeout=None)


def forget_everything():
    invalidate({EVERYTHING})


def generation():
    return store().get(GENERATION)


@dataclass
class Entry:
    status: int
    content_type: str
    body: bytes
    tags: dict  # tag -> version
    etag: str
    location: str = ""
    alias: str = ""  # the key of the entry this one stands for (a page by its path)

    def is_current(self):
        keys = _tag_keys(self.tags)
        return store().get_many(list(keys)) == {key: self.tags[tag] for key, tag in keys.items()}


def key_for(request, path=None, query=None):
    """One entry per host, path and query (the query's order does not matter)."""
    if query is None:
        query = "&".join(sorted(request.GET.urlencode().split("&"))) if request.GET else ""
    raw = f"{request.get_host()}|{path or request.path}|{query}"
    return PREFIX + "entry:" + hashlib.sha256(raw.encode()).hexdigest()


def lookup(key):
    entry = store().get(key)
    if entry is None or not entry.is_current():
        return None
    return lookup(entry.alias) if entry.alias else entry


def lookup_with_generation(key):
    """``(entry or None, generation)`` in one round trip for a miss (two for a hit)."""
    found = store().get_many([key, GENERATION])
    entry = found.get(key)
    if entry is not None and entry.is_current():
        entry = lookup(entry.alias) if entry.alias else entry
    else:
        entry = None
    return entry, found.get(GENERATION)


def save_alias(key, target_key, tags):
    """``key`` answers with the entry under ``target_key`` while ``tags`` stay current."""
    tags = set(tags) | {EVERYTHING}
    tag_versions = versions(tags)
    if set(tag_versions) != tags:
        return
    entry = Entry(200, "", b"", tag_versions, "", alias=target_key)
    store().set(key, entry, timeout=timeout())


def save(key, response, tags, started_generation):
    """Store ``response`` under ``key`` unless a change happened since the build began (the
    versions are read first: a change after the check leaves the entry stale, never wrong)."""
    tags = set(tags) | {EVERYTHING}
    tag_versions = versions(tags)
    if set(tag_versions) != tags or generation() != started_generation:
        # A version missing means the cache did not answer (see ops.cache): an entry without
        # it would never go stale.
        return None
    body = response.content
    entry = Entry(
        status=response.status_code,
        content_type=response.get("Content-Type", ""),
        body=body,
        tags=tag_versions,
        etag=response.get("ETag") or f'"{hashlib.md5(body, usedforsecurity=False).hexdigest()}"',
        location=response.get("Location", ""),
    )
    store().set(key, entry, timeout=timeout())
    return entry
