#!/usr/bin/env python3
"""API benchmark: builds a realistic data set in its own PostgreSQL database, serves it with
gunicorn (production settings) and measures, in one run, requests per second and p50/p95
latency for:

1. our topic page detail (v3, every reference resolved),
2. the same page from Wagtail's stock v2 endpoint ``/api/v2/pages/<id>/`` (the unchanged
   PagesAPIViewSet; it outputs the page's ``api_fields``, i.e. the same resolved content), and
   for reference the same endpoint limited to ``?fields=_,title,intro`` (nothing resolved),
3. a conditional request answered ``304 Not Modified``,
4. a trivial JSON view of the same size on the same server (the ceiling).

Usage (from the repository root; needs PostgreSQL and ApacheBench, ``apt-get install
apache2-utils``)::

    .venv/bin/python bench/api/run.py [--requests 2000] [--concurrency 8] [--port 8450]

The database named by BENCH_DATABASE_URL (default ``paritaet_bench_api`` on 127.0.0.1) is
dropped and re-created.
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


def ab(url, requests, concurrency, headers=()):
    command = ["ab", "-q", "-n", str(requests), "-c", str(concurrency)]
    for header in headers:
        command += ["-H", header]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests per second:\s+([\d.]+)", output).group(1))
    p50 = int(re.search(r"^\s+50%\s+(\d+)", output, re.M).group(1))
    p95 = int(re.search(r"^\s+95%\s+(\d+)", output, re.M).group(1))
    failed = int(re.search(r"Failed requests:\s+(\d+)", output).group(1))
    non_2xx = re.search(r"Non-2xx responses:\s+(\d+)", output)
    return {"rps": rps, "p50": p50, "p95": p95, "failed": failed, "non_2xx": non_2xx}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--port", type=int, default=8450)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2 + 1)
    parser.add_argument(
        "--reuse-data", action="store_true", help="keep the data set of the previous run"
    )
    args = parser.parse_args()
    if not shutil.which("ab"):
        sys.exit("ApacheBench (ab) is needed: apt-get install apache2-utils")

    base = f"http://127.0.0.1:{args.port}"
    database = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB)
    media = tempfile.mkdtemp(prefix="paritaet-bench-media-")
    static = tempfile.mkdtemp(prefix="paritaet-bench-static-")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.api.settings",
        "DATABASE_URL": database,
        "MEDIA_ROOT": media,
        # The API serves no static files: an empty folder, no collectstatic needed.
        "STATIC_ROOT": static,
        "WAGTAILAPI_BASE_URL": base,
        "PYTHONPATH": str(ROOT),
    }

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

    server = subprocess.Popen(
        [
            str(Path(PYTHON).with_name("gunicorn")),
            "bench.api.wsgi",
            "--bind",
            f"127.0.0.1:{args.port}",
            "--workers",
            str(args.workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(100):
            try:
                get(f"{base}/api/v3/navigation/")
                break
            except OSError:
                time.sleep(0.2)
        ours = f"{base}/api/v3/pages/{page_id}/"
        stock = f"{base}/api/v2/pages/{page_id}/"
        status, headers, body = get(ours)  # also creates the renditions
        assert status == 200, (status, body[:300])
        get(stock)
        data = json.loads(body)
        assert len(data["body"]) == 12 and data["contact_persons"] and data["publications"]
        etag = headers["ETag"]
        size = len(body)
        status, _, _ = get(ours, {"If-None-Match": etag})
        assert status == 304, status
        ceiling = f"{base}/bench/ceiling/{size}/"
        status, _, ceiling_body = get(ceiling)
        assert status == 200 and len(ceiling_body) == size

        cases = [
            ("our topic detail (v3, resolved)", ours, ()),
            ("stock /api/v2/pages/<id>/", stock, ()),
            ("  same, ?fields=_,title,intro only", f"{stock}?fields=_,title,intro", ()),
            ("conditional GET -> 304", ours, (f"If-None-Match: {etag}",)),
            ("ceiling: trivial JSON, same size", ceiling, ()),
        ]
        print(
            f"\n{args.requests} requests per case, concurrency {args.concurrency}, "
            f"gunicorn {args.workers} sync workers, {os.cpu_count()} CPUs; "
            f"response size {size} bytes\n"
        )
        print(f"{'case':36} {'req/s':>9} {'p50 ms':>7} {'p95 ms':>7} {'of ceiling':>11}")
        results = {}
        for name, url, extra in cases:
            ab(url, min(200, args.requests), args.concurrency, extra)  # warm-up
            results[name] = ab(url, args.requests, args.concurrency, extra)
        top = results[cases[-1][0]]["rps"]
        for name, result in results.items():
            print(
                f"{name:36} {result['rps']:9.1f} {result['p50']:7d} {result['p95']:7d} "
                f"{result['rps'] / top:10.1%}"
                + (f"  failed: {result['failed']}" if result["failed"] else "")
            )
        ours_rps = results[cases[0][0]]["rps"]
        print(
            f"\nratios: ours/stock v2 = {ours_rps / results[cases[1][0]]['rps']:.2f}, "
            f"304/ours = {results[cases[3][0]]['rps'] / ours_rps:.2f}, "
            f"ceiling/ours = {top / ours_rps:.1f}"
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(media, ignore_errors=True)
        shutil.rmtree(static, ignore_errors=True)


if __name__ == "__main__":
    main()
