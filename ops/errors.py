"""Server errors, as readers and frontends should see them.

Django calls ``handler500`` (cms/urls.py) for every uncaught exception. When the database does
not answer (a PostgreSQL restart, a failover) the answer is ``503`` with ``Retry-After``: the
German "vorübergehend nicht erreichbar" page, or for the API an ``application/problem+json``
body; any other error stays a ``500`` (the German error page, or problem+json for the API).
Neither touches the database, the session or a template context (the pages' templates,
``500.html`` and ``503.html`` on the base ``error_page.html``, live with the site's look in
``home``). The connection that failed is dropped by Django at the end of the request, and the
next request opens a new one (``CONN_HEALTH_CHECKS``), so the processes recover without a
restart.
"""

import sys

from django import db
from django.http import HttpResponse, JsonResponse
from django.template import loader

RETRY_AFTER = "10"
DATABASE_DOWN = (db.OperationalError, db.InterfaceError)


def problem(status, title, detail):
    response = JsonResponse(
        {"type": "about:blank", "title": title, "status": status, "detail": detail},
        status=status,
        content_type="application/problem+json",
        json_dumps_params={"ensure_ascii": False},
    )
    return response


def server_error(request, *args, **kwargs):
    error = sys.exc_info()[1]
    unavailable = isinstance(error, DATABASE_DOWN)
    api = request.path.startswith("/api/")
    if unavailable and api:
        response = problem(
            503,
            "Service Unavailable",
            "Der Dienst ist vorübergehend nicht erreichbar. Bitte in Kürze erneut versuchen.",
        )
    elif unavailable:
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
    elif api:
        response = problem(500, "Internal Server Error", "Ein technischer Fehler ist aufgetreten.")
    else:
        response = HttpResponse(loader.get_template("500.html").render(), status=500)
    if unavailable:
        response["Retry-After"] = RETRY_AFTER
    response["Cache-Control"] = "no-store"
    return response
