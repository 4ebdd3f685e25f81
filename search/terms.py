"""The editors' report of frequent searches ("Suchbegriffe"), counted off the request path.

A search only adds one to a counter in the cache (Redis when ``REDIS_URL`` is set, so all app
processes count together); no database row is written while the visitor waits.
``manage.py flush_search_terms`` (from cron, or as a process with ``--interval``) adds the
counts up into Wagtail's ``Query``/``QueryDailyHits`` rows: one write per search term and day,
however often it was searched.

Only searches a visitor made on the site count: the search page submitted by one of the site's
own search forms, which carry a signed token (``?formular=``, :func:`form_token`; a header such
as ``Sec-Fetch-Site`` or ``Referer`` anyone can set), not links or requests made up elsewhere,
not the API, not paging through results; and only terms that found something, so that probes
(``<script>``, SQL) never reach the report. The token names the day it was made and is good for
:data:`FORM_TOKEN_DAYS` days, so a page kept by the response cache or a CDN keeps a working form;
it is the same on every page of a day and is not part of the response cache's key.

Counters live in generations: a flush starts a new generation, then reads the old one. Each
new term of a generation takes a numbered slot (``incr`` is atomic in Redis and locmem), so the
flush finds every term without a list that processes would have to share.
"""

import hashlib
from datetime import timedelta

from django.core import signing
from django.core.cache import caches
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from .highlight import query_terms

PREFIX = "search-terms"
TIMEOUT = 7 * 24 * 3600  # pending counts survive a week without a flush


def _cache():
    return caches["default"]


def _generation(cache):
    cache.add(f"{PREFIX}:generation", 1, timeout=None)
    return cache.get(f"{PREFIX}:generation", 1)


FORM_PARAMETER = "formular"
FORM_TOKEN_DAYS = 7
_SALT = "search.terms.form"


def form_token(today=None):
    """The token of the site's search forms today (signed with ``SECRET_KEY``)."""
    today = today or timezone.localdate()
    return signing.Signer(salt=_SALT).sign(today.isoformat()).split(":", 1)[1]


def from_the_site(request):
    """Whether the request is a search the visitor made with one of the site's forms: it
    carries the token of one of the last :data:`FORM_TOKEN_DAYS` days."""
    sent = request.GET.get(FORM_PARAMETER, "")
    if not sent:
        return False
    today = timezone.localdate()
    return any(
        constant_time_compare(sent, form_token(today - timedelta(days=age)))
        for age in range(FORM_TOKEN_DAYS)
    )


# The response cache's hit handler (httpcache.cache.when_hit): a search answered from the
# cache counts like one the view answered.
HIT_HANDLER = "search-terms"


def count_from_the_site(request, query, found):
    """Count the search when the visitor made it on the site (see :func:`from_the_site`)."""
    if from_the_site(request):
        count(query, found)


def count(query, found):
    """Count one search for ``query`` (cleaned) that found ``found`` results: in the cache."""
    if not found or not query_terms(query):
        return
    cache = _cache()
    generation = _generation(cache)
    digest = hashlib.sha256(query.encode()).hexdigest()[:32]
    key = f"{PREFIX}:{generation}:{digest}"
    if cache.add(f"{key}:query", query, timeout=TIMEOUT):
        cache.add(f"{PREFIX}:{generation}:slots", 0, timeout=TIMEOUT)
        slot = cache.incr(f"{PREFIX}:{generation}:slots")
        cache.set(f"{PREFIX}:{generation}:slot:{slot}", digest, timeout=TIMEOUT)
    cache.add(f"{key}:count", 0, timeout=TIMEOUT)
    cache.incr(f"{key}:count")


def flush(date=None):
    """Add the counted searches to the report; returns ``{query: hits}`` written."""
    cache = _cache()
    old = _generation(cache)
    cache.incr(f"{PREFIX}:generation")  # new searches count in the next generation
    slots = cache.get(f"{PREFIX}:{old}:slots") or 0
    totals = {}
    for slot in range(1, slots + 1):
        digest = cache.get(f"{PREFIX}:{old}:slot:{slot}")
        key = f"{PREFIX}:{old}:{digest}"
        query, hits = cache.get(f"{key}:query"), cache.get(f"{key}:count") or 0
        if query and hits:
            totals[query] = totals.get(query, 0) + hits
        cache.delete_many([f"{key}:query", f"{key}:count", f"{PREFIX}:{old}:slot:{slot}"])
    cache.delete(f"{PREFIX}:{old}:slots")
    date = date or timezone.localdate()
    with transaction.atomic():
        for query, hits in totals.items():
            daily, _ = QueryDailyHits.objects.get_or_create(query=Query.get(query), date=date)
            QueryDailyHits.objects.filter(pk=daily.pk).update(hits=F("hits") + hits)
    return totals
