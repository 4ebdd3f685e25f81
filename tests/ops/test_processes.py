"""The processes a container platform runs (Procfile, Dockerfile) exist and start from the repo:
every manage.py command they name is a real command, and gunicorn loads the WSGI app."""

import re
import shlex
from pathlib import Path

import pytest
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[2]


def processes():
    lines = (ROOT / "Procfile").read_text().splitlines()
    return dict(line.split(": ", 1) for line in lines if line.strip())


def test_procfile_names_web_worker_scheduler_and_release():
    assert set(processes()) == {"web", "worker", "scheduler", "janitor", "sweeper", "release"}
    # The scheduler runs every periodic job: go-live and expiry, reminders, webhooks, report.
    assert processes()["scheduler"] == "python manage.py run_scheduler"
    # A restarted worker first takes back the tasks it was running when it died.
    assert processes()["worker"].startswith("python manage.py requeue_lost_tasks --worker-id")


def test_every_manage_py_command_exists():
    commands = get_commands()
    named = []
    for command in [*processes().values(), (ROOT / "Dockerfile").read_text()]:
        named += re.findall(r"manage\.py (\w+)", command)
    required = {"migrate", "db_worker", "run_scheduler", "requeue_lost_tasks"}
    assert required | {"remove_orphan_documents"} <= set(named)
    for name in named:
        assert name in commands, name


def test_web_serves_the_wsgi_app_the_settings_name():
    from django.conf import settings

    web = shlex.split(processes()["web"])
    assert web[0].startswith("TRUSTED_PROXIES=")
    assert web[1:3] == ["gunicorn", settings.WSGI_APPLICATION.rsplit(".", 1)[0]]
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "gunicorn cms.wsgi" in dockerfile and "CMD python -m ops.probe" in dockerfile
    assert "pip install --no-cache-dir -r requirements.txt" in dockerfile


# A live server flushes the database afterwards: restore the data migrations' rows (and keep
# post_migrate handlers from running outside the test), as every transactional test here does.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_container_probe_asks_liveness_with_an_allowed_host(live_server, monkeypatch):
    from ops import probe

    port = live_server.url.rsplit(":", 1)[1]
    monkeypatch.setenv("PORT", port)
    monkeypatch.setenv("ALLOWED_HOSTS", "cms.example.org,www.example.org")
    assert probe.main() == 0
    assert probe.main("/gibt-es-nicht/") == 1
    monkeypatch.setenv("PORT", "1")  # nothing listens
    assert probe.main() == 1


def preset_proxies():
    """The TRUSTED_PROXIES the Procfile's web process and the Dockerfile preset."""
    procfile = re.search(r"TRUSTED_PROXIES=\$\{TRUSTED_PROXIES:-([^}]*)\}", processes()["web"])
    dockerfile = re.search(r"TRUSTED_PROXIES=(\S+)", (ROOT / "Dockerfile").read_text())
    return procfile.group(1), dockerfile.group(1)


def test_procfile_and_dockerfile_set_the_proxy_setting_to_the_private_networks():
    """Behind a load balancer in the private network the visitor's address is counted; a
    client on a public address is never taken for a proxy."""
    import ipaddress

    procfile, dockerfile = preset_proxies()
    assert procfile == dockerfile
    networks = [ipaddress.ip_network(entry) for entry in procfile.split(",")]
    for proxy in ("127.0.0.1", "10.1.2.3", "172.20.0.5", "192.168.1.10", "::1", "fd00::5"):
        assert any(ipaddress.ip_address(proxy) in n for n in networks), proxy
    for visitor in ("203.0.113.7", "8.8.8.8", "2001:db8::1", "169.254.169.254"):
        assert not any(ipaddress.ip_address(visitor) in n for n in networks), visitor


def test_the_procfile_web_line_exports_the_setting_to_the_app(tmp_path):
    """The web line run by a shell with a stand-in for gunicorn: the app sees the preset, and
    an operator's own value wins."""
    import os
    import subprocess

    fake = tmp_path / "gunicorn"
    fake.write_text('#!/bin/sh\necho "$TRUSTED_PROXIES"\n')
    fake.chmod(0o755)
    env = {"PATH": f"{tmp_path}:{os.environ['PATH']}"}
    line = processes()["web"]
    shown = subprocess.run(["sh", "-c", line], env=env, capture_output=True, text=True)  # noqa: S603, S607
    assert shown.stdout.strip() == preset_proxies()[0]
    env["TRUSTED_PROXIES"] = "10.9.0.0/16"
    shown = subprocess.run(["sh", "-c", line], env=env, capture_output=True, text=True)  # noqa: S603, S607
    assert shown.stdout.strip() == "10.9.0.0/16"
