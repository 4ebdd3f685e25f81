"""The operations settings read from the environment (README "Production settings")."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import json, django
django.setup()
from django.conf import settings
print(json.dumps({
    "cache": settings.CACHES["default"],
    "health_checks": settings.DATABASES["default"]["CONN_HEALTH_CHECKS"],
    "max_age": settings.DATABASES["default"]["CONN_MAX_AGE"],
    "middleware": settings.MIDDLEWARE[0],
    "redirect_exempt": settings.SECURE_REDIRECT_EXEMPT,
}))
"""


def read(**env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in ("REDIS_URL", "REDIS_TIMEOUT", "CONN_HEALTH_CHECKS")
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="x" * 20 + "abcdefghij" * 3,
        ALLOWED_HOSTS="cms.example.org",
        SITE_BASE_URL="https://cms.example.org",
        **env,
    )
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out)


def test_defaults_and_switches():
    default = read()
    assert default["cache"]["BACKEND"].endswith("LocMemCache")
    assert default["health_checks"] is True and default["max_age"] == 60
    assert default["middleware"] == "ops.logs.RequestLogMiddleware"  # times everything
    assert default["redirect_exempt"] == [r"^health/"]

    redis = read(REDIS_URL="redis://cache:6379/0", REDIS_TIMEOUT="2", CONN_HEALTH_CHECKS="false")
    assert redis["cache"]["BACKEND"] == "ops.cache.DegradingRedisCache"
    assert redis["cache"]["OPTIONS"] == {"socket_connect_timeout": 2.0, "socket_timeout": 2.0}
    assert redis["health_checks"] is False
