"""Throttling of every password form, with django-axes.

The admin login and the front-end login go through ``django.contrib.auth.authenticate``,
which axes watches (its backend refuses while locked out, its signal handlers count failures).
The passwords of protected pages and collections are not user logins, so their views are
wrapped here: each restriction counts as an account of its own ("Seitenpasswort 12",
"Sammlungspasswort 3") in the same failure records, with the same limit, cool-off, lockout
page and admin view to lift a lockout (Einstellungen → Gesperrte Anmeldungen).
"""

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off, get_failure_limit, get_lockout_response
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import render
from wagtail import views as page_views
from wagtail.documents.views import serve as document_views


def client_ip(request):
    """The visitor's address (``AXES_CLIENT_IP_CALLABLE``): ``REMOTE_ADDR``, or behind
    ``TRUSTED_PROXY_COUNT`` proxies that each append to ``X-Forwarded-For``, the address the
    outermost of them saw. What a client wrote into the header itself is never used."""
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [address for address in forwarded if address]
    if count and len(forwarded) >= count:
        return forwarded[-count]
    return request.META.get("REMOTE_ADDR", "")


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
