"""Admin uploads that survive a storage outage: a German form error instead of a server error.

If the object store (S3) or the media disk cannot take a file, Wagtail's upload views answer
with a server error. The mixins here answer with a German form error instead, and nothing is
left half-saved: the row is written in the same database transaction as the file and rolled
back with it, and a file that did reach the storage before the failure is deleted again (what
cannot be deleted while the store is away is swept later: ``remove_orphan_documents`` for
documents). Used for documents (documents/admin_views.py) and images (ops/wagtail_hooks.py).
"""

import logging

from botocore.exceptions import BotoCoreError, ClientError
from django.db import transaction
from django.http import JsonResponse

logger = logging.getLogger(__name__)

STORAGE_ERRORS = (BotoCoreError, ClientError, OSError)
MESSAGE = (
    "Die Datei konnte nicht gespeichert werden, weil der Dateispeicher gerade nicht erreichbar "
    "ist. Es wurde nichts gespeichert. Bitte versuchen Sie es in einigen Minuten noch einmal."
)


# Borrowed: see cms/borrowed.py (django FileField.pre_save: FieldFile._committed)
def remove_partial_file(obj):
    """Delete the file of an object whose row was rolled back, if it reached the storage."""
    file = getattr(obj, "file", None) if obj is not None else None
    name = getattr(file, "name", "")
    if not name or getattr(file, "_committed", True) is False:
        return
    try:
        if file.storage.exists(name):
            file.storage.delete(name)
    except STORAGE_ERRORS:
        logger.exception("Could not remove %s after a failed upload", name)


class StorageSafeCreateMixin:
    """For Wagtail's generic create views with a ``file`` field."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except STORAGE_ERRORS:
            logger.exception("Upload failed: the storage did not take the file")
            remove_partial_file(form.instance)
            form.add_error("file", MESSAGE)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class StorageSafeMultipleAddMixin:
    """For Wagtail's multiple upload views (drag and drop): their JSON error."""

    def post(self, request, *args, **kwargs):
        try:
            with transaction.atomic():  # the row, if any, goes with the failed file
                return super().post(request, *args, **kwargs)
        except STORAGE_ERRORS:
            logger.exception("Upload failed: the storage did not take the file")
            remove_partial_file(getattr(self, "object", None))
            return JsonResponse({"success": False, "error_message": MESSAGE})
