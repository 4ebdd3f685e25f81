"""Test settings: fast and isolated. DATABASE_URL still switches to PostgreSQL."""

import tempfile

from .base import *  # noqa: F403
from .base import env

SECRET_KEY = "test-only-insecure-key"
ALLOWED_HOSTS = ["*"]
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = env.path("MEDIA_ROOT", default=tempfile.mkdtemp(prefix="cms-test-media-"))
PRIVATE_MEDIA_ROOT = env.path(
    "PRIVATE_MEDIA_ROOT", default=tempfile.mkdtemp(prefix="cms-test-private-media-")
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "documents": {
        "BACKEND": "documents.storage.PrivateFileSystemStorage",
        # A plain str: Wagtail queues the file deletion with the storage's arguments, which the
        # database task queue must store as JSON (environ.Path is not).
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT)},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
    "shared": DATABASE_SHARED_CACHE,  # noqa: F405
}
RATELIMIT_USE_CACHE = RESPONSE_CACHE_VERSIONS = "shared"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The test client's host: the default Site follows it (home/site.py), like every absolute URL.
SITE_BASE_URL = "http://testserver"
WAGTAILADMIN_BASE_URL = SITE_BASE_URL

# Static files come from the app directories here (no collectstatic): WhiteNoise finds them
# there and notices changes without a restart.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
WAGTAILAPI_BASE_URL = SITE_BASE_URL
# No search rate limit while the suite searches from one address; its tests switch it on.
SEARCH_RATE_LIMIT = ""
# The readiness details for the tests that send it (tests/ops/health.py: PROBE).
HEALTH_PROBE_TOKEN = "test-probe-token"
# Webhook receivers on this machine (a local frontend, the tests' receivers) are allowed here.
WEBHOOKS_ALLOW_PRIVATE_TARGETS = env.bool("WEBHOOKS_ALLOW_PRIVATE_TARGETS", default=True)
