"""The response cache: whole public responses, invalidated by tag the moment a change commits.

An entry is a finished anonymous response (status, content type, body, ETag) stored in
Django's cache (``RESPONSE_CACHE``: local memory by default, Redis when ``REDIS_URL`` is set).
It carries the *tags* it was built from (``page:<id>``, ``chrome``, ``listing:<name>``) with
each tag's version at the time; a change gives its affected tags new versions
(:func:`invalidate`), so an entry is valid only while all its versions are current.

The versions live where every process sees them (``RESPONSE_CACHE_VERSIONS``): Redis when it is
configured, else a table in the database (Django's database cache on ``changes``' table). So an
entry kept in one process's memory is still checked against a change made by any other process
(a second worker, the scheduler, a management command). A hit costs one read of the versions
(one indexed query without Redis, one round trip with it); its ETag is known without resolving
or rendering anything.

A response is tagged by whoever builds it: a page's ``serve()`` (HTML), :func:`tagging` on a
v3 router, or the URL (Wagtail's page detail views, see ``httpcache.middleware``).

A miss that races a change is not stored: every invalidation also moves a generation
counter, read before the response is built and compared before it is stored.
"""

import functools
import hashlib
import re
import uuid
from dataclasses import dataclass
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.http.request import split_domain_port

PREFIX = "httpcache:"
GENERATION = PREFIX + "generation"
EVERYTHING = "everything"  # every entry carries it: forget_everything() empties the cache


def store():
    """Where entries are kept (may be one process's memory)."""
    return caches[getattr(settings, "RESPONSE_CACHE", "default")]


def shared():
    """Where tag versions and the generation are kept: seen by every process."""
    return caches[getattr(settings, "RESPONSE_CACHE_VERSIONS", "default")]


def timeout():
    return getattr(settings, "RESPONSE_CACHE_TIMEOUT", 24 * 3600)


def page_tag(page_id):
    return f"page:{page_id}"


def tag(request, *tags, params=(), on_hit=()):
    """Say that the response to ``request`` shows what ``tags`` name (and may be cached).

    ``params``: the query parameters the view reads (the rendered site's views ignore the
    rest, so a response to a query with any other parameter is not stored: one entry per
    meaningful query, not per spelling a client invents). The APIs answer unknown
    parameters with 400 themselves.

    ``on_hit``: ``(name, *arguments)`` of a handler registered with :func:`when_hit`, called
    as ``handler(request, *arguments)`` each time the stored entry answers a request in the
    view's stead (the view's side effects that must not be lost to the cache, e.g. counting
    a search for the editors' report). Arguments are kept with the entry: plain values.
    """
    request.content_tags = getattr(request, "content_tags", set()) | set(tags)
    request.httpcache_params = getattr(request, "httpcache_params", set()) | set(params)
    if on_hit:
        request.httpcache_on_hit = tuple(on_hit)


# name -> handler(request, *arguments), registered by the apps (see :func:`tag`'s ``on_hit``)
HIT_HANDLERS = {}


def when_hit(name, handler):
    """Register ``handler`` for entries tagged with ``on_hit=(name, ...)``."""
    HIT_HANDLERS[name] = handler


def hit(entry, request):
    """Run the entry's hit handler, if it has one, for a request it answers."""
    note = getattr(entry, "on_hit", ())
    if note and (handler := HIT_HANDLERS.get(note[0])):
        handler(request, *note[1:])


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
    """The current version of each tag (creating the missing ones) and the generation, in one
    read when every version exists."""
    cache = shared()
    keys = _tag_keys(tags)
    found = cache.get_many([*keys, GENERATION])
    current_generation = found.pop(GENERATION, None)
    missing = {key: uuid.uuid4().hex for key in keys if key not in found}
    if missing:
        # One write for all of them (one statement on the database cache, changes.cache), set
        # rather than added: a process that created the same tag at the same moment loses its
        # version, so the entries it stores go stale (a miss), never wrong; and an entry built
        # across a change is refused anyway (the generation, see save()). A version the cache
        # did not take is left out: then nothing is stored with it.
        failed = set(cache.set_many(missing, timeout=None) or ())
        found.update({key: version for key, version in missing.items() if key not in failed})
    return {keys[key]: version for key, version in found.items()}, current_generation


def invalidate(tags):
    """Give ``tags`` new versions: every entry built from any of them is stale at once."""
    if not tags:
        return
    new = {key: uuid.uuid4().hex for key in _tag_keys(tags)}
    shared().set_many({**new, GENERATION: uuid.uuid4().hex}, timeout=None)


def forget_everything():
    invalidate({EVERYTHING})


def generation():
    return shared().get(GENERATION)


@dataclass
class Entry:
    status: int
    content_type: str
    body: bytes
    tags: dict  # tag -> version
    etag: str
    location: str = ""
    alias: str = ""  # the key of the entry this one stands for (a page by its path)
    on_hit: tuple = ()  # (handler name, *arguments): see tag()

    def is_current(self):
        return _current([self])


