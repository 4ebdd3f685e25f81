"""Settings shared by every environment.

Everything that differs between machines is read from the environment here, in one place,
through django-environ. This module is safe for production on its own: DEBUG is off and
nothing insecure is defaulted. ``dev`` and ``test`` only relax it; ``production`` adds the
checks that refuse to start without a real configuration.
"""

import ipaddress
from datetime import timedelta
from pathlib import Path

import environ
from botocore.config import Config
from django.core.exceptions import ImproperlyConfigured

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

env = environ.Env()

SECRET_KEY = env.str("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# The one list of apps, in its final order: no settings module adds to it, removes from it or
# reorders it (tests/cms/test_settings_lists.py). Order matters to Django in three ways: the
# first app with a template of a given name wins, the first app with a management command of a
# given name wins, and the apps' ready() run in this order.
INSTALLED_APPS = [
    # -- The project's apps: first, so that their templates and commands override Wagtail's and
    # Django's of the same name; in layers (pyproject.toml), the core first.
    # First of all: its ready() registers the v3 page schemas, which must happen before any
    # other app's ready() imports Wagtail's v3 pages router (api/fields.py).
    "api",
    "content",  # the content core: values, visibility, resolution, rich text
    "blocks",  # the shared StreamField vocabulary
    "changes",  # the change pipeline; the apps below register what affects what
    # Periodic jobs, registered by the apps below; its runserver (with the scheduler) comes
    # before django.contrib.staticfiles' runserver.
    "jobs",
    "organisation",  # Fachbereich, which governance, people, topics and home point at
    "easyread",  # Leichte Sprache: glossary, page metadata, rule checks (below home and topics)
    "home",
    "topics",
    "people",
    "documents",  # before wagtail.documents: its admin upload URLs win (documents/wagtail_hooks.py)
    # After the content apps: its ready() reads the types of result they registered
    # (content/searchables.py) and closes the registry.
    "search",
    "preview",
    "webhooks",
    "governance",
    # Before wagtail.images: its hooks' admin upload URLs (with the store's error message) are
    # registered before Wagtail's own of the same path (ops/wagtail_hooks.py).
    "ops",
    "accounts",
    "demo",
    # -- Wagtail's API: v2 (DRF) and v3 (Django Ninja); the project's endpoints mount on both.
    "wagtail.api.v2",
    "wagtail.api.v3",
    # Django Ninja's own static files: the v3 API docs (Swagger UI) load from the site, not a CDN.
    "ninja",
    # -- Wagtail: contrib apps before the core apps they extend, as Wagtail's project template.
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    # Translations: the admin's locale list and "Übersetzen" (a page or subtree copied into
    # another locale as a draft); WAGTAIL_I18N_ENABLED below.
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "api.snippets.SnippetsConfig",  # wagtail.snippets without its v3 API router (api/snippets.py)
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # No "rest_framework": Wagtail's v2 API then offers JSON only, not DRF's browsable HTML
    # API (which a browser's Accept would get, and which the response cache would have to keep
    # apart); a client that accepts only HTML gets 406.
    # -- Django's own apps.
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # -- Libraries whose order does not matter (no templates or commands the above override).
    "health_check",  # /health/live/ and /health/ready/ (ops/health.py)
    "axes",  # password throttling (accounts app; see AXES_* below)
    "csp",  # Content-Security-Policy (security/csp.py; see CONTENT_SECURITY_POLICY below)
    "corsheaders",  # CORS for the API (see CORS_* below)
    "django_tasks_db",  # the database task queue (TASKS_BACKEND=database; see TASKS below)
]

# The one list of middleware, in its final order (tests/cms/test_settings_lists.py). A request
# passes it top to bottom, a response bottom to top: a middleware sees the responses of every
# one below it, and one that answers by itself (WhiteNoise, the response cache) skips those
# below it.
MIDDLEWARE = [
    # Outermost: it times and logs everything, the 503 of a database outage included (ops/logs.py).
    "ops.logs.RequestLogMiddleware",
    # X-Forwarded-Proto counts only from TRUSTED_PROXIES (security/proxy.py), before anything
    # asks whether the request is secure (the HTTPS redirect, cookies, CSRF); the log reads no
    # scheme.
    "security.proxy.UntrustedForwardedProtoMiddleware",
    # HSTS, SSL redirect, nosniff, referrer policy on every response, static files included.
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy and Permissions-Policy on every response: above WhiteNoise and the
    # response cache, so static files and cache hits carry them too (security/csp.py).
    "security.csp.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Cross-Origin-Resource-Policy, likewise on every response (security/headers.py).
    "security.headers.CrossOriginResourcePolicyMiddleware",
    # Static files, answered before sessions, auth and the views (WhiteNoise's rule: right after
    # SecurityMiddleware and above everything else that does work). Without collectstatic (dev,
    # test) it finds the files in the apps (WHITENOISE_USE_FINDERS).
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # CORS on every response, cache hits included; before CommonMiddleware, which can answer by
    # itself (APPEND_SLASH), so that such answers get CORS headers too (django-cors-headers'
    # rule); CORS concerns /api/ only (CORS_URLS_REGEX).
    "corsheaders.middleware.CorsMiddleware",
    # X-Frame-Options on every response, cache hits included.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Above the response cache: API redirects (find/) get a clean, absolute Location, cache hits
    # included (api/middleware.py).
    "api.middleware.clean_api_redirects",
    # ETags and 304 answers for what the response cache passes on; it leaves private and
    # no-store responses alone.
    "django.middleware.http.ConditionalGetMiddleware",
    # The response cache (httpcache/middleware.py): above the session, CSRF, authentication and
    # messages middleware, so that a hit or a 304 costs none of their work, and below the
    # security, CORS and clickjacking middleware, so that hits carry their headers.
    "httpcache.middleware.ResponseCacheMiddleware",
    # The language of a site URL is its prefix (/en/…, /ar/…; none: German), nothing else:
    # no cookie, no Accept-Language, so an answer depends on its URL alone (content/locales.py).
    "content.locales.LanguageFromPathMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Wagtail's redirects: a 404 of the views becomes the editors' redirect; below the response
    # cache, like the views.
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A translation of a page whose parent is not translated yet: the form back with a message
    # instead of Wagtail's 500 (content/locales.py); below the messages middleware it uses.
    "content.locales.TranslationErrorsMiddleware",
    # Last, as django-axes asks: it turns a lockout signalled by the views into its answer.
    "axes.middleware.AxesMiddleware",
]

# Static files: from STATIC_ROOT, filled by collectstatic (production). dev and test set both to
# True and serve the apps' files without collectstatic; the middleware stays the same.
WHITENOISE_USE_FINDERS = False
WHITENOISE_AUTOREFRESH = False

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
# A kept connection is checked before a request reuses it: after a PostgreSQL restart the
# processes reconnect by themselves (requests in flight meanwhile get a 503, ops/errors.py).
DATABASES["default"]["CONN_HEALTH_CHECKS"] = env.bool("CONN_HEALTH_CHECKS", default=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# What every process must see alike (the response cache's tag versions, the rate-limit
# counters) is kept in SHARED_CACHE: Redis when REDIS_URL is set, else Django's database cache
# on a table the changes app migrates (changes/models.py), so that a change made by any process
# (a second gunicorn worker, the scheduler, a management command) is seen by all.
DATABASE_SHARED_CACHE = {
    # Django's database cache, writing many keys in one statement (changes/cache.py).
    "BACKEND": "changes.cache.SharedDatabaseCache",
    "LOCATION": "changes_shared_cache",
    # Versions are small; culling would only cost misses, never a stale answer.
    "OPTIONS": {"MAX_ENTRIES": 1_000_000},
}

# Local memory unless REDIS_URL is set, so that several app processes share one cache. The Redis
# backend (ops.cache) logs Redis errors instead of raising them: while Redis is away the site
# answers from the database, and the cache is emptied once Redis is back if a write (an
# invalidation) was lost meanwhile. REDIS_URL's database must hold nothing but this cache.
if env.str("REDIS_URL", default=""):
    CACHES = {
        "default": {
            "BACKEND": "ops.cache.DegradingRedisCache",
            "LOCATION": env.str("REDIS_URL"),
            "OPTIONS": {
                # Seconds a request waits for Redis before answering without it.
                "socket_connect_timeout": env.float("REDIS_TIMEOUT", default=0.5),
                "socket_timeout": env.float("REDIS_TIMEOUT", default=0.5),
            },
        }
    }
    SHARED_CACHE = "default"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
        "shared": DATABASE_SHARED_CACHE,
    }
    SHARED_CACHE = "shared"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. German is the default: the admin, the chrome and the unprefixed site. The site's
# content is in the locales of Wagtail's i18n (one page tree per locale, translations linked by
# translation_key), named by SITE_LANGUAGES (comma-separated, German first), each one of
# SITE_LANGUAGE_INFO: Leichte Sprache is "de-x-ls" (a private-use subtag: Leichte Sprache has
# no registered one, and "de-ls" would mean German as spoken in Lesotho). The table is the
# project's own, not django.conf.locale.LANG_INFO (which knows no de-x-ls and would answer
# with plain German for it): the German name (admin, switcher), the language's own name (the
# switcher) and its writing direction (<html dir>). Django's LANGUAGES and Wagtail's content
# languages follow from it; Locale rows for them are made after every migrate (content/apps.py).
LANGUAGE_CODE = "de"
SITE_LANGUAGE_INFO = {
    # code: (German name, own name, direction)
    "de": ("Deutsch", "Deutsch", "ltr"),
    "de-x-ls": ("Leichte Sprache", "Leichte Sprache", "ltr"),
    "en": ("Englisch", "English", "ltr"),
    "ar": ("Arabisch", "العربية", "rtl"),
    "fa": ("Persisch (Farsi)", "فارسی", "rtl"),
    "uk": ("Ukrainisch", "Українська", "ltr"),
    "ru": ("Russisch", "Русский", "ltr"),
    "tr": ("Türkisch", "Türkçe", "ltr"),
}
SITE_LANGUAGES = [
    code.strip() for code in env.list("SITE_LANGUAGES", default=list(SITE_LANGUAGE_INFO))
]
if not SITE_LANGUAGES or SITE_LANGUAGES[0] != LANGUAGE_CODE:
    raise ImproperlyConfigured(
        f"SITE_LANGUAGES must start with the default language {LANGUAGE_CODE!r} "
        f"(got {','.join(SITE_LANGUAGES)!r})."
    )
for _code in SITE_LANGUAGES:
    if _code not in SITE_LANGUAGE_INFO:
        raise ImproperlyConfigured(
            f"SITE_LANGUAGES: unknown language {_code!r}; known are "
            f"{', '.join(SITE_LANGUAGE_INFO)} (cms/settings/base.py, SITE_LANGUAGE_INFO)."
        )
if len(set(SITE_LANGUAGES)) != len(SITE_LANGUAGES):
    raise ImproperlyConfigured("SITE_LANGUAGES names a language twice.")
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = [(code, SITE_LANGUAGE_INFO[code][0]) for code in SITE_LANGUAGES]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch"), ("en", "English")]
# Django's languages: the content languages and the admin's.
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES + [
    (code, name)
    for code, name in WAGTAILADMIN_PERMITTED_LANGUAGES
    if code not in dict(WAGTAIL_CONTENT_LANGUAGES)
]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "static")
STATIC_URL = "/static/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = env.str("MEDIA_URL", default="/media/")

