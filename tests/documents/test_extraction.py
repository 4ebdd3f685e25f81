"""Uploading a PDF fills its metadata and renders a cover, with no manual step."""

import io
import logging

from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import Image
from reportlab.pdfgen import canvas
from wagtail.images import get_image_model
from wagtail.models import Collection

from demo.media import publication_pdf
from documents.extraction import COVER_MAX_HEIGHT, render_cover
from documents.factories import PublicationFactory
from documents.models import Publication
from documents.tasks import extract_publication_metadata_task


def test_admin_upload_fills_page_count_size_text_and_cover(
    admin_client, pdf_upload, pdf_bytes, on_commit
):
    with on_commit():
        response = admin_client.post(
            reverse("wagtaildocs:add"),
            {
                "title": "Arbeitshilfe Zuwanderung",
                "file": pdf_upload,
                "collection": Collection.get_first_root_node().pk,
                "publication_type": "arbeitshilfe",
                "language": "de",
            },
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    publication = Publication.objects.get(title="Arbeitshilfe Zuwanderung")
    assert publication.page_count == 2
    assert publication.file_size == len(pdf_bytes)
    assert "Zuwanderungsberatung" in publication.full_text
    cover = publication.cover_image
    assert cover is not None
    assert cover.width == 600 and cover.height > 800  # A4 portrait, first page
    with cover.file.open("rb") as f:
        assert f.read(8) == b"\x89PNG\r\n\x1a\n"


def test_multiple_upload_view_also_extracts(admin_client, pdf_upload, on_commit):
    with on_commit():
        response = admin_client.post(
            reverse("wagtaildocs:add_multiple"),
            {"files[]": pdf_upload, "collection": Collection.get_first_root_node().pk},
        )
    assert response.json()["success"] is True
    publication = Publication.objects.get(pk=response.json()["doc_id"])
    assert publication.page_count == 2
    assert publication.publication_type == "broschuere"  # the model default
    assert publication.cover_image is not None


def test_programmatic_save_extracts_too(pdf_bytes, on_commit, db):
    with on_commit():
        publication = PublicationFactory(file=ContentFile(pdf_bytes, name="programmatisch.pdf"))
    publication.refresh_from_db()
    assert publication.page_count == 2
    assert "Zuwanderungsberatung" in publication.full_text


def test_broken_pdf_leaves_fields_empty_and_logs(db, on_commit, caplog):
    broken = b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nkaputt" + b"\x00" * 100
    with caplog.at_level(logging.WARNING, logger="documents.tasks"), on_commit():
        publication = PublicationFactory(file=ContentFile(broken, name="kaputt.pdf"))
    publication.refresh_from_db()
    assert publication.page_count is None
    assert publication.full_text == ""
    assert publication.cover_image is None
    assert publication.file_size == len(broken)
    assert "could not be read" in caplog.text


def test_extraction_is_idempotent_and_replacing_the_file_replaces_the_cover(
    pdf_bytes, on_commit, db
):
    with on_commit():
        publication = PublicationFactory(file=ContentFile(pdf_bytes, name="a.pdf"))
    publication.refresh_from_db()
    first_cover = publication.cover_image_id
    extract_publication_metadata_task.enqueue(publication.pk)
    publication.refresh_from_db()
    assert publication.cover_image_id == first_cover
    assert get_image_model().objects.count() == 1

    publication.file = ContentFile(publication_pdf("Neu", ["Drei Seiten?"]), name="b.pdf")
    with on_commit():
        publication.save()
    publication.refresh_from_db()
    assert publication.cover_image_id not in (None, first_cover)
    assert "Drei Seiten" in publication.full_text
    assert get_image_model().objects.count() == 1  # the old cover is gone


def test_private_publication_gets_no_cover(private_collection, pdf_bytes, on_commit):
    with on_commit():
        publication = PublicationFactory(
            collection=private_collection, file=ContentFile(pdf_bytes, name="intern.pdf")
        )
    publication.refresh_from_db()
    assert publication.page_count == 2
    assert publication.cover_image is None


def test_moving_between_public_and_private_collections_drops_and_restores_the_cover(
    private_collection, pdf_bytes, on_commit
):
    with on_commit():
        publication = PublicationFactory(file=ContentFile(pdf_bytes, name="wandert.pdf"))
    publication.refresh_from_db()
    public_cover = publication.cover_image
    assert public_cover is not None

    publication.collection = private_collection
    with on_commit():
        publication.save()
    publication.refresh_from_db()
    assert publication.cover_image is None  # a private file's first page is not published
    assert not get_image_model().objects.filter(pk=public_cover.pk).exists()
    assert publication.page_count == 2

    publication.collection = Collection.get_first_root_node()
    with on_commit():
        publication.save()
    publication.refresh_from_db()
    assert publication.cover_image is not None


def test_admin_document_forms_render(admin_client, db):
    publication = PublicationFactory()
    assert admin_client.get(reverse("wagtaildocs:add")).status_code == 200
    assert admin_client.get(reverse("wagtaildocs:add_multiple")).status_code == 200
    response = admin_client.get(reverse("wagtaildocs:edit", args=(publication.pk,)))
    assert response.status_code == 200
    assert "Art der Publikation" in response.content.decode()


def test_cover_of_a_very_tall_page_stays_small():
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(100, 20000))
    pdf.drawString(10, 10, "Banner")
    pdf.save()
    width, height = Image.open(io.BytesIO(render_cover(buffer.getvalue()))).size
    assert height <= COVER_MAX_HEIGHT and width < 10
