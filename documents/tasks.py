"""Background work on publications, through Django's tasks framework (django-tasks).

With the default immediate backend the task runs inline when the upload's transaction commits;
with a queue backend (``TASKS`` setting) a worker runs it, so large PDFs do not hold up the
editor's request.
"""

import io
import logging

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.mail import send_mail
from django.db import transaction
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

from content.visibility import is_visible

from .sandbox import PdfRefused, analyse_pdf

logger = logging.getLogger(__name__)


@task()
def extract_publication_metadata_task(publication_id, refresh=False):
    """Fill page count, size, text, tagging and cover of one publication from its file.

    ``refresh`` reads an already read file again, e.g. after a move between a public and a
    private collection (private publications get no cover image).
    """
    from .models import Publication

    publication = Publication.objects.filter(pk=publication_id).first()
    if publication is None:  # deleted before the worker got to it
        return
    extract_publication_metadata(publication, refresh=refresh)


def extract_publication_metadata(publication, refresh=False):
    """Idempotent: a file whose content was already read is not read again."""
    try:
        with publication.open_file() as f:
            data = f.read()
    except Exception:  # missing file in storage, storage outage …
        logger.exception("Publication %s: could not read its file", publication.pk)
        return
    # Wagtail's own file hash, so that it matches file_hash set by the admin forms.
    content_hash = hash_filelike(io.BytesIO(data))
    if publication.extracted_file_hash == content_hash and not refresh:
        return

    publication.file_size = len(data)
    publication.file_hash = content_hash
    publication.page_count = None
    publication.full_text = ""
    new_cover = None
    if publication.file_extension == "pdf":
        try:
            info, png = analyse_pdf(data, cover=is_visible(publication))
        except PdfRefused as refused:
            refuse(publication, str(refused))
            return
        except Exception:
            logger.warning(
                "Publication %s: the PDF could not be read; metadata stay empty",
                publication.pk,
                exc_info=True,
            )
        else:
            publication.page_count = info.page_count
            publication.full_text = info.text
            # For PDFs the tagging is read from the file; for other formats the editor decides.
            publication.is_accessible = info.is_tagged
            if png is not None:
                new_cover = _cover_image(publication, png)
    publication.extracted_file_hash = content_hash

    with transaction.atomic():
        old_cover = publication.cover_image
        publication.cover_image = new_cover
        publication.save(
            update_fields=[
                "file_size",
                "file_hash",
                "page_count",
                "full_text",
                "is_accessible",
                "cover_image",
                "extracted_file_hash",
            ]
        )
        if old_cover is not None and old_cover != new_cover:
            old_cover.delete()


def _cover_image(publication, png):
    image = get_image_model()(
        title=f"Titelbild: {publication.title}"[:255],
        collection=publication.collection,
        file=ImageFile(ContentFile(png), name=f"titelbild-{publication.pk}.png"),
        # What Wagtail's upload forms record of a new file.
        file_size=len(png),
        file_hash=hash_filelike(io.BytesIO(png)),
    )
    image.save()
    return image


def refuse(publication, reason):
    """A PDF over a limit is not kept: the publication and its file are deleted (no record
    without its metadata stays behind), and whoever uploaded it is told why by mail."""
    title, uploader = publication.title, publication.uploaded_by_user
    logger.warning("Publication %s refused: %s", publication.pk, reason)
    publication.delete()
    if uploader is not None and uploader.email:
        send_mail(
            subject=_("Publikation abgelehnt: %(title)s") % {"title": title},
            message=_(
                "Die hochgeladene Datei der Publikation „%(title)s“ wurde nicht übernommen: "
                "%(reason)s\n\nBitte laden Sie eine kleinere oder vereinfachte Fassung hoch "
                "(z. B. „Für Web optimieren“ im PDF-Programm)."
            )
            % {"title": title, "reason": reason},
            from_email=None,
            recipient_list=[uploader.email],
            fail_silently=True,
        )