# Media by who may see it. MEDIA_ROOT holds only public files (images and their renditions),
# served under MEDIA_URL by the app itself (security/media.py) unless SERVE_MEDIA is off because
# a web server or CDN serves the folder. Documents live in PRIVATE_MEDIA_ROOT, outside it: no
# URL reaches them but Wagtail's serve view, which checks the collection's privacy.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "private-media")
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=True)
# Browsers and CDNs may keep a served image this many seconds.
MEDIA_CACHE_MAX_AGE = env.int("MEDIA_CACHE_MAX_AGE", default=7 * 24 * 3600)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "documents": {
        "BACKEND": "documents.storage.PrivateFileSystemStorage",
        # A plain str: Wagtail queues the file deletion with the storage's arguments, which the
        # database task queue must store as JSON (environ.Path is not).
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT)},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Complex page models can exceed Django's default of 1000 fields in the page editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# One handler, on the root logger. Django's own "django" logger (console with DEBUG on) is emptied
# and propagates, so each record is printed once; "django.server" (runserver's request lines)
# keeps its own handler and format.
# LOG_FORMAT=json: every record one JSON line, plus one line per request with its id and duration
# (ops/logs.py); the default "text" logs warnings and errors as plain lines, no request lines.
LOG_FORMAT = env.str("LOG_FORMAT", default="text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "ops.logs.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "ops.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if LOG_FORMAT == "json" else "text",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
    "loggers": {
        "django": {"handlers": [], "propagate": True},
        "ops.requests": {"level": "INFO" if LOG_FORMAT == "json" else "WARNING"},
    },
}

