"""Settings shared by every environment.

Everything that differs between machines is read from the environment here, in one place,
through django-environ. This module is safe for production on its own: DEBUG is off and
nothing insecure is defaulted. ``dev`` and ``test`` only relax it; ``production`` adds the
checks that refuse to start without a real configuration.
"""

from pathlib import Path

import environ

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

env = environ.Env()

SECRET_KEY = env.str("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Project apps first so that their templates override Wagtail's where they share a name.
    "delivery",
    "home",
    "topics",
    "people",
    "documents",
    "search",
    "preview",
    "webhooks",
    "demo",
    "wagtail.api.v2",
    "wagtail.api.v3",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "home.context_processors.chrome",
            ],
        },
    },
]

# No configuration means an SQLite file next to manage.py; DATABASE_URL switches to
# PostgreSQL, e.g. postgres://user:password@host:5432/name (psycopg 3).
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Local memory unless REDIS_URL is set, so that several app processes share one cache.
if env.str("REDIS_URL", default=""):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env.str("REDIS_URL"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# German first: the site, the admin and all editorial text are German.
LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch"), ("en", "English")]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "static")
STATIC_URL = "/static/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = env.str("MEDIA_URL", default="/media/")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Complex page models can exceed Django's default of 1000 fields in the page editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# One handler, on the root logger. Django's own "django" logger (console with DEBUG on) is emptied
# and propagates, so each record is printed once; "django.server" (runserver's request lines)
# keeps its own handler and format.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
    "loggers": {"django": {"handlers": [], "propagate": True}},
}

# The site's public address, e.g. https://www.paritaet-nrw.org: one setting for every absolute
# URL. The default Site record follows it after every `migrate` and `load_demo_content`
# (home/site.py), so canonical and OpenGraph URLs, the sitemap and the v2 API's html_url use it;
# the API's absolute URLs (WAGTAILAPI_BASE_URL) and the admin's e-mail links
# (WAGTAILADMIN_BASE_URL) default to it. Empty here (production names it); dev defaults to the
# runserver address.
SITE_BASE_URL = env.str("SITE_BASE_URL", default="").rstrip("/")

# Wagtail
WAGTAIL_SITE_NAME = "Der Paritätische NRW"
WAGTAILADMIN_BASE_URL = env.str(
    "WAGTAILADMIN_BASE_URL", default=SITE_BASE_URL or "http://localhost:8000"
)
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = [("de", "Deutsch")]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch"), ("en", "English")]
WAGTAILDOCS_DOCUMENT_MODEL = "documents.Publication"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods", "pptx", "odp", "txt", "csv", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env.int("WAGTAILDOCS_MAX_UPLOAD_SIZE", default=50 * 1024 * 1024)
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
# Site search (search/): Wagtail's database backend. On PostgreSQL it uses full-text search with
# the German configuration (Snowball stemming: "Geflüchtete" finds "geflüchteten"); on SQLite it
# falls back to FTS5 without stemming. Changing SEARCH_CONFIG needs `manage.py update_index`.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": env.str("SEARCH_CONFIG", default="german"),
    }
}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Delivery API (v2 and v3) ------------------------------------------------------------------
INSTALLED_APPS += ["corsheaders"]
# CORS before CommonMiddleware (django-cors-headers' rule). The delivery cache answers hits
# below the security, CORS and clickjacking middleware (so hits carry their headers) and above
# the views; ETags and 304 answers for what it does not cache come from Django's
# ConditionalGetMiddleware above it (which leaves the private, no-store responses alone). Above
# both, API redirects (find/) get a clean, absolute Location, cache hits included.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.common.CommonMiddleware"),
    "corsheaders.middleware.CorsMiddleware",
)
MIDDLEWARE[MIDDLEWARE.index("django.middleware.clickjacking.XFrameOptionsMiddleware") + 1 : 0] = [
    "delivery.middleware.clean_api_redirects",
    "django.middleware.http.ConditionalGetMiddleware",
    "delivery.middleware.DeliveryCacheMiddleware",
]
# The delivery cache (delivery/cache.py): which of CACHES holds it, and how long an entry may
# live at most (a change invalidates it at once anyway).
DELIVERY_CACHE = "default"
DELIVERY_CACHE_TIMEOUT = env.int("DELIVERY_CACHE_TIMEOUT", default=24 * 3600)
# Rendered pages may be cached by browsers and CDNs for this many seconds.
HTML_CACHE_MAX_AGE = env.int("HTML_CACHE_MAX_AGE", default=60)
# CDN purge (Wagtail's frontend cache backends): every change purges its affected HTML and API
# URLs (built on WAGTAILAPI_BASE_URL) from whichever of these is configured.
WAGTAILFRONTENDCACHE = {}
if env.str("FRONTEND_CACHE_PURGE_URL", default=""):  # Varnish or any cache taking HTTP PURGE
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env.str("FRONTEND_CACHE_PURGE_URL"),
    }
