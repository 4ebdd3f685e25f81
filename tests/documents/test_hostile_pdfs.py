"""A PDF bomb (56 KB unpacking to 300 MB) and a 20,000-page PDF, uploaded by an editor: the
request only stores the file and queues the work; the worker reads the PDF in a limited child
process (documents/sandbox.py), refuses both, deletes the publication and its file (no record
without its metadata), and mails the editor a German reason. Request time and the child's
memory: bench/pdf_upload.py."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from wagtail.models import Collection

from documents.models import Publication
from documents.sandbox import PdfRefused, analyse_pdf

from .hostile import bomb, many_pages

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TASK = "documents.tasks.extract_publication_metadata_task"


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("redakteurin", "redakteurin@example.org", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    client = Client()
    client.force_login(user)
    return client


def upload(client, data, title):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "file": SimpleUploadedFile("datei.pdf", data, content_type="application/pdf"),
            "collection": Collection.get_first_root_node().pk,
            "publication_type": "broschuere",
            "language": "de",
        },
    )


def run_worker():
    call_command("db_worker", batch=True, no_startup_delay=True, stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (bomb, "entpackt sich beim Lesen zu weit mehr Daten"),
        (many_pages, "Das PDF hat 20000 Seiten; angenommen werden höchstens 2000."),
    ],
    ids=["bomb", "20000-pages"],
)
def test_a_hostile_pdf_is_refused_by_the_worker_with_a_german_message(
    editor, settings, make, reason
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    response = upload(editor, make(), "Feindliches PDF")
    assert response.status_code == 302  # the request only stored the file
    publication = Publication.objects.get()
    assert publication.page_count is None  # nothing read during the request
    storage, name = publication.file.storage, publication.file.name
    assert storage.exists(name)
    assert DBTaskResult.objects.filter(task_path=TASK, status="READY").count() == 1

    run_worker()

    result = DBTaskResult.objects.get(task_path=TASK)
    assert result.status == "SUCCESSFUL", result.traceback
    assert not Publication.objects.exists()  # no record without its metadata
    assert not storage.exists(name)
    [message] = mail.outbox
    assert message.to == ["redakteurin@example.org"]
    assert message.subject == "Publikation abgelehnt: Feindliches PDF"
    assert reason in message.body
    editor.get(reverse("wagtaildocs:index"))  # shows (and so uses up) the upload's message
    assert "Feindliches PDF" not in editor.get(reverse("wagtaildocs:index")).content.decode()


def test_the_limits_are_settings(settings):
    settings.PDF_MAX_PAGES = 10
    with pytest.raises(PdfRefused, match="Das PDF hat 20 Seiten; angenommen werden höchstens 10"):
        analyse_pdf(many_pages(20))
    settings.PDF_MAX_PAGES = 2000
    info, cover = analyse_pdf(many_pages(20))
    assert info.page_count == 20 and cover is not None


def test_a_memory_limit_too_small_for_the_reader_is_a_refusal_not_a_crash(settings):
    settings.PDF_MEMORY_LIMIT_MB = 40  # below what Python and pdfium need to start
    with pytest.raises(PdfRefused, match="mehr Arbeitsspeicher als erlaubt .höchstens 40 MB"):
        analyse_pdf(many_pages(3))
