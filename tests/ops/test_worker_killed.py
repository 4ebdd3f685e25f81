"""A worker killed in the middle of a PDF extraction: the publication stays consistent (its row
and file, metadata still empty), and the task is picked up again when the worker restarts
(``requeue_lost_tasks``, run by the Procfile's worker before ``db_worker``)."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from wagtail.models import Collection

from demo.media import publication_pdf
from documents.models import Publication
from tests.waiting import wait_until

pytestmark = [
    pytest.mark.postgres,  # the killed worker is another process reading the test database
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ROOT = Path(__file__).resolve().parents[2]
TASK = "documents.tasks.extract_publication_metadata_task"

# The worker, with the PDF reading slowed down so that it can be killed in the middle of it.
SLOW_WORKER = """
import sys, time, django
django.setup()
import documents.tasks
real = documents.tasks.analyse_pdf
def slow(data, **kwargs):
    open(sys.argv[1], "w").close()
    time.sleep(120)
    return real(data, **kwargs)
documents.tasks.analyse_pdf = slow
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
call_command("db_worker", worker_id="worker-1", batch=True, no_startup_delay=True)
"""


def test_a_worker_killed_during_extraction_leaves_it_consistent_and_it_runs_again(
    admin_client, pdf_upload, settings_override, tmp_path
):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Großes PDF",
            "file": pdf_upload,
            "collection": Collection.get_first_root_node().pk,
            "publication_type": "broschuere",
            "language": "de",
        },
    )
    assert response.status_code == 302
    publication = Publication.objects.get()

    marker = tmp_path / "reading"
    db = settings.DATABASES["default"]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": (
            f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
        ),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        # The documents' private storage: the worker reads the same files as this process.
        "PRIVATE_MEDIA_ROOT": str(settings.PRIVATE_MEDIA_ROOT),
        "TASKS_BACKEND": "database",
    }
    worker = subprocess.Popen([sys.executable, "-c", SLOW_WORKER, str(marker)], cwd=ROOT, env=env)
    try:
        wait_until(
            lambda: marker.exists() or worker.poll() is not None,
            timeout=120,
            message="the worker starts reading the PDF",
        )
        assert marker.exists(), "the worker never started reading the PDF"
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)

    task = DBTaskResult.objects.get(task_path=TASK)
    assert task.status == "RUNNING"  # what the killed worker left behind
    publication.refresh_from_db()
    assert publication.page_count is None and publication.cover_image is None
    assert publication.file.storage.exists(publication.file.name)  # row and file together

    # Another worker's id, or a task younger than the stale limit, is left alone.
    assert call_command_count("requeue_lost_tasks", worker_id="worker-2", stale_after=3600) == 0
    # The killed worker starts again: its own lost task is queued again, and runs.
    assert call_command_count("requeue_lost_tasks", worker_id="worker-1") == 1
    call_command(
        "db_worker",
        worker_id="worker-1",
        batch=True,
        no_startup_delay=True,
        stdout=open(os.devnull, "w"),  # noqa: SIM115
    )
    publication.refresh_from_db()
    assert publication.page_count == 2
    assert "Zuwanderungsberatung" in publication.full_text
    assert publication.cover_image is not None
    assert DBTaskResult.objects.get(task_path=TASK).status == "SUCCESSFUL"


def call_command_count(*args, **kwargs):
    from io import StringIO

    out = StringIO()
    call_command(*args, verbosity=2, stdout=out, **kwargs)
    return int(out.getvalue().split()[0])


@pytest.fixture
def pdf_upload():
    data = publication_pdf(
        "Arbeitshilfe Testdokument", ["Ein Satz mit dem Wort Zuwanderungsberatung."]
    )
    return SimpleUploadedFile("arbeitshilfe.pdf", data, content_type="application/pdf")


@pytest.fixture
def settings_override(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return settings
