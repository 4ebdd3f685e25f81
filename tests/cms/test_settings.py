"""Production settings refuse to start half-configured, and pass Django's deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = "k7#" + "x9Lq2!vB4mZ8wR1tY6uN3pS5dF0gH7jK" * 2
SITE = "https://cms.example.org"
# What the production settings require; each test leaves out or spoils one of them.
REQUIRED = {"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "cms.example.org", "SITE_BASE_URL": SITE}


def manage(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {*REQUIRED, "DJANGO_SETTINGS_MODULE", "WAGTAILAPI_BASE_URL", "WAGTAILADMIN_BASE_URL"}
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
        ({"ALLOWED_HOSTS": "cms.example.org", "SITE_BASE_URL": SITE}, "SECRET_KEY"),
        ({**REQUIRED, "SECRET_KEY": "short"}, "SECRET_KEY"),
        ({"SECRET_KEY": GOOD_KEY, "SITE_BASE_URL": SITE}, "ALLOWED_HOSTS"),
        ({**REQUIRED, "ALLOWED_HOSTS": "*"}, "ALLOWED_HOSTS"),
    ],
)
def test_production_refuses_to_start_without_real_configuration(env, message):
    result = manage("check", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


@pytest.mark.parametrize("value", [None, "", "cms.example.org", "ftp://cms.example.org"])
def test_production_refuses_to_start_without_the_sites_address(value):
    env = {name: v for name, v in REQUIRED.items() if name != "SITE_BASE_URL"}
    if value is not None:
        env["SITE_BASE_URL"] = value
    result = manage("check", **env)
    assert result.returncode != 0
    assert (
        "django.core.exceptions.ImproperlyConfigured: SITE_BASE_URL must be set to the site's "
        "public address in production, as an http(s) URL such as https://www.paritaet-nrw.org"
    ) in result.stderr
    assert f"(got {value or ''!r})" in result.stderr


def test_deploy_check_prints_no_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **REQUIRED)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout


def test_the_sites_address_makes_every_absolute_url():
    code = (
        "from django.conf import settings; "
        "print(settings.WAGTAILAPI_BASE_URL, settings.WAGTAILADMIN_BASE_URL)"
    )
    result = manage("shell", "-c", code, **REQUIRED)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split()[-2:] == [SITE, SITE]


# The Redis database that tests/httpcache/test_two_instances.py empties: never at once.
@pytest.mark.xdist_group("redis-test-database")
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
    result = manage("shell", "-c", code, REDIS_URL=redis_url, **REQUIRED)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split()[-2:] == ["DegradingRedisCache", "ja"]  # ops/cache.py


@pytest.mark.parametrize(
    ("variable", "setting"),
    [
        ("API_CACHE_MAX_AGE", "API_CACHE_MAX_AGE"),
        ("HTML_CACHE_MAX_AGE", "HTML_CACHE_MAX_AGE"),
        ("RESPONSE_CACHE_TIMEOUT", "RESPONSE_CACHE_TIMEOUT"),
    ],
)
def test_the_cache_lifetimes_are_read_from_the_environment(variable, setting):
    code = f"from django.conf import settings; print(settings.{setting})"
    result = manage("shell", "-c", code, **{**REQUIRED, variable: "17"})
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


def test_the_review_interval_is_read_from_the_environment():
    code = "from django.conf import settings; print(settings.REVIEW_INTERVAL_DAYS)"
    result = manage("shell", "-c", code, **{**REQUIRED, "REVIEW_INTERVAL_DAYS": "30"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split()[-1] == "30"
    for spoiled in ("0", "ein Jahr", "-5"):
        result = manage("check", **{**REQUIRED, "REVIEW_INTERVAL_DAYS": spoiled})
        assert result.returncode != 0
        assert "ImproperlyConfigured" in result.stderr
        assert "REVIEW_INTERVAL_DAYS" in result.stderr