if env.str("CLOUDFLARE_ZONE_ID", default=""):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": env.str("CLOUDFLARE_ZONE_ID"),
        "BEARER_TOKEN": env.str("CLOUDFLARE_API_TOKEN", default=""),
    }
if env.str("CLOUDFRONT_DISTRIBUTION_ID", default=""):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env.str("CLOUDFRONT_DISTRIBUTION_ID"),
    }
# Frontends on these origins may call the API from the browser, e.g.
# CORS_ALLOWED_ORIGINS=https://www.paritaet-nrw.org,https://app.paritaet-nrw.org
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
CORS_URLS_REGEX = r"^/api/.*$"
CORS_EXPOSE_HEADERS = ["ETag"]
# Public API responses may be cached by browsers and CDNs for this many seconds.
API_CACHE_MAX_AGE = env.int("API_CACHE_MAX_AGE", default=60)
# Absolute URLs in API output (renditions, downloads, redirects of find/) start with this public
# base URL; it defaults to SITE_BASE_URL and is set apart only for an API behind another host.
WAGTAILAPI_BASE_URL = env.str("WAGTAILAPI_BASE_URL", default=SITE_BASE_URL or None)
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_RICH_TEXT_FORMAT = "html"

# Frontend preview (preview app): the admin's "Frontend" preview mode sends editors to this URL
# with a signed token that reads the unsaved page for FRONTEND_PREVIEW_MAX_AGE seconds.
FRONTEND_PREVIEW_URL = env.str("FRONTEND_PREVIEW_URL", default="")
FRONTEND_PREVIEW_MAX_AGE = env.int("FRONTEND_PREVIEW_MAX_AGE", default=600)

# Publications (documents app): the admin's document forms run the upload checks of
# documents/validators.py. Documents are always delivered through Wagtail's serve view, which
# checks collection privacy, never through a direct (bucket) URL.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "documents.forms.PublicationForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Object storage: with AWS_STORAGE_BUCKET_NAME set, images and documents are stored in an
# S3-compatible bucket through django-storages; without it they stay in MEDIA_ROOT. The bucket
# stays private: no public ACL is set and every storage URL is signed and expires. Documents
# never use those URLs anyway (WAGTAILDOCS_SERVE_METHOD above). Credentials come from
# AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or boto3's usual chain (e.g. an instance role).
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ACCESS_KEY_ID = env.str("AWS_ACCESS_KEY_ID", default=None)
    AWS_S3_SECRET_ACCESS_KEY = env.str("AWS_SECRET_ACCESS_KEY", default=None)
    AWS_S3_ENDPOINT_URL = env.str("AWS_S3_ENDPOINT_URL", default=None)
    AWS_S3_REGION_NAME = env.str("AWS_S3_REGION_NAME", default=None)
    AWS_LOCATION = env.str("AWS_LOCATION", default="")
    AWS_DEFAULT_ACL = env.str("AWS_DEFAULT_ACL", default=None)
    AWS_QUERYSTRING_AUTH = True
    AWS_QUERYSTRING_EXPIRE = env.int("AWS_QUERYSTRING_EXPIRE", default=3600)
    AWS_S3_FILE_OVERWRITE = False

# Background tasks (Django's tasks framework through django-tasks, which Wagtail uses too): run
# inline by default. TASKS_BACKEND=database queues them in the database (django-tasks-db), and
# `manage.py db_worker` runs them, so slow work such as reading a large PDF leaves the request.
INSTALLED_APPS += ["django_tasks_db"]
if env.str("TASKS_BACKEND", default="immediate") == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Change webhooks (webhooks app): every content change is POSTed, signed, to the endpoints
# registered under Einstellungen → Webhooks. A failed delivery is tried WEBHOOK_MAX_ATTEMPTS
# times in all, waiting WEBHOOK_RETRY_BASE_SECONDS after the first failure and twice as long
# after each further one. Retries (and deliveries whose task was lost) are sent by
# `manage.py sweep_webhooks`, run from cron or as a process with --interval.
WEBHOOK_MAX_ATTEMPTS = env.int("WEBHOOK_MAX_ATTEMPTS", default=6)
WEBHOOK_RETRY_BASE_SECONDS = env.int("WEBHOOK_RETRY_BASE_SECONDS", default=60)
