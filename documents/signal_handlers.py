"""Keeps a publication's derived data in step with its file.

- A new or replaced file (or a move between public and private collections) queues the
  metadata extraction task once the transaction commits, so a worker sees the saved row.
- A replaced file with a new name leaves a redirect from the old download URL, which would
  otherwise 404 because Wagtail's serve URL contains the file name.
- Deleting a publication deletes its generated cover image.
"""

import os

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect

from .models import Publication
from .tasks import extract_publication_metadata_task


def remember_previous_file(instance, raw=False, update_fields=None, **kwargs):
    instance._previous = None
    if raw or instance.pk is None:
        return
    if update_fields is not None and not {"file", "collection"} & set(update_fields):
        return
    instance._previous = (
        Publication.objects.filter(pk=instance.pk).values_list("file", "collection_id").first()
    )


def after_save(instance, created, raw=False, **kwargs):
    if raw:
        return
    previous = getattr(instance, "_previous", None)
    file_changed = created or (previous is not None and previous[0] != instance.file.name)
    collection_changed = previous is not None and previous[1] != instance.collection_id
    if previous is not None and file_changed:
        redirect_old_download_url(instance, os.path.basename(previous[0]))
    if file_changed or collection_changed:
        pk = instance.pk
        transaction.on_commit(
            lambda: extract_publication_metadata_task.enqueue(pk, refresh=collection_changed)
        )


def redirect_old_download_url(publication, old_filename):
    old_url = reverse("wagtaildocs_serve", args=(publication.pk, old_filename))
    new_url = publication.url
    if old_url == new_url:
        return
    # Links to even older names follow along, and a name used again serves directly.
    Redirect.objects.filter(redirect_link=old_url).update(redirect_link=new_url)
    Redirect.objects.filter(old_path=Redirect.normalise_path(new_url)).delete()
    Redirect.add_redirect(old_url, new_url, is_permanent=False, automatically_created=True)


def delete_generated_cover(instance, **kwargs):
    cover_id = instance.cover_image_id
    if cover_id:
        from wagtail.images import get_image_model

        transaction.on_commit(lambda: get_image_model().objects.filter(pk=cover_id).delete())


def register_signal_handlers():
    pre_save.connect(remember_previous_file, sender=Publication)
    post_save.connect(after_save, sender=Publication)
    post_delete.connect(delete_generated_cover, sender=Publication)
