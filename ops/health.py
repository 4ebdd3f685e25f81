"""Health endpoints for load balancers and orchestrators (django-health-check).

- ``/health/live/``: liveness, the process answers. No service is asked, so a database outage
  never makes an orchestrator kill every app process at once.
- ``/health/ready/``: readiness, the database answers, the cache answers, the media storage
  takes a file, and every migration is applied. ``200`` when all pass, else ``503`` naming the
  failed check; ``?format=json`` (or ``Accept: application/json``) gives one line per check.

Neither is cached (``Cache-Control: no-store``; the delivery cache stores only tagged
responses) and a failing readiness answer is not logged as a server error: the failed check is
logged once as a warning by the library.
"""

import dataclasses

from asgiref.sync import sync_to_async
from django.core.cache import caches
from django.db import connections
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET
from health_check.base import HealthCheck
from health_check.checks import Cache as LibraryCache
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView


@dataclasses.dataclass
class Cache(LibraryCache):
    """The library's set-and-get probe, but asking Redis itself: our cache backend
    (ops.cache) hides Redis errors from every other caller."""

    async def run(self):
        cache = caches[self.alias]
        if not hasattr(cache, "ping"):
            return await super().run()
        try:
            await sync_to_async(cache.ping)()
        except Exception as error:
            raise ServiceUnavailable(f"Cache unreachable: {type(error).__name__}") from error


@dataclasses.dataclass
class Migrations(HealthCheck):
    """Every migration on disk is applied (an instance started before ``migrate`` ran is
    not ready). Once true it stays true for the process, so the probe stays cheap."""

    alias: str = "default"
    _applied = set()

    def run(self):
        if self.alias in Migrations._applied:
            return
        connection = connections[self.alias]
        try:
            executor = MigrationExecutor(connection)
            plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        finally:
            connection.close()  # this check's own connection, in the executor's thread
        if plan:
            raise ServiceUnavailable(f"{len(plan)} migration(s) not applied")
        Migrations._applied.add(self.alias)


class ReadinessView(HealthCheckView):
    checks = (
        "health_check.checks.Database",
        "ops.health.Cache",
        "health_check.checks.Storage",
        "ops.health.Migrations",
    )

    async def get(self, request, *args, **kwargs):
        response = await super().get(request, *args, **kwargs)
        if response.status_code == 500:
            # Not ready is an answer, not a server error: 503 for the load balancer, and no
            # "Internal Server Error" in Django's request log.
            response.status_code = 503
        response._has_been_logged = True
        return response


@require_GET
def liveness(request):
    response = HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
    add_never_cache_headers(response)
    return response
