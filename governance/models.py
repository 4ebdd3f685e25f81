"""Editorial governance: Fachbereich roles, the review task, content owners and review dates.

This app sits below the content apps (topics, people import it) and stands on the association's
structure (``organisation``, whose Fachbereich it imports). The content apps' models it learns
only through what they register in ``governance.registry``.
"""

import datetime

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Task, TaskState

from organisation.models import Fachbereich


def review_interval():
    """From publishing (or a confirmed review) to the next review: ``REVIEW_INTERVAL_DAYS``
    (default 365, "one year after publishing unless chosen", issue 11)."""
    return datetime.timedelta(days=settings.REVIEW_INTERVAL_DAYS)


def _review_date_help():
    return _("Leer lassen: %(days)s Tage nach der Veröffentlichung.") % {
        "days": settings.REVIEW_INTERVAL_DAYS
    }


class FachbereichRole(models.Model):
    """Links a Fachbereich to one of its Wagtail groups (its editors or its reviewers).

    Rows and groups are created, renamed and deleted with the Fachbereich by
    ``governance.roles.sync_fachbereich_groups``; nobody maintains them by hand.
    """

    class Role(models.TextChoices):
        EDITORS = "editors", _("Redaktion im Fachbereich")
        REVIEWERS = "reviewers", _("Fachliche Prüfung")

    fachbereich = models.ForeignKey(
        Fachbereich,
        verbose_name=_("Fachbereich"),
        on_delete=models.CASCADE,
        related_name="roles",
    )
    role = models.CharField(_("Rolle"), max_length=20, choices=Role.choices)
    group = models.OneToOneField(
        Group, verbose_name=_("Gruppe"), on_delete=models.CASCADE, related_name="fachbereich_role"
    )

    class Meta:
        verbose_name = _("Fachbereichsrolle")
        verbose_name_plural = _("Fachbereichsrollen")
        constraints = [
            models.UniqueConstraint(fields=["fachbereich", "role"], name="one_group_per_role"),
        ]

    def __str__(self):
        return self.group.name


class FachbereichCollection(models.Model):
    """The collection (Wagtail's folder of images and documents) of a Fachbereich.

    Its editors upload into it and change what is in it; they choose from every collection.
    Created and renamed with the Fachbereich by ``governance.roles``; when the Fachbereich is
    deleted, the link goes and the collection with its files stays (nothing is lost).
    """

    fachbereich = models.OneToOneField(
        Fachbereich,
        verbose_name=_("Fachbereich"),
        on_delete=models.CASCADE,
        related_name="media_collection",
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        verbose_name=_("Sammlung"),
        on_delete=models.CASCADE,
        related_name="fachbereich_link",
    )

    class Meta:
        verbose_name = _("Sammlung eines Fachbereichs")
        verbose_name_plural = _("Sammlungen der Fachbereiche")

    def __str__(self):
        return self.collection.name


class ReviewedContentMixin(models.Model):
    """A responsible editor and the date of the next review, for content that goes stale.

    Without a chosen date, publishing sets the next review ``review_interval()`` later.
    """

    responsible_editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Verantwortlich"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Wer den Inhalt aktuell hält und an die Überprüfung erinnert wird."),
    )
    next_review_date = models.DateField(
        _("Nächste Überprüfung"),
        null=True,
        blank=True,
        help_text=_("Leer lassen: ein Jahr nach der Veröffentlichung."),
    )

    review_panels = [
        MultiFieldPanel(
            [
                FieldPanel("responsible_editor"),
                # The field's own help text says "a year"; this one follows the setting.
                FieldPanel("next_review_date", help_text=lazy(_review_date_help, str)()),
            ],
            heading=_("Verantwortung und Überprüfung"),
        )
    ]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # Publishing (pages and snippets) saves the live object; a draft save of a live object
        # passes update_fields without this field, so only publishing sets the default date.
        if getattr(self, "live", True) and self.next_review_date is None:
            self.next_review_date = timezone.localdate() + review_interval()
            update_fields = kwargs.get("update_fields")
            if update_fields is not None and "live" in update_fields:
                kwargs["update_fields"] = [*update_fields, "next_review_date"]
        super().save(*args, **kwargs)


class FachbereichReviewTask(Task):
    """Approval by the reviewers of the object's Fachbereich, whoever they are at that moment.

    Wagtail's group approval task names fixed groups; here the groups follow the object being
    reviewed (its ``fachbereich``), so one workflow serves every Fachbereich.
    """

    admin_form_fields = Task.admin_form_fields

    class Meta:
        verbose_name = _("Fachliche Prüfung durch den Fachbereich")
        verbose_name_plural = _("Fachliche Prüfungen durch den Fachbereich")

    @classmethod
    def get_description(cls):
        return _("Die Prüferinnen und Prüfer des Fachbereichs des Inhalts geben ihn frei.")

    @staticmethod
    def _fachbereich_id(obj):
        # Workflow states point at the base Page; the Fachbereich is on the specific page.
        return getattr(getattr(obj, "specific", obj), "fachbereich_id", None)

    @classmethod
    def reviewer_groups(cls, obj):
        fachbereich_id = cls._fachbereich_id(obj)
        if fachbereich_id is None:
            return Group.objects.none()
        return Group.objects.filter(
            fachbereich_role__fachbereich_id=fachbereich_id,
            fachbereich_role__role=FachbereichRole.Role.REVIEWERS,
        )

    def reviewers(self, obj):
        from django.contrib.auth import get_user_model

        return (
            get_user_model()
            .objects.filter(is_active=True, groups__in=self.reviewer_groups(obj))
            .distinct()
        )

    def is_reviewer(self, obj, user):
        if user.is_superuser:
            return True
        return user.is_active and user.groups.filter(pk__in=self.reviewer_groups(obj)).exists()

    def user_can_access_editor(self, obj, user):
        return self.is_reviewer(obj, user)

    def locked_for_user(self, obj, user):
        return not self.is_reviewer(obj, user)

    def user_can_lock(self, obj, user):
        return self.is_reviewer(obj, user)

    def user_can_unlock(self, obj, user):
        return False

    def get_actions(self, obj, user):
        if self.is_reviewer(obj, user):
            return [
                ("reject", _("Änderungen anfordern"), True),
                ("approve", _("Freigeben"), False),
                ("approve", _("Mit Kommentar freigeben"), True),
            ]
        return []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return states
        fachbereich_ids = set(
            FachbereichRole.objects.filter(
                role=FachbereichRole.Role.REVIEWERS, group__user=user
            ).values_list("fachbereich_id", flat=True)
        )
        if not fachbereich_ids:
            return TaskState.objects.none()
        allowed = [
            state.pk
            for state in states.select_related("workflow_state")
            if self._fachbereich_id(state.workflow_state.content_object) in fachbereich_ids
        ]
        return TaskState.objects.filter(pk__in=allowed)


class ReviewReminder(models.Model):
    """One reminder mail sent to an owner on a day, so a second run the same day sends none."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    sent_on = models.DateField()
    item_count = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("Erinnerung an Überprüfung")
        verbose_name_plural = _("Erinnerungen an Überprüfung")
        constraints = [
            models.UniqueConstraint(fields=["recipient", "sent_on"], name="one_reminder_a_day"),
        ]

    def __str__(self):
        return f"{self.recipient} {self.sent_on:%d.%m.%Y}"
