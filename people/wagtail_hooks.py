"""Admin for the association's people and structure: one "Verband" menu for all three snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import ContactPerson, Fachbereich, Fachgruppe


class ContactPersonViewSet(SnippetViewSet):
    model = ContactPerson
    icon = "user"
    menu_label = _("Ansprechpersonen")
    list_display = ["full_name", "role", "fachbereich", "live"]
    list_filter = ["fachbereich", "live"]
    ordering = ["last_name", "first_name"]


class FachbereichViewSet(SnippetViewSet):
    model = Fachbereich
    icon = "folder-open-inverse"
    menu_label = _("Fachbereiche")
    list_display = ["name"]


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
