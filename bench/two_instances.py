#!/usr/bin/env python3
"""Load run on two app instances: the demo site in its own PostgreSQL database, two gunicorn
instances under production settings sharing Redis, each on its own port (no load balancer), and
wrk with 50 connections in all for 60 s: the rendered topic page and the v3 API detail on both
instances at once (four wrk runs side by side, 12 or 13 connections each).

Usage (from the repository root; needs PostgreSQL, Redis and wrk)::

    .venv/bin/python bench/two_instances.py [--duration 60] [--connections 50] [--workers 2]

The database LOAD_DATABASE_URL (default ``paritaet_load`` on 127.0.0.1) is dropped and
re-created; Redis database LOAD_REDIS_URL (default ``redis://127.0.0.1:6379/15``) is flushed.
"""

import argparse
import os
import secrets
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.api.run import ROOT, get, recreate_database, wrk  # noqa: E402

PYTHON = sys.executable


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per instance")
    parser.add_argument("--ports", type=int, nargs=2, default=[8461, 8462])
    args = parser.parse_args()

    database_url = os.environ.get(
        "LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/paritaet_load"
    )
    redis_url = os.environ.get("LOAD_REDIS_URL", "redis://127.0.0.1:6379/15")
    media = tempfile.mkdtemp(prefix="load-media-")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "127.0.0.1",
        # Both instances serve one site; its address is the first instance's (no balancer).
        "SITE_BASE_URL": f"http://127.0.0.1:{args.ports[0]}",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "MEDIA_ROOT": media,
        "STATIC_ROOT": tempfile.mkdtemp(prefix="load-static-"),
        "SECURE_SSL_REDIRECT": "false",
        "DEMO_ADMIN_PASSWORD": secrets.token_urlsafe(12),
    }
    recreate_database(database_url)
    import redis

    redis.Redis.from_url(redis_url).flushdb()
    for command in (["migrate", "-v0"], ["load_demo_content"], ["collectstatic", "--noinput"]):
        subprocess.run(
            [PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True
        )
    gunicorn = str(Path(PYTHON).with_name("gunicorn"))
    servers = [
        subprocess.Popen(
            [gunicorn, "cms.wsgi", "-b", f"127.0.0.1:{port}", "-w", str(args.workers)],
            cwd=ROOT,
            env=env,
            stderr=subprocess.DEVNULL,
        )
        for port in args.ports
    ]
    try:
        bases = [f"http://127.0.0.1:{port}" for port in args.ports]
        for base in bases:
            for _ in range(300):
                try:
                    get(base + "/health/live/")
                    break
                except OSError:
                    time.sleep(0.2)
        import psycopg

        with psycopg.connect(database_url) as connection:
            (page_id,) = connection.execute(
                "SELECT id FROM wagtailcore_page WHERE slug = 'fluechtlingsarbeit'"
            ).fetchone()
        paths = ["/themen/fluechtlingsarbeit/", f"/api/v3/pages/{page_id}/"]
        targets = [(base, path) for base in bases for path in paths]
        for base, path in targets:
            status, _, _ = get(base + path)
            assert status == 200, (base, path, status)
        per_run = [args.connections // len(targets)] * len(targets)
        for i in range(args.connections - sum(per_run)):
            per_run[i] += 1
        with ThreadPoolExecutor(len(targets)) as pool:
            results = list(
                pool.map(
                    lambda job: wrk(job[0][0] + job[0][1], args.duration, job[1]),
                    zip(targets, per_run, strict=True),
                )
            )
        print(f"{args.connections} connections, {args.duration} s, two instances")
        print(f"{'instance':<24} {'path':<34} {'conn':>4} {'req/s':>8} {'p50 ms':>8} "
              f"{'p99 ms':>8} {'errors':>6}")  # fmt: skip
        for (base, path), connections, r in zip(targets, per_run, results, strict=True):
            print(f"{base:<24} {path:<34} {connections:>4} {r['rps']:>8.0f} {r['p50']:>8.1f} "
                  f"{r['p99']:>8.1f} {r['errors']:>6}")  # fmt: skip
        print(
            f"total: {sum(r['rps'] for r in results):.0f} req/s, "
            f"errors {sum(r['errors'] for r in results)}"
        )
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