# Password throttling (accounts app, django-axes): the admin login, the front-end login and the
# passwords of protected pages and collections. After AXES_FAILURE_LIMIT wrong passwords for one
# account (or one page/collection) from one address, that form answers with a lockout page
# (429, German, the same for unknown and known users) for AXES_COOLOFF_MINUTES; an
# administrator lifts it earlier under Einstellungen → Gesperrte Anmeldungen. The lock is per
# account *and* address, so nobody locks an account for everyone; an address that fails on
# AXES_ACCOUNTS_PER_ADDRESS different accounts (password spraying) is refused on all of them.
# Behind a proxy, TRUSTED_PROXIES names the proxies' addresses or networks: only from them is
# X-Forwarded-For read (accounts.throttling.client_ip), so the visitor's address is the one
# counted, and a client reaching the app directly cannot choose it by sending the header.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.throttling.lockout"
AXES_HANDLER = "accounts.throttling.AccountAndAddressHandler"
AXES_ACCOUNTS_PER_ADDRESS = env.int("AXES_ACCOUNTS_PER_ADDRESS", default=10)
AXES_ENABLE_ADMIN = False  # lifted in Wagtail's admin (accounts/wagtail_hooks.py)
AXES_VERBOSE = False
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
for _proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError:
        raise ImproperlyConfigured(
            f"TRUSTED_PROXIES: {_proxy!r} is not an IP address or network (e.g. 10.0.0.0/8)"
        ) from None
