"""Throttling of every password form, with django-axes.

The admin login and the front-end login go through ``django.contrib.auth.authenticate``,
which axes watches (its backend refuses while locked out, its signal handlers count failures).
The passwords of protected pages and collections are not user logins, so their views are
wrapped here: each restriction counts as an account of its own ("Seitenpasswort 12",
"Sammlungspasswort 3") in the same failure records, with the same limit, cool-off, lockout
page and admin view to lift a lockout (Einstellungen → Gesperrte Anmeldungen).
"""

import ipaddress

from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off, get_failure_limit, get_lockout_response
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import render
from django.utils import timezone
from wagtail import views as page_views
from wagtail.documents.views import serve as document_views

from security.proxy import is_trusted_proxy


def client_ip(request):
    """The visitor's address (``AXES_CLIENT_IP_CALLABLE``, ``RATELIMIT_IP_META_KEY``).

    ``REMOTE_ADDR`` unless it is one of ``TRUSTED_PROXIES``: then the entries of
    ``X-Forwarded-For`` are read from the right (each proxy appends the address it saw),
    skipping the trusted proxies, and the first other address is the visitor's. So a client
    that reaches the app directly cannot choose its address by sending the header (its own
    address is not a trusted proxy, the header is ignored), and whatever a client wrote into
    the header before the proxy appended to it is never reached."""
    remote = request.META.get("REMOTE_ADDR", "")
    if not is_trusted_proxy(remote):
        return remote
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    address = remote
    for hop in reversed([entry for entry in forwarded if entry]):
        try:
            ipaddress.ip_address(hop)
        except ValueError:
            break  # not an address: written by the client, not by a proxy
        address = hop
        if not is_trusted_proxy(hop):
            break
    return address


class AccountAndAddressHandler(AxesDatabaseHandler):
    """Axes' database handler (``AXES_HANDLER``, its documented extension point) with a
    second limit: an address that has failed on ``AXES_ACCOUNTS_PER_ADDRESS`` different
    accounts within the cool-off (password spraying: a few guesses each for many accounts,
    which the per-account limit never sees) is refused on every account, until the cool-off
    has passed or an administrator deletes its entries. The per-account lock stays per
    account *and* address (``AXES_LOCKOUT_PARAMETERS``), so nobody can lock an account for
    everyone."""

    def get_failures(self, request, credentials=None):
        # Axes decides every lockout (before the password check and after a failure) by
        # comparing this number with the limit: a spraying address is at the limit on any
        # account.
        failures = super().get_failures(request, credentials)
        if self.is_spraying(request):
            return max(failures, get_failure_limit(request, credentials))
        return failures

    def is_spraying(self, request):
        address = getattr(request, "axes_ip_address", None) or client_ip(request)
        recent = AccessAttempt.objects.filter(ip_address=address, failures_since_start__gt=0)
        cool_off = get_cool_off(request)
        if cool_off:
            recent = recent.filter(attempt_time__gte=timezone.now() - cool_off)
        accounts = recent.values("username").distinct().count()
        return accounts >= settings.AXES_ACCOUNTS_PER_ADDRESS


def lockout(request, original_response=None, credentials=None):
    """The lockout page (``AXES_LOCKOUT_CALLABLE``): the same German words whoever tried,
    ``429`` with ``Retry-After``. It names neither the account nor whether it exists."""
    cool_off = get_cool_off(request)
    minutes = max(1, round(cool_off.total_seconds() / 60)) if cool_off else None
    response = render(
        request,
        "accounts/lockout.html",
        {"failure_limit": get_failure_limit(request, credentials), "minutes": minutes},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    response["Cache-Control"] = "no-store"
    return response


def restriction_credentials(kind, restriction_id):
    return {"username": f"{kind} {restriction_id}"}


def throttled(view, kind, restriction_arg):
    """``view``, a Wagtail password view, with each wrong password counted and the form
    refused (the lockout page) while this restriction is locked for the visitor."""

    def wrapper(request, **kwargs):
        if request.method != "POST":
            return view(request, **kwargs)
        credentials = restriction_credentials(kind, kwargs[restriction_arg])
        if AxesProxyHandler.is_locked(request, credentials):
            return get_lockout_response(request, None, credentials)
        response = view(request, **kwargs)
        if response.status_code == 302:  # the right password: Wagtail redirects on
            AxesProxyHandler.get_implementation().reset_attempts(
                ip_address=request.axes_ip_address, username=credentials["username"]
            )
        else:
            user_login_failed.send(sender=__name__, credentials=credentials, request=request)
            if getattr(request, "axes_locked_out", False):
                return get_lockout_response(request, response, credentials)
        return response

    wrapper.__name__ = view.__name__
    return wrapper


page_password = throttled(
    page_views.authenticate_with_password, "Seitenpasswort", "page_view_restriction_id"
)
collection_password = throttled(
    document_views.authenticate_with_password, "Sammlungspasswort", "restriction_id"
)
