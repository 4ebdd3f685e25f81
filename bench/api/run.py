#!/usr/bin/env python3
"""Delivery benchmark: builds a realistic data set in its own PostgreSQL database, serves it
with gunicorn under production settings with Redis as the shared cache, and measures side by
side, in one run, with wrk (requests per second, p50/p99 latency):

0. the physical limit: a bare WSGI callable answering the same bytes (``bench/api/bare.py``)
   under the same gunicorn,
1. the ceiling: a trivial Django view answering the same number of bytes as the v3 detail,
   behind the same middleware (it pays the response cache's lookup like any request),
2. warm v3 detail, warm v2 detail, warm page by path (``/api/v3/page-by-path/``), warm
   rendered topic page, warm search (``/api/v3/search/``): served from the response cache,
3. a conditional GET answered ``304`` from the cache entry's ETag,
4. cold v3 detail and cold topic page: every request resolves (and renders) the page (the
   request carries a valid API token, so the cache is neither read nor written, as for a
   reader with credentials).

Then the warm rows again against a server without Redis (the tag versions shared through the
database). With ``--load`` it also runs 50 connections for 60 s on the rendered page and the
v3 detail and prints errors and p99.

Usage (from the repository root; needs PostgreSQL, Redis and wrk: ``apt-get install wrk``)::

    .venv/bin/python bench/api/run.py [--duration 10] [--connections 8] [--workers 2] [--load]

The database named by BENCH_DATABASE_URL (default ``paritaet_bench_api`` on 127.0.0.1) is
dropped and re-created; Redis database BENCH_REDIS_URL (default ``redis://127.0.0.1:6379/15``)
is flushed.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/paritaet_bench_api"
SHELL_NEW_API_KEY = (  # a shell command, not a secret
    "from django.contrib.auth import get_user_model; from wagtail.models import APIToken; "
    "user, _ = get_user_model().objects.get_or_create(username='bench', is_superuser=True, "
    "is_staff=True); print(APIToken.create_token(user=user, name='Bench')[1])"
)


def recreate_database(url):
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def read_target(url):
    import psycopg

    with psycopg.connect(url) as connection:
        row = connection.execute(
            "SELECT id FROM wagtailcore_page WHERE slug = %s", ("thema-500",)
        ).fetchone()
    return row[0]


def get(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def wrk(url, duration, connections, headers=()):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s"]
    for header in headers:
        command += ["-H", header]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout

    def latency(label):
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)", output, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": latency("50"),
        "p99": latency("99"),
        "errors": (int(errors.group(1)) if errors else 0)
        + (sum(int(n) for n in socket.groups()) if socket else 0),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per case")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--port", type=int, default=8450)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--load", action="store_true", help="also 50 connections for 60 s")
    parser.add_argument(
        "--reuse-data", action="store_true", help="keep the data set of the previous run"
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")

    base = f"http://127.0.0.1:{args.port}"
    database = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB)
    redis_url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")
    media = tempfile.mkdtemp(prefix="paritaet-bench-media-")
    static = tempfile.mkdtemp(prefix="paritaet-bench-static-")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.api.settings",
        "DATABASE_URL": database,
        "REDIS_URL": redis_url,
        "MEDIA_ROOT": media,
        "STATIC_ROOT": static,
        "SITE_BASE_URL": base,
        "PYTHONPATH": str(ROOT),
    }

    import redis

    redis.Redis.from_url(redis_url).flushdb()
    started = time.monotonic()
    if args.reuse_data:
        page_id = int(read_target(database))
        print(f"Reusing the data set in {database}; topic page id {page_id}")
    else:
        print(f"Database {database} (re-created), media in {media}", flush=True)
        recreate_database(database)
        subprocess.run([PYTHON, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
        generated = subprocess.run(
            [PYTHON, "-m", "bench.api.generate"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        page_id = int(generated.stdout.split()[-1])
        print(f"Data generated in {time.monotonic() - started:.0f} s; topic page id {page_id}")
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    redis.Redis.from_url(redis_url).flushdb()

    token = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", SHELL_NEW_API_KEY],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()[-1]
    gunicorn = str(Path(PYTHON).with_name("gunicorn"))
    workers = ["--workers", str(args.workers), "--log-level", "warning"]

    def start(app, port, environment):
        return subprocess.Popen(
            [gunicorn, app, "--bind", f"127.0.0.1:{port}", *workers], cwd=ROOT, env=environment
        )

    server = start("bench.api.wsgi", args.port, env)
    try:
        for _ in range(100):
            try:
                get(f"{base}/api/v3/navigation/")
                break
            except OSError:
                time.sleep(0.2)
        v3 = f"{base}/api/v3/pages/{page_id}/"
        v2 = f"{base}/api/v2/pages/{page_id}/"
        status, headers, body = get(v3)  # also creates the renditions
        assert status == 200, (status, body[:300])
        data = json.loads(body)
        assert data["body"] and data["contact_persons"] and data["publications"]
        path = urlsplit(data["meta"]["html_url"]).path
        by_path = f"{base}/api/v3/page-by-path/?html_path={path}"
        html = f"{base}{path}"
        search = f"{base}/api/v3/search/?q=Beratung"
        for url in (v2, by_path, html, search):
            status, _, _ = get(url)
            assert status == 200, (url, status)
        status, headers, body = get(v3)
        assert headers.get("X-Response-Cache") == "hit", headers
        etag = headers["ETag"]
        size = len(body)
        status, _, _ = get(v3, {"If-None-Match": etag})
        assert status == 304, status
        ceiling = f"{base}/bench/ceiling/{size}/"
        status, _, ceiling_body = get(ceiling)
        assert status == 200 and len(ceiling_body) == size
        cold_header = f"Authorization: Bearer {token}"
        status, headers, _ = get(v3, {"Authorization": f"Bearer {token}"})
        assert status == 200 and "X-Response-Cache" not in headers
        bare_port = args.port + 1
        bare_server = start("bench.api.bare", bare_port, {**env, "BENCH_BARE_SIZE": str(size)})
        bare = f"http://127.0.0.1:{bare_port}/"
        for _ in range(100):
            try:
                get(bare)
                break
            except OSError:
                time.sleep(0.2)

        cases = [
            ("bare WSGI callable, same bytes", bare, (), None, "bare"),
            ("ceiling: trivial view, same bytes", ceiling, (), 0.5, "bare"),
            ("warm v3 detail", v3, (), 0.9, "ceiling"),
            ("warm v2 detail", v2, (), 0.9, "ceiling"),
            ("warm page by path (v3)", by_path, (), 0.9, "ceiling"),
            ("warm rendered topic page", html, (), 0.9, "ceiling"),
            ("304 (If-None-Match, v3 detail)", v3, (f"If-None-Match: {etag}",), 0.9, "ceiling"),
            ("warm search (v3)", search, (), 0.5, "ceiling"),
            ("cold v3 detail (no cache)", v3, (cold_header,), None, "ceiling"),
            ("cold rendered topic page (no cache)", html, (cold_header,), 0.1, "ceiling"),
        ]
        print(
            f"\nwrk: {args.duration} s per case, {args.connections} connections, 2 threads; "
            f"gunicorn {args.workers} sync workers; {os.cpu_count()} CPUs; "
            f"load average {os.getloadavg()[0]:.1f}; v3 detail {size} bytes\n"
        )
        results = run_cases("Redis cache", cases, args)
        bare_server.terminate()
        bare_server.wait(timeout=30)
        if args.load:
            print("\nUnder load: 50 connections, 60 s, warm cache")
            for name, url in (("rendered topic page", html), ("v3 detail", v3)):
                result = wrk(url, 60, 50)
                print(
                    f"{name:36} {result['rps']:9.0f} req/s  p50 {result['p50']:.2f} ms  "
                    f"p99 {result['p99']:.2f} ms  errors {result['errors']}",
                    flush=True,
                )
    finally:
        server.terminate()
        server.wait(timeout=30)

    # The same warm rows without Redis: entries in each worker's memory, versions in the
    # database (one indexed query per hit).
    no_redis = {key: value for key, value in env.items() if key != "REDIS_URL"}
    server = start("bench.api.wsgi", args.port, no_redis)
    try:
        for _ in range(100):
            try:
                get(f"{base}/api/v3/navigation/")
                break
            except OSError:
                time.sleep(0.2)
        for url in (v3, v2, by_path, html, search, ceiling):
            for _ in range(args.workers * 4):  # every worker its entry
                get(url)
        warm_cases = list(cases[1:8])
        warm_cases[0] = (*warm_cases[0][:3], None, "with Redis")  # against the ceiling with Redis
        run_cases(
            "no Redis (versions in the database)",
            warm_cases,
            args,
            reference=results[cases[1][0]]["rps"],
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(media, ignore_errors=True)
        shutil.rmtree(static, ignore_errors=True)


def run_cases(title, cases, args, reference=None):
    """Runs each case with wrk and prints it against its reference (the bare callable or the
    ceiling of the same run)."""
    print(f"{title}:")
    print(f"{'case':38} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'ratio':>14} goal")
    results = {}
    for name, url, extra, goal, against in cases:
        wrk(url, 2, args.connections, extra)  # warm-up
        results[name] = result = wrk(url, args.duration, args.connections, extra)
        if against == "bare" and "bare WSGI callable, same bytes" in results:
            top = results["bare WSGI callable, same bytes"]["rps"]
        elif against == "ceiling" and "ceiling: trivial view, same bytes" in results:
            top = results["ceiling: trivial view, same bytes"]["rps"]
        else:
            top = reference or result["rps"]
        ratio = result["rps"] / top
        verdict = "" if goal is None else f"≥ {goal} {'met' if ratio >= goal else 'MISSED'}"
        print(
            f"{name:38} {result['rps']:9.0f} {result['p50']:8.2f} {result['p99']:8.2f} "
            f"{ratio:6.3f}× {against:7} {verdict}"
            + (f"  errors: {result['errors']}" if result["errors"] else ""),
            flush=True,
        )
    return results


if __name__ == "__main__":
    main()
