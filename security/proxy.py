"""``X-Forwarded-Proto`` counts only when a trusted proxy sent it.

Production sets ``SECURE_PROXY_SSL_HEADER`` so that a request the proxy received over HTTPS is
secure for Django (no redirect to HTTPS, secure cookies, CSRF's HTTPS checks). Django believes
that header from anyone: a client reaching the app port directly could claim HTTPS. This
middleware, first in ``MIDDLEWARE``, drops the header unless the request comes from one of
``TRUSTED_PROXIES``, the same list that decides whether ``X-Forwarded-For`` is read
(``accounts.throttling.client_ip``). With no trusted proxy configured, nobody's header counts.
"""

import functools
import ipaddress

from django.conf import settings


@functools.lru_cache(maxsize=8)
def _networks(entries):
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def is_trusted_proxy(address):
    """Whether ``address`` is one of ``TRUSTED_PROXIES`` (never, when none is configured)."""
    networks = _networks(tuple(settings.TRUSTED_PROXIES))
    if not networks:
        return False
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


class UntrustedForwardedProtoMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        header = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
        if (
            header
            and header[0] in request.META
            and not is_trusted_proxy(request.META.get("REMOTE_ADDR", ""))
        ):
            del request.META[header[0]]
        return self.get_response(request)
