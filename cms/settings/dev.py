"""Local development: the embedded defaults (SQLite, local media, local-memory cache)."""

from .base import *  # noqa: F403
from .base import SECRET_KEY, STORAGES, env

# Every link works out of the box on `manage.py runserver`.
SITE_BASE_URL = env.str("SITE_BASE_URL", default="http://localhost:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default=SITE_BASE_URL)
WAGTAILAPI_BASE_URL = env.str("WAGTAILAPI_BASE_URL", default=SITE_BASE_URL)

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])

# Runserver serves static files itself; the manifest storage would need collectstatic first.
STORAGES = {
    "default": STORAGES["default"],  # local files, or S3 when AWS_STORAGE_BUCKET_NAME is set
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Static files come from the app directories here (no collectstatic), so WhiteNoise is not used.
MIDDLEWARE = [m for m in MIDDLEWARE if m != "whitenoise.middleware.WhiteNoiseMiddleware"]  # noqa: F405
