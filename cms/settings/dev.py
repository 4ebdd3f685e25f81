"""Local development: the embedded defaults (SQLite, local media, local-memory cache)."""

import secrets
from pathlib import Path

from .base import *  # noqa: F403
from .base import BASE_DIR, SECRET_KEY, STORAGES, env

# Every link works out of the box on `manage.py runserver`.
SITE_BASE_URL = env.str("SITE_BASE_URL", default="http://localhost:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default=SITE_BASE_URL)
WAGTAILAPI_BASE_URL = env.str("WAGTAILAPI_BASE_URL", default=SITE_BASE_URL)

DEBUG = env.bool("DEBUG", default=True)
# Without SECRET_KEY, a random key made once for this checkout (DEV_SECRET_KEY_FILE, kept out of
# git): sessions survive restarts, but nobody can forge preview tokens or sessions with a key
# that is public (a fixed fallback key in the code would be, on a dev server exposed by mistake).
DEV_SECRET_KEY_FILE = Path(
    env.str("DEV_SECRET_KEY_FILE", default=str(BASE_DIR / ".dev-secret-key"))
)
if not SECRET_KEY:
    try:
        SECRET_KEY = DEV_SECRET_KEY_FILE.read_text().strip()
    except FileNotFoundError:
        SECRET_KEY = ""
    if len(SECRET_KEY) < 50:
        SECRET_KEY = secrets.token_urlsafe(50)
        DEV_SECRET_KEY_FILE.write_text(SECRET_KEY + "\n")
        DEV_SECRET_KEY_FILE.chmod(0o600)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])

# Runserver serves static files itself; the manifest storage would need collectstatic first.
STORAGES = {
    "default": STORAGES["default"],  # local files, or S3 when AWS_STORAGE_BUCKET_NAME is set
    "documents": STORAGES["documents"],  # private: outside MEDIA_ROOT, or the private prefix
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Webhook receivers on this machine (a local frontend, the tests' receivers) are allowed here.
WEBHOOKS_ALLOW_PRIVATE_TARGETS = env.bool("WEBHOOKS_ALLOW_PRIVATE_TARGETS", default=True)

# Static files come from the app directories here (no collectstatic): WhiteNoise finds them
# there and notices changes without a restart.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
