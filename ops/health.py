"""Health endpoints for load balancers and orchestrators (django-health-check).

- ``/health/live/``: liveness, the process answers. No service is asked, so a database outage
  never makes an orchestrator kill every app process at once.
- ``/health/ready/``: readiness, the database answers, the cache answers, both file storages
  (public media and the documents' private storage) are reachable, and every migration is
  applied. ``200`` when all pass, else ``503``. Only the configured probe
  (``HEALTH_PROBE_TOKEN``) is told which check failed (``?format=json`` or
  ``Accept: application/json`` gives it one line per check); anyone else gets the status code
  with "ok" or "nicht bereit".

Neither is cached (``Cache-Control: no-store``; the response cache stores only tagged
responses) and a failing readiness answer is not logged as a server error: the failed check is
logged once as a warning by the library.
"""

import dataclasses
import hmac
import os
from pathlib import Path

from asgiref.sync import sync_to_async
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.core.cache import caches
from django.core.files.storage import FileSystemStorage, InvalidStorageError, storages
from django.db import connections
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET
from health_check.base import HealthCheck
from health_check.checks import Cache as LibraryCache
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView
from storages.backends.s3 import S3Storage


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


# The storage probe's own S3 client waits at most this long, and tries once: a store that hangs
# fails the probe within the library's 5 s budget instead of holding the readiness answer.
S3_PROBE_CONFIG = Config(
    connect_timeout=1, read_timeout=2, retries={"mode": "standard", "total_max_attempts": 1}
)


def _s3_probe_client(alias, storage):
    """A client with the storage's endpoint and credentials and the probe's short waits (made
    once per storage object; boto3 clients are thread-safe): the client of a second storage
    built from the same options, its ``client_config`` merged with the probe's."""
    client = getattr(storage, "_health_probe_client", None)
    if client is None:
        options = settings.STORAGES[alias].get("OPTIONS", {})
        probe = type(storage)(
            **{**options, "client_config": storage.client_config.merge(S3_PROBE_CONFIG)}
        )
        client = probe.connection.meta.client
        storage._health_probe_client = client
    return client


@dataclasses.dataclass
class Storage(HealthCheck):
    """The storage is reachable, asked read-only (the library's check writes, reads and deletes
    a file on every probe, which churns the bucket):

    - S3 (django-storages): a HEAD on the bucket, which fails when the store is away, the
      bucket is missing or the credentials are refused;
    - local files: the folder exists (or can be made in its nearest existing parent) and is
      writable, by ``os.access``;
    - any other backend: ``exists()`` of a name nobody writes.
    """

    alias: str = "default"

    def run(self):
        try:
            storage = storages[self.alias]
        except InvalidStorageError as error:
            raise ServiceUnavailable("Storage alias does not exist") from error
        if isinstance(storage, S3Storage):
            self._probe_s3(self.alias, storage)
        elif isinstance(storage, FileSystemStorage):
            self._probe_folder(Path(storage.location))
        else:
            try:
                storage.exists("health-check-probe")
            except Exception as error:
                raise ServiceUnavailable(f"Storage unreachable: {type(error).__name__}") from error

    @staticmethod
    def _probe_s3(alias, storage):
        try:
            _s3_probe_client(alias, storage).head_bucket(Bucket=storage.bucket_name)
        except ClientError as error:
            status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
            raise ServiceUnavailable(f"Storage answered {status} for its bucket") from error
        except BotoCoreError as error:
            raise ServiceUnavailable(f"Storage unreachable: {type(error).__name__}") from error

    @staticmethod
    def _probe_folder(folder):
        # Django makes a missing media folder on the first save: then its parent must take it.
        existing = folder
        while not existing.exists() and existing != existing.parent:
            existing = existing.parent
        if not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK):
            raise ServiceUnavailable("Storage folder missing or not writable")


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
        ("ops.health.Storage", {"alias": "default"}),
        ("ops.health.Storage", {"alias": "documents"}),
        "ops.health.Migrations",
    )

    # Borrowed: see cms/borrowed.py (django log_response: _has_been_logged)
    async def get(self, request, *args, **kwargs):
        response = await super().get(request, *args, **kwargs)
        if response.status_code == 500:
            # Not ready is an answer, not a server error: 503 for the load balancer, and no
            # "Internal Server Error" in Django's request log.
            response.status_code = 503
        if not probe_may_see_details(request):
            status = response.status_code
            response = HttpResponse(
                "ok\n" if status == 200 else "nicht bereit\n",
                status=status,
                content_type="text/plain; charset=utf-8",
            )
            add_never_cache_headers(response)
        response._has_been_logged = True
        return response


def probe_may_see_details(request):
    """Whether the caller is the configured probe (``HEALTH_PROBE_TOKEN`` in the
    ``X-Health-Probe-Token`` header): only it learns which service failed and how."""
    token = settings.HEALTH_PROBE_TOKEN
    sent = request.headers.get("X-Health-Probe-Token", "")
    return bool(token) and hmac.compare_digest(sent.encode(), token.encode())


@require_GET
def liveness(request):
    response = HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
    add_never_cache_headers(response)
    return response
