"""Production settings refuse to start half-configured, and pass Django's deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = "k7#" + "x9Lq2!vB4mZ8wR1tY6uN3pS5dF0gH7jK" * 2


def manage(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE"}
    }
    environment.update(DJANGO_SETTINGS_MODULE="cms.settings.production", **env)
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"ALLOWED_HOSTS": "cms.example.org"}, "SECRET_KEY"),
        ({"ALLOWED_HOSTS": "cms.example.org", "SECRET_KEY": "short"}, "SECRET_KEY"),
        ({"SECRET_KEY": GOOD_KEY}, "ALLOWED_HOSTS"),
        ({"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "*"}, "ALLOWED_HOSTS"),
    ],
)
def test_production_refuses_to_start_without_real_configuration(env, message):
    result = manage("check", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_deploy_check_prints_no_warnings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="cms.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout


def test_redis_url_gives_a_shared_cache_that_works():
    """REDIS_URL, as the README documents it: the app starts and its cache round-trips."""
    redis_url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/12")
    import redis

    try:
        redis.Redis.from_url(redis_url, socket_timeout=1).ping()
    except redis.RedisError:
        pytest.skip(f"needs Redis at {redis_url} (set TEST_REDIS_URL)")
    code = (
        "from django.core.cache import cache; cache.set('settings-test', 'ja', 30); "
        "from django.core.cache import caches; "
        "print(type(caches['default']).__name__, cache.get('settings-test'))"
    )
    result = manage(
        "shell",
        "-c",
        code,
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="cms.example.org",
        REDIS_URL=redis_url,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split()[-2:] == ["DegradingRedisCache", "ja"]  # ops/cache.py


@pytest.mark.parametrize(
    ("variable", "setting"),
    [
        ("API_CACHE_MAX_AGE", "API_CACHE_MAX_AGE"),
        ("HTML_CACHE_MAX_AGE", "HTML_CACHE_MAX_AGE"),
        ("DELIVERY_CACHE_TIMEOUT", "DELIVERY_CACHE_TIMEOUT"),
    ],
)
def test_the_cache_lifetimes_are_read_from_the_environment(variable, setting):
    code = f"from django.conf import settings; print(settings.{setting})"
    result = manage(
        "shell",
        "-c",
        code,
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="cms.example.org",
        **{variable: "17"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split()[-1] == "17"


def test_dev_settings_make_a_random_key_once_per_checkout(tmp_path):
    """No public fallback key: without SECRET_KEY, dev settings make a random one and keep it."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    key_file = tmp_path / "dev-key"
    script = (
        "import django; django.setup(); from django.conf import settings;print(settings.SECRET_KEY)"
    )

    def dev_key():
        environment = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
        environment.update(
            DJANGO_SETTINGS_MODULE="cms.settings.dev", DEV_SECRET_KEY_FILE=str(key_file)
        )
        return subprocess.run(  # noqa: S603
            [sys.executable, "-c", script],
            cwd=Path(__file__).resolve().parents[2],
            env=environment,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()

    first = dev_key()
    assert len(first) >= 50 and "insecure" not in first
    assert key_file.read_text().strip() == first
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"
    assert dev_key() == first  # the same on the next start
    key_file.unlink()
    assert dev_key() != first  # another checkout, another key
