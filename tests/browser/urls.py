"""The project's URLs (and its error handler) plus paths that fail, so the browser tests see
the 500 and 503 pages exactly as the server sends them: headers (the CSP) included."""

from django.db import DatabaseError, OperationalError
from django.urls import path

import cms.urls

ERROR_PAGES = {"500": "/_test/fehler/", "503": "/_test/nicht-erreichbar/"}


def broken(request):
    raise DatabaseError("a broken query")


def database_down(request):
    raise OperationalError("connection refused")


urlpatterns = [
    path(ERROR_PAGES["500"].strip("/") + "/", broken),
    path(ERROR_PAGES["503"].strip("/") + "/", database_down),
    *cms.urls.urlpatterns,
]
handler500 = cms.urls.handler500
