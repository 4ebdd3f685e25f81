#!/usr/bin/env python3
"""PDF upload benchmark: what an editor waits for, and what reading a hostile PDF costs.

For three files (an ordinary demo publication, a PDF bomb of 56 KB that unpacks to 300 MB, and a
PDF of 20,000 empty pages; the hostile ones are those of ``tests/documents/hostile.py``):

1. **The editor's request**: the upload through the admin's document form as a member of the
   "Editors" group, with the work queued (``TASKS_BACKEND=database``, as in production): the
   median and the slowest of ``--repeat`` uploads, in milliseconds.
2. **The child that reads it** (``documents.pdf_process``, started as ``documents.sandbox``
   starts it, under the same limits): its wall time, its peak resident memory (``VmHWM``,
   reported by the child itself on exit) and what it answered.
3. **The worker**: ``manage.py db_worker --batch`` over every queued upload, its wall time, and
   what is left: publications kept (the ordinary ones) and refused (deleted with their file,
   the editor mailed).

Usage (from the repository root; SQLite in a temporary folder, nothing else needed)::

    .venv/bin/python bench/pdf_upload.py [--repeat 5]
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def configure(folder):
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "DATABASE_URL": f"sqlite:///{folder}/bench.sqlite3",
            "MEDIA_ROOT": str(folder / "media"),
            "PRIVATE_MEDIA_ROOT": str(folder / "private-media"),
            "TASKS_BACKEND": "database",
            "DEV_SECRET_KEY_FILE": str(folder / "secret-key"),
            "DEBUG": "false",
        }
    )
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()


def files():
    from demo.media import publication_pdf
    from tests.documents.hostile import bomb, many_pages

    return {
        "ordinary (demo publication)": publication_pdf(
            "Arbeitshilfe", ["Beispieltext für eine Arbeitshilfe. " * 20] * 6
        ),
        "bomb (unpacks to 300 MB)": bomb(),
        "20,000 pages": many_pages(),
    }


def editor_client():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client

    user = get_user_model().objects.create_user("redakteurin", "r@example.org", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def upload(client, name, data):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse
    from wagtail.models import Collection

    started = time.perf_counter()
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": name,
            "file": SimpleUploadedFile("datei.pdf", data, content_type="application/pdf"),
            "collection": Collection.get_first_root_node().pk,
            "publication_type": "broschuere",
            "language": "de",
        },
    )
    elapsed = time.perf_counter() - started
    if response.status_code != 302:
        raise SystemExit(f"upload of {name} answered {response.status_code}")
    return elapsed


# The child, run as documents.sandbox runs it, reporting its own peak resident memory on exit:
# VmHWM of /proc/self/status (the high-water mark of this program's memory; ru_maxrss would
# also count the parent's memory, copied by the fork before the exec).
PEAK_REPORTING_CHILD = """
import atexit, runpy, sys

def peak():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            sys.stderr.write("peak-kb " + line.split()[1])

atexit.register(peak)
sys.argv[0] = "documents.pdf_process"
runpy.run_module("documents.pdf_process", run_name="__main__", alter_sys=True)
"""


def read_in_child(data):
    """The child as documents.sandbox starts it: (seconds, peak RSS in MB, its answer)."""
    from django.conf import settings

    command = [
        sys.executable,
        "-c",
        PEAK_REPORTING_CHILD,
        f"--memory-mb={settings.PDF_MEMORY_LIMIT_MB}",
        f"--cpu-seconds={settings.PDF_TIME_LIMIT_SECONDS}",
        f"--max-pages={settings.PDF_MAX_PAGES}",
        "--cover",
    ]
    started = time.perf_counter()
    child = subprocess.Popen(  # noqa: S603 (our own interpreter and module)
        command,
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    out, err = child.communicate(data)
    elapsed = time.perf_counter() - started
    peak_kb = [int(line.split()[1]) for line in err.decode().splitlines() if "peak-kb" in line]
    answer = out[:80].decode(errors="replace")
    if '"refused"' not in answer:
        answer = "read" if child.returncode == 0 else f"exit {child.returncode}"
    return elapsed, (peak_kb[-1] / 1024 if peak_kb else float("nan")), answer


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as name:
        folder = Path(name)
        configure(folder)
        from django.conf import settings
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        client = editor_client()
        pdfs = files()

        print(
            f"limits: PDF_MAX_PAGES={settings.PDF_MAX_PAGES}, "
            f"PDF_MEMORY_LIMIT_MB={settings.PDF_MEMORY_LIMIT_MB}, "
            f"PDF_TIME_LIMIT_SECONDS={settings.PDF_TIME_LIMIT_SECONDS}\n"
        )
        print(f"{'file':30} {'size':>9} {'request median':>15} {'max':>8}")
        for title, data in pdfs.items():
            times = [upload(client, title, data) for _ in range(options.repeat)]
            print(
                f"{title:30} {len(data) / 1024:>7.0f}KB "
                f"{statistics.median(times) * 1000:>12.0f} ms {max(times) * 1000:>5.0f} ms"
            )

        print(f"\n{'file':30} {'child wall':>11} {'child peak RSS':>15}  answer")
        for title, data in pdfs.items():
            seconds, peak, answer = read_in_child(data)
            print(f"{title:30} {seconds:>9.2f} s {peak:>12.0f} MB  {answer}")

        from documents.models import Publication

        queued = Publication.objects.count()
        started = time.perf_counter()
        subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"],
            cwd=ROOT,
            env=os.environ,
            check=True,
            capture_output=True,
        )
        elapsed = time.perf_counter() - started
        kept = Publication.objects.filter(page_count__isnull=False).count()
        print(
            f"\nworker: {queued} queued uploads in {elapsed:.1f} s; "
            f"{kept} kept with their metadata, {queued - Publication.objects.count()} refused "
            f"(deleted with their file, the editor mailed)"
        )


if __name__ == "__main__":
    main()
