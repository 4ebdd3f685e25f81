"""Where document files live: a storage of their own that no public URL reaches.

Images and their renditions are public and stay in Django's default storage (``MEDIA_ROOT``,
served under ``MEDIA_URL``, or the bucket's public prefix). Documents may sit in private
collections, so their files are kept apart (``STORAGES["documents"]``: a folder outside
``MEDIA_ROOT``, or a private prefix/bucket on S3) and reach readers only through Wagtail's
serve view, which checks the collection's privacy first.
"""

from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.deconstruct import deconstructible
from django.utils.functional import LazyObject, empty


@deconstructible
class PrivateFileSystemStorage(FileSystemStorage):
    """Local files with no URL at all: Wagtail's serve view then streams them itself."""

    def url(self, name):
        raise NotImplementedError("Private files have no URL; they are served by a view.")


# Borrowed: see cms/borrowed.py (django LazyObject: _setup, _wrapped)
class DocumentStorage(LazyObject):
    """``storages["documents"]``, looked up when first used (and again after a test changes
    ``STORAGES``), as Django's ``default_storage`` is."""

    def _setup(self):
        self._wrapped = storages["documents"]


document_storage = DocumentStorage()


def get_document_storage():
    """The storage of ``Publication.file`` (a callable, so migrations name no backend)."""
    return document_storage


# Borrowed: see cms/borrowed.py (django LazyObject: _wrapped)
@receiver(setting_changed)
def _reset(setting, **kwargs):
    if setting == "STORAGES":
        document_storage._wrapped = empty
