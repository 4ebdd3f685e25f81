"""E-mail to the reviewers of the Fachbereich when content reaches "Fachliche Prüfung".

Wagtail's own notifier for approval tasks only knows tasks with fixed groups; this one asks the
task who reviews the object and reuses Wagtail's (translated) "task submitted" templates, so the
mail is in the recipient's admin language (German by default).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.admin.mail import (
    EmailNotificationMixin,
    Notifier,
    WorkflowStateRejectionEmailNotifier,
)
from wagtail.models import AbstractPage, TaskState

from .models import FachbereichReviewTask


class FachbereichReviewSubmissionNotifier(EmailNotificationMixin, Notifier):
    notification = "submitted"

    def __init__(self):
        super().__init__((TaskState,))

    def can_handle(self, instance, **kwargs):
        return super().can_handle(instance, **kwargs) and isinstance(
            instance.task.specific, FachbereichReviewTask
        )

    # Borrowed: see cms/borrowed.py (wagtail, a copy of
    # BaseGroupApprovalTaskStateEmailNotifier.get_context)
    def get_context(self, task_state, **kwargs):
        context = super().get_context(task_state, **kwargs)
        context["task"] = task_state.task.specific
        context["object"] = task_state.workflow_state.content_object
        context["model_name"] = context["object"]._meta.verbose_name
        if isinstance(context["object"], AbstractPage):
            context["page"] = context["object"].specific
        return context

    def get_recipient_users(self, task_state, **kwargs):
        obj = task_state.workflow_state.content_object
        obj = getattr(obj, "specific", obj)
        recipients = task_state.task.specific.reviewers(obj)
        if getattr(settings, "WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS", True):
            recipients = recipients | get_user_model().objects.filter(
                is_superuser=True, is_active=True
            )
        if kwargs.get("user") is not None:
            recipients = recipients.exclude(pk=kwargs["user"].pk)
        return recipients.distinct()


class RejectionToTheContentsPeopleNotifier(WorkflowStateRejectionEmailNotifier):
    """ "Änderungen anfordern" reaches the people who will make the changes, not only the
    submitter (whom Wagtail's own notifier mails): the content's responsible editor
    ("Verantwortlich", who keeps it current and gets its review reminders) and the author of
    the draft that was rejected (a colleague's draft submitted by the Redaktion goes back to
    the colleague). Each gets Wagtail's (translated) rejection mail with the comment; the one
    who rejected and the submitter get nothing from here."""

    def get_recipient_users(self, workflow_state, **kwargs):
        obj = getattr(workflow_state.content_object, "specific", workflow_state.content_object)
        task_state = workflow_state.current_task_state
        candidates = {
            getattr(obj, "responsible_editor", None),
            getattr(getattr(task_state, "revision", None), "user", None),
        }
        excluded = {workflow_state.requested_by, kwargs.get("user")}
        return {
            user
            for user in candidates
            if user is not None and user.is_active and user not in excluded
        }
