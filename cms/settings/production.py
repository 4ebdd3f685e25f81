"""Production: refuses to start without a real SECRET_KEY, ALLOWED_HOSTS and SITE_BASE_URL.

Run behind a TLS-terminating load balancer that sets X-Forwarded-Proto.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, SECRET_KEY, SITE_BASE_URL, env

DEBUG = False

if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure") or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 50 characters in production."
    )
if not ALLOWED_HOSTS or "*" in ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS must list the site's host names in production (comma-separated)."
    )
# Every absolute URL (canonical and OpenGraph, sitemap, the API's URLs, links in e-mails) and
# the default Site record follow it; without it they would name another host or none.
_site = urlsplit(SITE_BASE_URL)
if _site.scheme not in ("http", "https") or not _site.hostname:
    raise ImproperlyConfigured(
        "SITE_BASE_URL must be set to the site's public address in production, as an http(s) "
        f"URL such as https://www.paritaet-nrw.org (got {SITE_BASE_URL!r})."
    )

# The Procfile runs a worker: uploaded PDFs are read there (in a limited child process), never
# in the editor's request. TASKS_BACKEND=immediate runs tasks inline again.
if env.str("TASKS_BACKEND", default="database") == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
# Load balancers and orchestrators probe the health endpoints over plain HTTP on the app's port.
SECURE_REDIRECT_EXEMPT = [r"^health/"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Wagtail's live preview renders the page in a same-origin iframe, so frames from the site itself
# must stay allowed; DENY (what security.W019 asks for) would break the editors' preview.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
