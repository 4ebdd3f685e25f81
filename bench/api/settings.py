"""Bench-only settings: production settings, a local database, plus the ceiling view's URLs."""

import os

os.environ.setdefault("SECRET_KEY", "bench-only-" + "x7Kq2mP9vL4nR8sT1wY6zA3cE5gH0jB" * 2)
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("SITE_BASE_URL", "http://127.0.0.1:8000")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("SECURE_HSTS_SECONDS", "0")

from cms.settings.production import *  # noqa: E402, F403

ROOT_URLCONF = "bench.api.urls"
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