# Parameters that only tell analytics where a visitor came from: no view reads them, so the
# rendered site drops them from the key (the APIs reject them as unknown, so they stay there).
TRACKING = re.compile(r"^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|_ga)$")
DEFAULT_PORTS = {"http": "80", "https": "443"}
# Parameters of the rendered site that change nothing in the answer but that a view (or its
# hit handler) reads for a side effect, e.g. the search forms' token (search.terms): left out
# of the key like tracking parameters (registered by the apps: leave_out_of_key()).
UNKEYED = set()


def leave_out_of_key(*names):
    UNKEYED.update(names)


def is_api_path(path):
    return path.startswith("/api/")


def normalised_host(request):
    """The host as the site sees it, one spelling per site: lower case, no trailing dot, no
    default port (``get_host`` has checked it against ``ALLOWED_HOSTS``)."""
    domain, port = split_domain_port(request.get_host())
    if port and port != DEFAULT_PORTS.get(request.scheme):
        return f"{domain}:{port}"
    return domain


def query_items(request, path=None):
    """The query as the view reads it: ``(name, [values])`` sorted by name, the values of a
    repeated name in their order (which the view may depend on); tracking and other unkeyed
    parameters (:data:`UNKEYED`) dropped outside the API."""
    api = is_api_path(path or request.path)
    return sorted(
        (name, values)
        for name, values in request.GET.lists()
        if api or not (TRACKING.match(name) or name in UNKEYED)
    )


def normalised_query(request, path=None):
    return urlencode(
        [(name, value) for name, values in query_items(request, path) for value in values]
    )


def variant(request, path=None):
    """What of the request's content negotiation changes the answer, or ``None`` when the
    answer cannot be told from the key (then the cache is neither read nor written).

    Only Wagtail's v2 API negotiates (DRF): it answers JSON when the client accepts it, else
    406 (or DRF's browsable HTML API, were ``rest_framework`` installed, to a client that
    names ``text/html``: never kept). The v3 API and the rendered site answer the same whatever
    ``Accept`` says.
    """
    if not (path or request.path).startswith("/api/v2/"):
        return ""
    if not request.accepts("application/json"):
        return None
    if "text/html" in request.headers.get("Accept", "") and apps.is_installed("rest_framework"):
        return None
    return "json"


def key_for(request, path=None, query=None):
    """One entry per scheme, site host, path, negotiated variant and normalised query, or
    ``None`` when the request's answer cannot be told from a key (see :func:`variant`)."""
    kind = variant(request, path)
    if kind is None:
        return None
    if query is None:
        query = normalised_query(request, path)
    raw = f"{request.scheme}|{normalised_host(request)}|{path or request.path}|{kind}|{query}"
    return PREFIX + "entry:" + hashlib.sha256(raw.encode()).hexdigest()


def _expected(entries):
    expected = {}
    for entry in entries:
        expected.update({PREFIX + "tag:" + tag: version for tag, version in entry.tags.items()})
    return expected


def _current(entries):
    """Whether every entry's versions are current: one read of the shared versions."""
    expected = _expected(entries)
    return shared().get_many(list(expected)) == expected


def _entries(key):
    """The entry under ``key`` and, for an alias, the entry it stands for; ``[]`` if either is
    missing."""
    entry = store().get(key)
    if entry is None:
        return []
    if not entry.alias:
        return [entry]
    target = store().get(entry.alias)
    return [entry, target] if target is not None and not target.alias else []


def lookup(key):
    entries = _entries(key)
    return entries[-1] if entries and _current(entries) else None


def lookup_with_generation(key):
    """``(entry or None, generation)`` in one read of the shared versions: the entry's
    versions for a hit, the generation for a miss (so that a change during the build is
    noticed)."""
    entries = _entries(key)
    expected = _expected(entries)
    found = shared().get_many([*expected, GENERATION])
    current_generation = found.pop(GENERATION, None)
    if entries and found == expected:
        return entries[-1], None
    return None, current_generation


def save_alias(key, target_key, tags):
    """``key`` answers with the entry under ``target_key`` while ``tags`` stay current."""
    tags = set(tags) | {EVERYTHING}
    tag_versions, _generation = versions(tags)
    if set(tag_versions) != tags:
        return
    entry = Entry(200, "", b"", tag_versions, "", alias=target_key)
    store().set(key, entry, timeout=timeout())


def save(key, response, tags, started_generation, on_hit=()):
    """Store ``response`` under ``key`` unless a change happened since the build began (the
    versions are read first: a change after the check leaves the entry stale, never wrong)."""
    tags = set(tags) | {EVERYTHING}
    tag_versions, current_generation = versions(tags)
    if set(tag_versions) != tags or current_generation != started_generation:
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
        on_hit=tuple(on_hit),
    )
    store().set(key, entry, timeout=timeout())
    return entry
