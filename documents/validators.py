"""Checks an uploaded document before anything is stored.

Used by the admin's document forms (single and multiple upload, see ``forms.py``) and by
``Publication.clean`` for programmatic saves. The file's content must match its extension: an
HTML page renamed ``.pdf`` would otherwise be served from our domain.
"""

import os
import unicodedata
import zipfile
from urllib.parse import unquote

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# What an OpenDocument file declares in its first ZIP entry, "mimetype".
OPENDOCUMENT_MIMETYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
    "odp": b"application/vnd.oasis.opendocument.presentation",
}
# The folder every Office Open XML file of that kind contains.
OOXML_FOLDERS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
# Text formats must not be markup a browser could run.
MARKUP_PREFIXES = (b"<!doctype", b"<html", b"<svg", b"<?xml", b"<script", b"<head", b"<body")
PDF_HEADER_WINDOW = 1024
# WebM is Matroska: an EBML header.
WEBM_MAGIC = b"\x1a\x45\xdf\xa3"


def allowed_extensions():
    return [ext.lower() for ext in getattr(settings, "WAGTAILDOCS_EXTENSIONS", None) or []]


def validate_document_upload(file):
    """Raise ValidationError (German) unless the file's name, extension and content are safe."""
    name = file.name or ""
    validate_file_name(name)
    extension = os.path.splitext(name)[1].lower().lstrip(".")
    if extension not in allowed_extensions():
        raise ValidationError(
            _(
                "Dateien mit der Endung „%(extension)s“ sind nicht erlaubt. "
                "Erlaubt sind: %(allowed)s."
            ),
            code="invalid_extension",
            params={
                "extension": extension or _("(keine)"),
                "allowed": ", ".join(allowed_extensions()),
            },
        )
    max_size = getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None)
    if max_size is not None and file.size is not None and file.size > max_size:
        raise ValidationError(
            _("Die Datei ist zu groß. Erlaubt sind höchstens %(max)s MB."),
            code="file_too_large",
            params={"max": f"{max_size / (1024 * 1024):.1f}".replace(".", ",")},
        )
    if not content_matches_extension(file, extension):
        raise ValidationError(
            _(
                "Der Inhalt der Datei passt nicht zur Endung „.%(extension)s“. "
                "Bitte laden Sie eine echte %(kind)s-Datei hoch."
            ),
            code="content_mismatch",
            params={"extension": extension, "kind": extension.upper()},
        )


def validate_file_name(name):
    """No path parts, no control characters – also not percent-encoded, as browsers send them."""
    for candidate in (name, unquote(name)):
        base = candidate.replace("\\", "/")
        if "/" in base or base.startswith(".") or ".." in base.split("/"):
            raise ValidationError(
                _("Der Dateiname darf keine Pfadangaben wie „../“ oder „/“ enthalten."),
                code="unsafe_file_name",
            )
        if any(unicodedata.category(char) in ("Cc", "Cf") for char in candidate):
            raise ValidationError(
                _("Der Dateiname darf keine Zeilenumbrüche oder Steuerzeichen enthalten."),
                code="unsafe_file_name",
            )
    if not os.path.splitext(name)[0].strip():
        raise ValidationError(_("Die Datei braucht einen Namen."), code="unsafe_file_name")


def content_matches_extension(file, extension):
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        if extension == "pdf":
            # Strict on purpose: a header further in would let "<html>…%PDF-" through.
            return file.read(PDF_HEADER_WINDOW).lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"%PDF-")
        if extension in ("txt", "csv"):
            return _is_plain_text(file.read(64 * 1024))
        if extension in OOXML_FOLDERS or extension in OPENDOCUMENT_MIMETYPES or extension == "zip":
            return _zip_matches(file, extension)
        if extension == "mp4":
            # An ISO base media file opens with a box whose type is "ftyp".
            return file.read(12)[4:8] == b"ftyp"
        if extension == "webm":
            return file.read(4) == WEBM_MAGIC
        return False
    finally:
        file.seek(position)


def _is_plain_text(head):
    if b"\x00" in head:
        return False
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = head.decode("cp1252")
        except UnicodeDecodeError:
            return False
    return not text.lstrip("\ufeff \t\r\n").lower().encode().startswith(MARKUP_PREFIXES)


def _zip_matches(file, extension):
    if file.read(4) != b"PK\x03\x04":
        return False
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            names = archive.namelist()
            if extension == "zip":
                return True
            if extension in OOXML_FOLDERS:
                return "[Content_Types].xml" in names and any(
                    n.startswith(OOXML_FOLDERS[extension]) for n in names
                )
            return "mimetype" in names and (
                archive.read("mimetype").strip() == OPENDOCUMENT_MIMETYPES[extension]
            )
    except (zipfile.BadZipFile, KeyError, OSError):
        return False