if "TRUSTED_PROXY_COUNT" in env:
    raise ImproperlyConfigured(
        "TRUSTED_PROXY_COUNT was replaced by TRUSTED_PROXIES: the proxies' addresses or "
        "networks, e.g. TRUSTED_PROXIES=10.0.0.0/8 (see README, Production settings)"
    )
AXES_CLIENT_IP_CALLABLE = "accounts.throttling.client_ip"
# After the front-end login without a "next" page, visitors land on the home page.
LOGIN_REDIRECT_URL = "/"

# Content-Security-Policy (django-csp, security/csp.py) and Permissions-Policy
# (django-permissions-policy), on every response, cache hits included (both sit above the
# response cache). The public site runs no inline script and loads nothing from other hosts
# but the consent embed's player (EMBED_ORIGINS) after the visitor's click, and the images
# from the bucket's public host on S3 (IMAGE_ORIGINS). Wagtail's live preview shows the site in
# a frame of the admin, on the same origin: frame-ancestors 'self'.
EMBED_ORIGINS = env.list(
    "EMBED_ORIGINS",
    default=[
        "https://www.youtube-nocookie.com",
        "https://www.youtube.com",
        "https://player.vimeo.com",
    ],
)
# On S3 the images come from the bucket's public URL: its custom domain (CDN), the endpoint of
# a non-AWS provider, or AWS's S3 hosts.
if env.str("AWS_S3_CUSTOM_DOMAIN", default=""):
    _image_origins = [f"https://{env.str('AWS_S3_CUSTOM_DOMAIN')}"]
elif env.str("AWS_S3_ENDPOINT_URL", default=""):
    _image_origins = [env.str("AWS_S3_ENDPOINT_URL").rstrip("/")]
elif env.str("AWS_STORAGE_BUCKET_NAME", default=""):
    _image_origins = ["https://*.amazonaws.com"]
else:
    _image_origins = []
IMAGE_ORIGINS = env.list("IMAGE_ORIGINS", default=_image_origins)
_STRICT = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", *IMAGE_ORIGINS],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'", *EMBED_ORIGINS],
    "media-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
CONTENT_SECURITY_POLICY = {"DIRECTIVES": _STRICT}
CONTENT_SECURITY_POLICY_BY_PATH = {
    # Swagger UI (served from the app's static files) sets styles from its script.
    "/api/v3/docs/": {**_STRICT, "style-src": ["'self'", "'unsafe-inline'"]},
    # Wagtail's admin: its own scripts, and the inline styles and scripts it still needs.
    "/admin/": {
        **_STRICT,
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", *IMAGE_ORIGINS],
        "connect-src": ["'self'"],
        "base-uri": ["'self'"],
    },
}
_EMBED_PLAYERS = ["self", *EMBED_ORIGINS]
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": _EMBED_PLAYERS,
    "browsing-topics": [],
    "camera": [],
    "encrypted-media": _EMBED_PLAYERS,
    "fullscreen": _EMBED_PLAYERS,
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "picture-in-picture": _EMBED_PLAYERS,
    "usb": [],
}

