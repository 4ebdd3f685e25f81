from django.urls import path

from . import health

urlpatterns = [
    path("live/", health.liveness, name="health_live"),
    path("ready/", health.ReadinessView.as_view(), name="health_ready"),
]
