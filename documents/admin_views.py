"""The admin's document upload views, unchanged except when the file storage is away.

If the object store (S3) or the media disk cannot take the file, Wagtail's views would answer
with a server error. These answer with a German form error instead. Nothing is left half-saved:
the row is written in the same database transaction as the file and rolled back with it, and a
file that did reach the storage before the failure is deleted again.
"""

import logging

from botocore.exceptions import BotoCoreError, ClientError
from django.db import transaction
from django.http import JsonResponse
from wagtail.documents.views import documents, multiple

logger = logging.getLogger(__name__)

STORAGE_ERRORS = (BotoCoreError, ClientError, OSError)
MESSAGE = (
    "Die Datei konnte nicht gespeichert werden, weil der Dateispeicher gerade nicht erreichbar "
    "ist. Es wurde nichts gespeichert. Bitte versuchen Sie es in einigen Minuten noch einmal."
)


def remove_partial_file(document):
    """Delete the file of a document whose row was rolled back, if it reached the storage."""
    name = getattr(document.file, "name", "") if document is not None else ""
    if not name or getattr(document.file, "_committed", True) is False:
        return
    try:
        if document.file.storage.exists(name):
            document.file.storage.delete(name)
    except STORAGE_ERRORS:
        logger.exception("Could not remove %s after a failed upload", name)


class CreateView(documents.CreateView):
    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except STORAGE_ERRORS:
            logger.exception("Document upload failed: the storage did not take the file")
            remove_partial_file(form.instance)
            form.add_error("file", MESSAGE)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class MultipleAddView(multiple.AddView):
    def post(self, request, *args, **kwargs):
        try:
            with transaction.atomic():  # the row, if any, goes with the failed file
                return super().post(request, *args, **kwargs)
        except STORAGE_ERRORS:
            logger.exception("Document upload failed: the storage did not take the file")
            remove_partial_file(getattr(self, "object", None))
            return JsonResponse({"success": False, "error_message": MESSAGE})
