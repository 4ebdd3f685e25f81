"""Admin integration: the dashboard panel, the report, the review action and its log entry."""

from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from .review import REVIEWED_ACTION, due_items
from .views import ConfirmReviewView, OverdueReportView


class DueForReviewPanel(Component):
    """Dashboard: the signed-in editor's own content whose review is due."""

    name = "governance_due_for_review"
    order = 90
    template_name = "governance/due_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        return {
            "items": due_items(owner=self.request.user),
            "request": self.request,
            "today": timezone.localdate(),
        }


@hooks.register("construct_homepage_panels")
def add_due_panel(request, panels):
    panels.append(DueForReviewPanel(request))


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "ueberpruefung/",
            OverdueReportView.as_view(),
            name="governance_overdue_report",
        ),
        path(
            "ueberpruefung/geprueft/<str:app_label>/<str:model_name>/<int:pk>/",
            ConfirmReviewView.as_view(),
            name="governance_confirm_review",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_overdue_report_menu_item():
    return MenuItem(
        _("Überprüfung fällig"),
        reverse("governance_overdue_report"),
        icon_name="calendar-alt",
        order=50,
    )


def _default_responsible_editor(request, obj):
    """Whoever creates a page or snippet is responsible for it until someone else is chosen."""
    from .models import ReviewedContentMixin

    obj = getattr(obj, "specific", obj)
    if isinstance(obj, ReviewedContentMixin) and obj.responsible_editor_id is None:
        obj.responsible_editor = request.user
        type(obj)._default_manager.filter(pk=obj.pk).update(responsible_editor=request.user)
        revision = getattr(obj, "latest_revision", None)
        if revision is not None and "responsible_editor" in revision.content:
            revision.content["responsible_editor"] = request.user.pk
            revision.save(update_fields=["content"])


@hooks.register("after_create_page")
def responsible_for_new_page(request, page):
    _default_responsible_editor(request, page)


@hooks.register("after_create_snippet")
def responsible_for_new_snippet(request, instance):
    _default_responsible_editor(request, instance)


@hooks.register("register_log_actions")
def register_review_log_action(actions):
    actions.register_action(REVIEWED_ACTION, _("Geprüft, unverändert"), _("Geprüft, unverändert"))
