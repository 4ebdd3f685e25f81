"""Rate limit of anonymous searches (django-ratelimit), per visitor address.

``SEARCH_RATE_LIMIT`` (e.g. ``30/m``) searches per window and address, counted in the shared
cache; more answer ``429`` with ``Retry-After`` (the seconds left in the window) and an
``application/problem+json`` body. Requests with valid credentials (an API token, a logged-in
session) are not limited; a bogus token or cookie is counted like any anonymous request. While
the counter's store does not answer, searches are let through and a warning is logged (fail
open).
"""

import logging

from django.conf import settings
from django_ratelimit.core import get_usage
from wagtail.api.v3.errors import problem_response

from httpcache.middleware import has_credentials

logger = logging.getLogger(__name__)

MESSAGE = "Zu viele Suchanfragen. Bitte warten Sie einen Moment und versuchen Sie es dann erneut."


def too_many(request, group="search"):
    """``None`` when the search may run, else the ``429`` response to send."""
    if has_credentials(request) or not settings.SEARCH_RATE_LIMIT:
        return None
    usage = get_usage(
        request, group=group, key="ip", rate=settings.SEARCH_RATE_LIMIT, increment=True
    )
    if usage is None:
        # The counter's store did not answer (RATELIMIT_FAIL_OPEN): let the search through.
        logger.warning("search rate limit not counted: its cache did not answer")
        return None
    if not usage["should_limit"]:
        return None
    response = problem_response(status=429, detail=MESSAGE)
    response["Retry-After"] = str(max(1, int(usage["time_left"])))
    response["Cache-Control"] = "no-store"
    return response