# The site's public address, e.g. https://www.paritaet-nrw.org: one setting for every absolute
# URL. The default Site record follows it after every `migrate` and `load_demo_content`
# (home/site.py), so canonical and OpenGraph URLs, the sitemap and the v2 API's html_url use it;
# the API's absolute URLs (WAGTAILAPI_BASE_URL) and the admin's e-mail links
# (WAGTAILADMIN_BASE_URL) default to it. Empty here (production names it); dev defaults to the
# runserver address.
SITE_BASE_URL = env.str("SITE_BASE_URL", default="").rstrip("/")

# Wagtail
# Anonymous searches (search page and search API) per visitor address and window, counted in
# the shared cache by django-ratelimit; more answer 429 with Retry-After. Empty: no limit.
SEARCH_RATE_LIMIT = env.str("SEARCH_RATE_LIMIT", default="60/m")

# /health/ready/ tells which check failed only to a caller that sends this secret in the
# X-Health-Probe-Token header (the orchestrator's probe); anyone else gets the status code and
# "ok" or "nicht bereit" alone. Empty (the default): details to nobody.
HEALTH_PROBE_TOKEN = env.str("HEALTH_PROBE_TOKEN", default="")
RATELIMIT_USE_CACHE = SHARED_CACHE  # counted together by every process
# A limiter whose store does not answer lets the request through (and logs, search/limits.py).
RATELIMIT_FAIL_OPEN = True
RATELIMIT_IP_META_KEY = "accounts.throttling.client_ip"  # honours TRUSTED_PROXIES

WAGTAIL_SITE_NAME = "Der Paritätische NRW"
WAGTAILADMIN_BASE_URL = env.str(
    "WAGTAILADMIN_BASE_URL", default=SITE_BASE_URL or "http://localhost:8000"
)
WAGTAILDOCS_DOCUMENT_MODEL = "documents.Publication"
# mp4 and webm: videos in German Sign Language (the DGS video block, blocks/shared.py).
WAGTAILDOCS_EXTENSIONS = [
    *("pdf", "docx", "odt", "xlsx", "ods", "pptx", "odp", "txt", "csv", "zip", "mp4", "webm"),
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env.int("WAGTAILDOCS_MAX_UPLOAD_SIZE", default=50 * 1024 * 1024)
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
# Images are public files: their forms do not offer collections with a view restriction
# (which protect documents only) and say so (security/images.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "security.images.PublicImageForm"
# Site search (search/): Wagtail's database backend with the project's query side
# (search/backends/). On PostgreSQL full-text search in the SEARCH_CONFIG configuration (Snowball
# stemming: "Geflüchtete" finds "geflüchteten"), phrases and exclusions via websearch_to_tsquery,
# bounded ranking; on SQLite FTS5 over text stemmed with the same Snowball algorithm.
# Changing SEARCH_CONFIG needs `manage.py update_index`.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backends",
        "SEARCH_CONFIG": env.str("SEARCH_CONFIG", default="german"),
    }
}
# Each language's text search configuration (search/languages.py): its pages and glossary terms
# are indexed and searched in it; everything without a language in the default language's.
# "simple" (no stemming) where PostgreSQL has none (Persian, Ukrainian); a configuration the
# database lacks falls back to "simple" with a warning. On SQLite the same name chooses the
# Snowball stemmer. E.g. SEARCH_LANGUAGE_CONFIGS="en=english,uk=simple" overrides these.
# Changing one needs `manage.py update_index`.
SEARCH_LANGUAGE_CONFIGS = {
    "de": WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"],
    "de-x-ls": WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"],
    "en": "english",
    "ar": "arabic",
    "fa": "simple",
    "uk": "simple",
    "ru": "russian",
    "tr": "turkish",
    **env.dict("SEARCH_LANGUAGE_CONFIGS", default={}),
}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# No avatars from Gravatar in the admin: no editor's e-mail hash goes to a third party, and the
# admin's policy allows images from the site only.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Editorial governance (governance app). The admin contacts no other host: no Gravatar (it would
# send the editors' e-mail hashes to a third party; initials are shown instead) and no update
# check against wagtail.org. Its title and login page say "Der Paritätische NRW".
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# Workflow notifications: German by default (the recipient's admin language).
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="redaktion@localhost")
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
# Seconds between two runs of the periodic jobs the apps register (jobs/registry.py: go-live
# and expiry dates, review reminders, webhook retries, the search report) in `manage.py
# runserver` and `run_scheduler`; `run_scheduler --interval` sets its own.
SCHEDULER_INTERVAL = env.float("SCHEDULER_INTERVAL", default=60.0)
# Days from publishing (or "Geprüft, unverändert") to the next review of a page or contact person
# whose editor chose no date. A whole number of days, at least 1.
REVIEW_INTERVAL_DAYS = env.str("REVIEW_INTERVAL_DAYS", default="365")
if not REVIEW_INTERVAL_DAYS.isdigit() or int(REVIEW_INTERVAL_DAYS) < 1:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        f"REVIEW_INTERVAL_DAYS must be a whole number of days, at least 1 "
        f"(got {REVIEW_INTERVAL_DAYS!r})."
    )
