"""E-mail to the reviewers of the Fachbereich when content reaches "Fachliche Prüfung".

Wagtail's own notifier for approval tasks only knows tasks with fixed groups; this one asks the
task who reviews the object and reuses Wagtail's (translated) "task submitted" templates, so the
mail is in the recipient's admin language (German by default).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.admin.mail import EmailNotificationMixin, Notifier
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
