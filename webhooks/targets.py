"""Where a webhook may be sent: only to public addresses, checked when the endpoint is saved
and again for every attempt.

A webhook is a request the CMS makes on an editor's behalf, so without this check anyone with
the webhook permission could make the server call into its own network (the database, Redis,
the cloud's metadata service at 169.254.169.254) and read the answer back from the delivery
log. So the endpoint's host name is resolved, every address it resolves to must be public
(``ipaddress``'s ``is_global``: no loopback, private, link-local, shared, reserved, multicast or
unspecified address), and the attempt connects to exactly the address that was checked (a name
that resolves to something else a second later, DNS rebinding, gains nothing). Redirects are not
followed (``sending``). ``WEBHOOKS_ALLOW_PRIVATE_TARGETS`` lifts the rule for development and
tests, where the receiver runs on the same machine.
"""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _
from requests.adapters import HTTPAdapter


class RefusedTarget(Exception):
    """The endpoint's address is not allowed (or cannot be resolved); the message is German
    and safe to show and to log."""


def refused_address(address):
    """Why ``address`` (an IP address as text) may not be called, or None when it is public."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if ip.is_global and not ip.is_multicast:
        return None
    if ip.is_loopback:
        return _("Adresse des Servers selbst (Loopback)")
    if ip.is_link_local:
        return _("link-lokale Adresse (z. B. Metadaten-Dienst der Cloud)")
    if ip.is_private:
        return _("Adresse aus einem privaten Netz")
    return _("keine öffentliche Adresse")


def resolve(url):
    """``(host, port, addresses)`` of an http(s) URL, the addresses as text in the order the
    resolver gave them. Raises :class:`RefusedTarget` when the name does not resolve."""
    parts = urlsplit(url)
    host = parts.hostname
    if not host:
        raise RefusedTarget(_("Die Adresse enthält keinen Host."))
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise RefusedTarget(_("Die Adresse enthält einen ungültigen Port.")) from None
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise RefusedTarget(
            _("Der Name „%(host)s“ lässt sich nicht auflösen.") % {"host": host}
        ) from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    return host, port, addresses


def checked_address(url):
    """The address an attempt at ``url`` connects to: the first the name resolves to, after
    every one of them was checked. Raises :class:`RefusedTarget` for a refused target."""
    host, _port, addresses = resolve(url)
    if not settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS:
        for address in addresses:
            reason = refused_address(address)
            if reason:
                raise RefusedTarget(
                    _("Ziel nicht erlaubt: %(host)s ist eine %(reason)s.")
                    % {"host": host, "reason": reason}
                )
    return addresses[0]


class PinnedAddressAdapter(HTTPAdapter):
    """A requests adapter that connects to one checked address, whatever the URL's name
    resolves to by then, while TLS still checks the certificate against the name (SNI and
    hostname verification) and the ``Host`` header keeps it. Uses requests' documented hook
    for choosing the connection pool (``get_connection_with_tls_context``)."""

    def __init__(self, address, hostname, **kwargs):
        self.address = address
        self.hostname = hostname
        super().__init__(max_retries=0, **kwargs)

    def get_connection_with_tls_context(self, request, verify, proxies=None, cert=None):
        host_params, pool_kwargs = self.build_connection_pool_key_attributes(request, verify, cert)
        host_params["host"] = self.address
        if host_params["scheme"] == "https":
            pool_kwargs["server_hostname"] = self.hostname
            pool_kwargs["assert_hostname"] = self.hostname
        return self.poolmanager.connection_from_host(**host_params, pool_kwargs=pool_kwargs)
