"""With a queue backend the upload returns at once and a worker reads the PDF afterwards."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from wagtail.models import Collection

from documents.models import Publication

TASK = "documents.tasks.extract_publication_metadata_task"


# Real commits: the worker, like a real one, refuses a connection left inside a transaction.
# serialized_rollback restores the data migrations' rows (root page, site) afterwards.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_database_queue_defers_the_extraction_to_the_worker(admin_client, pdf_upload, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
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
    assert publication.page_count is None  # not read during the request
    assert DBTaskResult.objects.filter(task_path=TASK, status="READY").count() == 1

    call_command("db_worker", batch=True, no_startup_delay=True, stdout=open("/dev/null", "w"))  # noqa: SIM115

    publication.refresh_from_db()
    assert publication.page_count == 2
    assert "Zuwanderungsberatung" in publication.full_text
    assert publication.cover_image is not None
    assert DBTaskResult.objects.get(task_path=TASK).status == "SUCCESSFUL"
