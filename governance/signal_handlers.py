"""Keeps groups, permissions and the workflow in step with the content (see roles.py)."""

from django.db.models.signals import post_migrate, post_save, pre_delete
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import copy_for_translation_done, task_submitted, workflow_rejected

from organisation.models import Fachbereich

from . import roles
from .notifications import FachbereichReviewSubmissionNotifier, RejectionToTheContentsPeopleNotifier

review_submission_notifier = FachbereichReviewSubmissionNotifier()
rejection_notifier = RejectionToTheContentsPeopleNotifier()


def on_fachbereich_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        roles.sync_fachbereich_groups(instance)


def on_fachbereich_deleted(sender, instance, **kwargs):
    roles.delete_fachbereich_groups(instance)


def on_section_saved(sender, instance, created=False, raw=False, **kwargs):
    if created and not raw:
        roles.sync_all()


def on_translation_created(sender, source_obj=None, target_obj=None, **kwargs):
    """A site's home page in a new language: the Redaktion gets its permissions there."""
    from wagtail.models import Site

    key = getattr(target_obj, "translation_key", None)
    if key is not None and Site.objects.filter(root_page__translation_key=key).exists():
        roles.sync_redaktion_group()


def on_migrated(sender, using="default", **kwargs):
    # The content types and permissions exist once all apps are migrated.
    if sender.name == "governance":
        roles.sync_all()


def register():
    post_save.connect(on_fachbereich_saved, sender=Fachbereich, dispatch_uid="governance_fb_saved")
    pre_delete.connect(
        on_fachbereich_deleted, sender=Fachbereich, dispatch_uid="governance_fb_deleted"
    )
    post_migrate.connect(on_migrated, dispatch_uid="governance_migrated")
    copy_for_translation_done.connect(
        on_translation_created, dispatch_uid="governance_translation_created"
    )
    task_submitted.connect(
        review_submission_notifier,
        sender=TaskState,
        dispatch_uid="governance_review_submitted_email",
    )
    workflow_rejected.connect(
        rejection_notifier, sender=WorkflowState, dispatch_uid="governance_rejected_email"
    )
