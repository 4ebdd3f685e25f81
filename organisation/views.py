"""The Fachbereiche in the admin; people's "Verband" menu shows them with the persons and
Fachgruppen (people/wagtail_hooks.py)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Fachbereich


class FachbereichViewSet(SnippetViewSet):
    model = Fachbereich
    icon = "folder-open-inverse"
    menu_label = _("Fachbereiche")
    list_display = ["name"]