REVIEW_INTERVAL_DAYS = int(REVIEW_INTERVAL_DAYS)

# E-mail (workflow notifications, review reminders, password resets): one URL, e.g.
# EMAIL_URL=smtp+tls://user:password@mail.example.org:587 (django-environ's email_url). Without
# it, mails are written to the console.
_email = env.email_url("EMAIL_URL", default="consolemail://")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email.get("EMAIL_HOST") or "localhost"
EMAIL_PORT = _email.get("EMAIL_PORT") or 25
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER") or ""
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="redaktion@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Delivery API (v2 and v3) ------------------------------------------------------------------
# CORS (corsheaders), the response cache (httpcache), ETags and the API's redirects: see their
# places in MIDDLEWARE above.
# The v2 API reads a session (a logged-in editor), nothing else: no HTTP Basic, whose bogus
# header would answer 401 where the anonymous answer is due (httpcache/middleware.py).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
}
# The response cache (httpcache/cache.py): which of CACHES holds its entries, which one its
# tag versions (seen by every process: Redis, or the database without it), and how long an
# entry may live at most (a change invalidates it at once anyway).
RESPONSE_CACHE = "default"
RESPONSE_CACHE_VERSIONS = SHARED_CACHE
RESPONSE_CACHE_TIMEOUT = env.int("RESPONSE_CACHE_TIMEOUT", default=24 * 3600)
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
# The v3 API's interactive docs (/api/v3/docs/, Swagger UI from the app's own static files) and
# its OpenAPI document; API_DOCS_ENABLED=false answers both with 404 (e.g. in production when
# frontends take the document from elsewhere).
WAGTAILAPI_DOCS_ENABLED = env.bool("API_DOCS_ENABLED", default=True)
WAGTAILAPI_RICH_TEXT_FORMAT = "html"

# Frontend preview (preview app): the admin's "Frontend" preview mode sends editors to this URL
# with a signed token that reads the unsaved page for FRONTEND_PREVIEW_MAX_AGE seconds.
FRONTEND_PREVIEW_URL = env.str("FRONTEND_PREVIEW_URL", default="")
FRONTEND_PREVIEW_MAX_AGE = env.int("FRONTEND_PREVIEW_MAX_AGE", default=600)

