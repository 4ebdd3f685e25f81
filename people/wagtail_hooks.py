"""Admin for the association's people and structure: one "Verband" menu for the contact persons,
the Fachbereiche (organisation app) and the Fachgruppen."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    DeleteView,
    EditView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from governance.permissions import FachbereichInstanceViewMixin
from organisation.views import FachbereichViewSet

from .models import ContactPerson, Fachgruppe


class ContactPersonEditView(FachbereichInstanceViewMixin, EditView):
    pass


class ContactPersonDeleteView(FachbereichInstanceViewMixin, DeleteView):
    pass


class ContactPersonViewSet(SnippetViewSet):
    model = ContactPerson
    edit_view_class = ContactPersonEditView
    delete_view_class = ContactPersonDeleteView
    icon = "user"
    menu_label = _("Ansprechpersonen")
    list_display = ["display_name", "role", "fachbereich", "live"]
    list_filter = ["fachbereich", "live"]
    ordering = ["last_name", "first_name"]


class FachgruppeViewSet(SnippetViewSet):
    model = Fachgruppe
    icon = "group"
    menu_label = _("Fachgruppen")
    list_display = ["name", "fachbereich", "lead"]
    list_filter = ["fachbereich"]


class VerbandViewSetGroup(SnippetViewSetGroup):
    items = (ContactPersonViewSet, FachbereichViewSet, FachgruppeViewSet)
    menu_icon = "group"
    menu_label = _("Verband")
    menu_name = "verband"
    menu_order = 200


register_snippet(VerbandViewSetGroup)
