"""Files in the documents' storage that no publication holds, left by uploads that failed half-way.

An upload writes the file first and commits the publication's row afterwards; when the object
store fails in between, the upload view deletes what it stored (``admin_views``). Two cases
leave something it cannot delete at that moment:

- the store took the file but went away before it answered: the view never learns the file is
  there, and could not reach the store to delete it anyway;
- a large file goes up in parts (S3 multipart upload) and the store went away after some parts:
  the parts stay in the bucket, invisible in its listing but stored (and billed), until the
  upload is aborted.

(A process killed between writing the file and committing its row leaves the first kind too.)
:func:`remove_orphans` clears both once the store answers again: files that no publication
references and incomplete multipart uploads, each only when older than ``older_than`` seconds,
so that an upload still in progress (file written, row not yet committed) is never touched.
Run by ``manage.py remove_orphan_documents`` (see the Procfile).
"""

import dataclasses
import datetime
import logging

from django.utils import timezone

from .storage import document_storage

logger = logging.getLogger(__name__)


@dataclasses.dataclass
class Result:
    files: list  # names of the removed (or, on a dry run, removable) files
    uploads: list  # keys of the aborted incomplete multipart uploads


def _walk(storage, folder=""):
    folders, files = storage.listdir(folder)
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for sub in folders:
        yield from _walk(storage, f"{folder}/{sub}" if folder else sub)


def _incomplete_uploads(storage):
    """(key, upload id, started) of the S3 multipart uploads below the storage's location;
    nothing for storages that are not S3."""
    try:
        client, bucket = storage.connection.meta.client, storage.bucket_name
    except AttributeError:
        return
    prefix = f"{storage.location.strip('/')}/" if storage.location else ""
    for page in client.get_paginator("list_multipart_uploads").paginate(
        Bucket=bucket, Prefix=prefix
    ):
        for upload in page.get("Uploads", ()):
            yield upload["Key"], upload["UploadId"], upload["Initiated"]


def remove_orphans(older_than=3600, dry_run=False):
    """Remove the orphaned files and incomplete uploads older than ``older_than`` seconds."""
    from .models import Publication

    storage = document_storage
    cutoff = timezone.now() - datetime.timedelta(seconds=older_than)
    # Listed before the rows are read: a file whose row commits in between counts as held.
    names = list(_walk(storage))
    held = set(Publication.objects.values_list("file", flat=True))
    result = Result(files=[], uploads=[])
    for name in names:
        if name in held or storage.get_modified_time(name) > cutoff:
            continue
        if not dry_run:
            storage.delete(name)
            logger.warning("Removed %s from the documents' storage: no publication holds it", name)
        result.files.append(name)
    for key, upload_id, started in _incomplete_uploads(storage):
        if started > cutoff:
            continue
        if not dry_run:
            storage.connection.meta.client.abort_multipart_upload(
                Bucket=storage.bucket_name, Key=key, UploadId=upload_id
            )
            logger.warning("Aborted the incomplete upload of %s", key)
        result.uploads.append(key)
    return result