# Publications (documents app): the admin's document forms run the upload checks of
# documents/validators.py. Documents are always delivered through Wagtail's serve view, which
# checks collection privacy, never through a direct (media or bucket) URL; their files live in
# STORAGES["documents"] (see below), apart from the public media.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "documents.forms.PublicationForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Object storage: with AWS_STORAGE_BUCKET_NAME set, images and documents are stored in an
# S3-compatible bucket through django-storages; without it they stay in local folders. The
# bucket is split by who may see a file: images and renditions under AWS_PUBLIC_LOCATION
# ("public/"), which the bucket policy makes readable to everyone, linked by long-lived unsigned
# URLs (through AWS_S3_CUSTOM_DOMAIN, e.g. a CDN, when set); documents under
# AWS_PRIVATE_LOCATION ("private/", or in AWS_PRIVATE_STORAGE_BUCKET_NAME), never public,
# reached only through the serve view. No object gets a public ACL. Credentials come from
# AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or boto3's usual chain (e.g. an instance role).
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ACCESS_KEY_ID = env.str("AWS_ACCESS_KEY_ID", default=None)
    AWS_S3_SECRET_ACCESS_KEY = env.str("AWS_SECRET_ACCESS_KEY", default=None)
    AWS_S3_ENDPOINT_URL = env.str("AWS_S3_ENDPOINT_URL", default=None)
    AWS_S3_REGION_NAME = env.str("AWS_S3_REGION_NAME", default=None)
    AWS_DEFAULT_ACL = None
    AWS_S3_FILE_OVERWRITE = False
    # Bounded waits. botocore's own (60 s to connect, 60 s for each answer, three attempts)
    # would hold an upload to a store that hangs past gunicorn's 30 s worker timeout: the editor
    # got a server error instead of the form's message. With these a hanging store fails an
    # upload in about 3 x AWS_S3_READ_TIMEOUT seconds, a refusing one at once; botocore's
    # standard retry mode (AWS_S3_MAX_ATTEMPTS attempts in all) still rides out brief errors.
    AWS_S3_CLIENT_CONFIG = Config(
        connect_timeout=env.float("AWS_S3_CONNECT_TIMEOUT", default=3),
        read_timeout=env.float("AWS_S3_READ_TIMEOUT", default=6),
        retries={
            "mode": "standard",
            "total_max_attempts": env.int("AWS_S3_MAX_ATTEMPTS", default=3),
        },
    )
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "location": env.str("AWS_PUBLIC_LOCATION", default="public"),
            "querystring_auth": False,
            "custom_domain": env.str("AWS_S3_CUSTOM_DOMAIN", default=None),
        },
    }
    STORAGES["documents"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.str(
                "AWS_PRIVATE_STORAGE_BUCKET_NAME", default=AWS_STORAGE_BUCKET_NAME
            ),
            "location": env.str("AWS_PRIVATE_LOCATION", default="private"),
            "querystring_auth": True,
            "querystring_expire": env.int("AWS_QUERYSTRING_EXPIRE", default=300),
        },
    }

# Background tasks (Django's tasks framework through django-tasks, which Wagtail uses too): run
# inline by default. TASKS_BACKEND=database queues them in the database (django-tasks-db), and
# `manage.py db_worker` runs them, so slow work such as reading a large PDF leaves the request.
if env.str("TASKS_BACKEND", default="immediate") == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Uploaded PDFs are read (pages, text, cover) in a child process of the worker with these
# limits (documents/sandbox.py); a PDF over one is refused and its uploader told why.
PDF_MAX_PAGES = env.int("PDF_MAX_PAGES", default=2000)
PDF_MEMORY_LIMIT_MB = env.int("PDF_MEMORY_LIMIT_MB", default=512)
PDF_TIME_LIMIT_SECONDS = env.int("PDF_TIME_LIMIT_SECONDS", default=60)

# `manage.py backup` encrypts with the first of these Fernet keys and `restore` decrypts with any
# of them (so a key can be rotated); without a key there is no backup (ops/backup.py).
BACKUP_KEY = env.list("BACKUP_KEY", default=[])

# Change webhooks (webhooks app): every content change is POSTed, signed, to the endpoints
# registered under Einstellungen → Webhooks. A failed delivery is tried WEBHOOK_MAX_ATTEMPTS
# times in all, waiting WEBHOOK_RETRY_BASE_SECONDS after the first failure and twice as long
# after each further one. Retries (and deliveries whose task was lost) are sent by
# `manage.py sweep_webhooks`, run from cron or as a process with --interval.
WEBHOOK_MAX_ATTEMPTS = env.int("WEBHOOK_MAX_ATTEMPTS", default=6)
WEBHOOK_RETRY_BASE_SECONDS = env.int("WEBHOOK_RETRY_BASE_SECONDS", default=60)
# Endpoints must be public addresses: loopback, private, link-local (the cloud's metadata
# service) and other non-public addresses are refused when an endpoint is saved and again at
# every attempt (webhooks/targets.py). Development and the tests, whose receivers run on this
# machine, switch this on.
WEBHOOKS_ALLOW_PRIVATE_TARGETS = env.bool("WEBHOOKS_ALLOW_PRIVATE_TARGETS", default=False)
