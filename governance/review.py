"""Content due for review: what is due, for whom, and how a review is confirmed.

Our own code rather than wagtail-periodic-review: its 0.5 release declares Wagtail 6/7 (not 8),
reviews pages only (contact persons are snippets), has no responsible editor (it uses the page's
creator) and sends no reminders; the dashboard panel and report it offers are the small part.
"""

from dataclasses import dataclass

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page

from . import registry
from .models import review_interval

REVIEWED_ACTION = "governance.reviewed"


@dataclass(frozen=True)
class DueItem:
    """One page or snippet whose review date has come."""

    obj: object
    title: str
    kind: str
    next_review_date: object
    owner: object
    fachbereich: object
    edit_url: str

    @property
    def confirm_url(self):
        meta = self.obj._meta
        return reverse(
            "governance_confirm_review", args=[meta.app_label, meta.model_name, self.obj.pk]
        )


def _edit_url(obj):
    if isinstance(obj, Page):
        return reverse("wagtailadmin_pages:edit", args=[obj.pk])
    return reverse(
        f"wagtailsnippets_{obj._meta.app_label}_{obj._meta.model_name}:edit", args=[obj.pk]
    )


def due_items(*, today=None, owner=None, fachbereich=None, fachbereiche=None):
    """Live content whose next review date is today or earlier, oldest first; with
    ``fachbereiche`` (ids) only the content of those Fachbereiche."""
    today = today or timezone.localdate()
    items = []
    for model in registry.reviewed_models():
        queryset = model._default_manager.filter(next_review_date__lte=today)
        if hasattr(model, "live"):
            queryset = queryset.filter(live=True)
        if owner is not None:
            queryset = queryset.filter(responsible_editor=owner)
        if fachbereich is not None:
            queryset = queryset.filter(fachbereich=fachbereich)
        if fachbereiche is not None:
            queryset = queryset.filter(fachbereich_id__in=fachbereiche)
        for obj in queryset.select_related("responsible_editor", "fachbereich"):
            items.append(
                DueItem(
                    obj=obj,
                    title=str(obj.title if isinstance(obj, Page) else obj),
                    kind=str(model._meta.verbose_name),
                    next_review_date=obj.next_review_date,
                    owner=obj.responsible_editor,
                    fachbereich=obj.fachbereich,
                    edit_url=_edit_url(obj),
                )
            )
    return sorted(items, key=lambda item: (item.next_review_date, item.title))


def user_can_review(user, obj):
    """Whoever may edit the object may confirm its review."""
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_edit()
    from wagtail.permissions import policy_registry

    return policy_registry.get(obj).user_has_permission_for_instance(user, "change", obj)


@transaction.atomic
def confirm_unchanged(obj, user, *, today=None):
    """ "Geprüft, unverändert": the next review is due ``review_interval()`` from today; logged
    for the audit.

    Only the date changes, on the live row and in the latest revision's content alike, so that
    publishing the next draft keeps it. No new revision, nothing republished.
    """
    today = today or timezone.localdate()
    previous = obj.next_review_date
    obj.next_review_date = today + review_interval()
    type(obj)._default_manager.filter(pk=obj.pk).update(next_review_date=obj.next_review_date)
    revision = getattr(obj, "latest_revision", None)
    if revision is not None and "next_review_date" in revision.content:
        revision.content["next_review_date"] = obj.next_review_date.isoformat()
        revision.save(update_fields=["content"])
    log(
        instance=obj,
        action=REVIEWED_ACTION,
        user=user,
        data={
            "previous_review_date": previous.isoformat() if previous else None,
            "next_review_date": obj.next_review_date.isoformat(),
        },
    )
    return obj.next_review_date
