"""Bench-only URLs: the production URLs plus a trivial JSON view (the ceiling)."""

from django.http import HttpResponse
from django.urls import path

from cms.urls import urlpatterns as production_urlpatterns

_payloads = {}


def ceiling(request, size):
    """A constant JSON document of ``size`` bytes: what the server costs without any work."""
    if size not in _payloads:
        _payloads[size] = ('{"padding":"' + "x" * max(size - 14, 0) + '"}').encode()
    return HttpResponse(_payloads[size], content_type="application/json")


urlpatterns = [path("bench/ceiling/<int:size>/", ceiling), *production_urlpatterns]
