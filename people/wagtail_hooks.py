"""Admin for the association's people and structure: one "Verband" menu for the contact persons,
the Fachbereiche (organisation app) and the Fachgruppen."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    DeleteView,
    EditView,
    HistoryView,
    PreviewRevisionView,
    RevisionsCompareView,
    RevisionsUnscheduleView,
    SnippetViewSet,
    SnippetViewSetGroup,
    UnpublishView,
    UsageView,
    WorkflowHistoryDetailView,
    WorkflowHistoryView,
)

from governance.permissions import FachbereichInstanceViewMixin, visible_snippets
from organisation.views import FachbereichViewSet

from .models import ContactPerson, Fachgruppe


def _scoped(view_class):
    """``view_class`` asking the Fachbereich policy about the person it shows: a Fachbereich
    editor sees the drafts, revisions, history and comparisons of their own Fachbereich's
    contact persons only (403 for another Fachbereich's, as for its edit view)."""
    return type(view_class.__name__, (FachbereichInstanceViewMixin, view_class), {})


class ContactPersonViewSet(SnippetViewSet):
    model = ContactPerson
    edit_view_class = _scoped(EditView)
    delete_view_class = _scoped(DeleteView)
    history_view_class = _scoped(HistoryView)
    usage_view_class = _scoped(UsageView)
    revisions_view_class = _scoped(PreviewRevisionView)
    revisions_compare_view_class = _scoped(RevisionsCompareView)
    revisions_unschedule_view_class = _scoped(RevisionsUnscheduleView)
    unpublish_view_class = _scoped(UnpublishView)
    workflow_history_view_class = _scoped(WorkflowHistoryView)
    workflow_history_detail_view_class = _scoped(WorkflowHistoryDetailView)
    icon = "user"
    menu_label = _("Ansprechpersonen")
    list_display = ["display_name", "role", "fachbereich", "live"]
    list_filter = ["fachbereich", "live"]
    ordering = ["last_name", "first_name"]

    def get_queryset(self, request):
        # Another Fachbereich's unpublished person is not listed for a Fachbereich editor.
        return visible_snippets(request.user, ContactPerson._default_manager.all())


class TranslatableFachbereichViewSet(FachbereichViewSet):
    """The Fachbereiche, whose edit view asks the policy about the Fachbereich: its editors and
    the Redaktion translate it (people/apps.py), the administration edits it."""

    edit_view_class = _scoped(EditView)
    history_view_class = _scoped(HistoryView)
    usage_view_class = _scoped(UsageView)


class FachgruppeViewSet(SnippetViewSet):
    model = Fachgruppe
    edit_view_class = _scoped(EditView)
    history_view_class = _scoped(HistoryView)
    usage_view_class = _scoped(UsageView)
    icon = "group"
    menu_label = _("Fachgruppen")
    list_display = ["name", "fachbereich", "lead"]
    list_filter = ["fachbereich"]


class VerbandViewSetGroup(SnippetViewSetGroup):
    items = (ContactPersonViewSet, TranslatableFachbereichViewSet, FachgruppeViewSet)
    menu_icon = "group"
    menu_label = _("Verband")
    menu_name = "verband"
    menu_order = 200


register_snippet(VerbandViewSetGroup)
