"""Bad uploads get a German form error and leave nothing behind: no row, no file."""

import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents.forms import get_document_form
from wagtail.images import get_image_model
from wagtail.models import Collection, UploadedFile

from documents.forms import PublicationForm
from documents.models import Publication

HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script></svg>"
)


def stored_files():
    roots = [Path(settings.MEDIA_ROOT), Path(settings.PRIVATE_MEDIA_ROOT)]
    return {p for root in roots for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def nothing_stored(db):
    """Asserts after the test that no publication, upload, image or file was stored."""
    before = stored_files()
    yield
    assert Publication.objects.count() == 0
    assert UploadedFile.objects.count() == 0
    assert get_image_model().objects.count() == 0
    assert stored_files() == before


def add_document(client, name, content):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Ein Upload",
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
            "publication_type": "broschuere",
            "language": "de",
        },
    )


def file_errors(response):
    assert response.status_code == 200  # the form again, not a redirect to the listing
    return " ".join(response.context["form"].errors["file"])


def test_html_renamed_pdf_is_refused(admin_client, nothing_stored):
    errors = file_errors(add_document(admin_client, "broschuere.pdf", HTML))
    assert "Der Inhalt der Datei passt nicht zur Endung „.pdf“" in errors


def test_file_over_the_size_limit_is_refused(admin_client, nothing_stored, pdf_bytes, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = len(pdf_bytes) - 1
    response = add_document(admin_client, "gross.pdf", pdf_bytes)
    errors = file_errors(response)
    assert "Die Datei ist zu groß" in errors
    # Only that error: no spurious "Dateiendung „“ ist nicht erlaubt" for the rejected file.
    assert len(response.context["form"].errors["file"]) == 1
    assert "Dateiendung" not in errors


@pytest.mark.parametrize("name", ["README", "bericht."])
def test_file_without_extension_gets_one_plain_error(admin_client, nothing_stored, name):
    response = add_document(admin_client, name, b"Hallo")
    assert response.context["form"].errors["file"] == [
        "Dateien mit der Endung „(keine)“ sind nicht erlaubt. Erlaubt sind: "
        "pdf, docx, odt, xlsx, ods, pptx, odp, txt, csv, zip, mp4, webm."
    ]


def test_svg_document_with_script_is_refused(admin_client, nothing_stored):
    errors = file_errors(add_document(admin_client, "grafik.svg", SVG))
    # Wagtail's own extension check answers first, in German.
    assert "Dateien mit der Endung „svg“ sind nicht erlaubt" in errors


@pytest.mark.parametrize(
    "name, message",
    [
        ("grafik.svg", "Nicht unterstütztes Bildformat"),  # svg is not in WAGTAILIMAGES_EXTENSIONS
        ("grafik.png", "Die Erweiterung stimmt nicht mit dem Dateiformat überein (svg)"),
    ],
)
def test_svg_image_with_script_is_refused(admin_client, nothing_stored, name, message):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Grafik",
            "file": SimpleUploadedFile(name, SVG),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["file"])


@pytest.mark.parametrize(
    "name, message",
    [
        # Browsers percent-encode line breaks in multipart file names; Django keeps them as is.
        ("zeile%0Aumbruch.pdf", "keine Zeilenumbrüche oder Steuerzeichen"),
        ("..%2F..%2Fetc%2Fboese.pdf", "keine Pfadangaben"),
        ("..pdf", "keine Pfadangaben"),
    ],
)
def test_unsafe_file_names_are_refused(admin_client, nothing_stored, pdf_bytes, name, message):
    assert message in file_errors(add_document(admin_client, name, pdf_bytes))


@pytest.mark.parametrize(
    "name, message",
    [
        ("zeile\numbruch.pdf", "keine Zeilenumbrüche oder Steuerzeichen"),
        ("rechnung\u202efdp.exe.pdf", "keine Zeilenumbrüche oder Steuerzeichen"),
        ("../boese.pdf", "keine Pfadangaben"),
    ],
)
def test_publication_clean_refuses_unsafe_names_on_programmatic_saves(pdf_bytes, name, message, db):
    publication = Publication(title="Programmatisch", file=ContentFile(pdf_bytes, name=name))
    with pytest.raises(ValidationError) as error:
        publication.full_clean()
    assert message in " ".join(error.value.message_dict["file"])


def test_document_form_refuses_a_line_break_that_reached_the_name(pdf_bytes, admin_client):
    """The form Wagtail's views build from WAGTAILDOCS_DOCUMENT_FORM_BASE, given a name that a
    non-sanitising client (not Django's multipart parser) could pass on."""
    upload = SimpleUploadedFile("x.pdf", pdf_bytes)
    upload.name = "zeile\numbruch.pdf"
    form_class = get_document_form(Publication)
    assert issubclass(form_class, PublicationForm)
    form = form_class(
        {
            "title": "T",
            "collection": Collection.get_first_root_node().pk,
            "publication_type": "broschuere",
            "language": "de",
        },
        {"file": upload},
        user=admin_client.user,
    )
    assert not form.is_valid()
    assert "keine Zeilenumbrüche" in " ".join(form.errors["file"])


def test_raw_path_in_multipart_name_cannot_escape_the_documents_folder(admin_client, pdf_bytes, db):
    """Django strips directories from multipart file names before any form sees them."""
    boundary = "grenze"
    root = Collection.get_first_root_node().pk
    fields = {"title": "Pfad", "collection": str(root), "publication_type": "broschuere"}
    body = b"".join(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
        for k, v in {**fields, "language": "de"}.items()
    )
    body += (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
        f'filename="../../boese.pdf"\r\nContent-Type: application/pdf\r\n\r\n'
    ).encode()
    body += pdf_bytes + f"\r\n--{boundary}--\r\n".encode()
    response = admin_client.generic(
        "POST",
        reverse("wagtaildocs:add"),
        body,
        content_type=f"multipart/form-data; boundary={boundary}",
    )
    assert response.status_code == 302
    publication = Publication.objects.get(title="Pfad")
    assert publication.file.name == "documents/boese.pdf"
    assert Path(publication.file.path).parent == Path(settings.PRIVATE_MEDIA_ROOT) / "documents"


def test_multiple_upload_refuses_html_renamed_pdf(admin_client, nothing_stored):
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {
            "files[]": SimpleUploadedFile("broschuere.pdf", HTML),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.json()["success"] is False
    assert "passt nicht zur Endung" in response.json()["error_message"]


def office_file(folder):
    """A minimal Office file (a ZIP). Its entries carry a fixed date, not the time of
    collection: the bytes are part of the test ids, which every xdist worker must collect
    alike."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in (("[Content_Types].xml", "<Types/>"), (f"{folder}document.xml", "<d/>")):
            archive.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), text)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name, content",
    [
        ("liste.csv", "Name;Ort\nBeratung;Köln\n".encode()),
        ("brief.docx", office_file("word/")),
        ("tabelle.xlsx", office_file("xl/")),
    ],
)
def test_genuine_files_of_other_allowed_types_are_accepted(admin_client, name, content):
    response = add_document(admin_client, name, content)
    assert response.status_code == 302
    assert Publication.objects.get().filename == name


@pytest.mark.parametrize(
    "name, content",
    [
        ("liste.csv", b"<html><script>alert(1)</script></html>"),
        ("brief.docx", office_file("xl/")),  # a spreadsheet renamed to .docx
        ("archiv.zip", b"PK\x03\x04 not really a zip"),
    ],
)
def test_mismatching_content_of_other_types_is_refused(admin_client, nothing_stored, name, content):
    assert "passt nicht zur Endung" in file_errors(add_document(admin_client, name, content))
