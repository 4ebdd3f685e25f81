"""The operations settings read from the environment (README "Production settings")."""

import json
import os
import subprocess
import sys
from pathlib import Path

from .services import closed_port

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

# The client the documents' storage really uses (django-storages reads AWS_S3_CLIENT_CONFIG),
# and how many requests it really makes before it gives up on a store nobody answers for.
S3_SCRIPT = """
import json, django
django.setup()
from django.core.files.storage import storages
storage = storages["documents"]
config = storage.client_config
attempts = []
client = storage.connection.meta.client
client.meta.events.register("before-send.s3.HeadObject", lambda **kw: attempts.append(1))
try:
    storage.exists("documents/probe.pdf")
except Exception as error:
    failed = type(error).__name__
print(json.dumps({
    "connect": config.connect_timeout, "read": config.read_timeout,
    "attempts": len(attempts), "error": failed,
}))
"""


def read(script=SCRIPT, **env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in ("REDIS_URL", "REDIS_TIMEOUT", "CONN_HEALTH_CHECKS")
        and not k.startswith("AWS_")
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="x" * 20 + "abcdefghij" * 3,
        ALLOWED_HOSTS="cms.example.org",
        SITE_BASE_URL="https://cms.example.org",
        **env,
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
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


def test_s3_waits_are_bounded_within_the_web_workers_timeout():
    """botocore alone waits 60 s per attempt: an upload to a store that hangs would outlast
    gunicorn's 30 s worker timeout and end in a server error instead of the form's message."""
    bucket = {
        "AWS_STORAGE_BUCKET_NAME": "paritaet-media",
        "AWS_S3_ENDPOINT_URL": f"http://127.0.0.1:{closed_port()}",
        "AWS_ACCESS_KEY_ID": "key",
        "AWS_SECRET_ACCESS_KEY": "secret",
    }
    s3 = read(S3_SCRIPT, **bucket)
    assert s3 == {"connect": 3, "read": 6, "attempts": 3, "error": "EndpointConnectionError"}
    backoff = 1 + 2  # botocore's standard mode waits at most 1 s, then 2 s, between attempts
    assert s3["attempts"] * max(s3["connect"], s3["read"]) + backoff < 30

    tuned = read(
        S3_SCRIPT,
        **bucket,
        AWS_S3_CONNECT_TIMEOUT="2",
        AWS_S3_READ_TIMEOUT="4.5",
        AWS_S3_MAX_ATTEMPTS="2",
    )
    assert tuned == {"connect": 2, "read": 4.5, "attempts": 2, "error": "EndpointConnectionError"}
