"""The association's structure: its Fachbereiche.

Its own app below governance and people, because both stand on it: governance gives each
Fachbereich its groups and collection, people and topics assign contact persons, Fachgruppen and
topic pages to one. Each of them imports the Fachbereich from here (downwards); the Fachbereich
knows none of them.
"""

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from content.translated import translations_field

TRANSLATIONS_HELP = _(
    "Name und Beschreibung in anderen Sprachen der Website, je Sprache einmal. Wo eine "
    "Übersetzung fehlt, zeigt die Seite in dieser Sprache den deutschen Text."
)


class Fachbereich(index.Indexed, models.Model):
    """A department of the association, e.g. "Migration und Flüchtlingsarbeit"."""

    name = models.CharField(
        _("Name"),
        max_length=255,
        unique=True,
        help_text=_("Ohne das Wort „Fachbereich“, z. B. „Migration und Flüchtlingsarbeit“."),
    )
    description = models.TextField(
        _("Beschreibung"),
        blank=True,
        help_text=_("Kurze Beschreibung der Aufgaben des Fachbereichs (optional)."),
    )

    translations = translations_field(
        ("name", blocks.CharBlock(label=_("Name"), max_length=255)),
        ("description", blocks.TextBlock(label=_("Beschreibung"), required=False)),
        help_text=TRANSLATIONS_HELP,
    )

    # The Fachbereich itself is the administration's; the Redaktion and the Fachbereich's
    # editors, who may change it for its translations only (governance's policy), do not see
    # the other fields.
    panels = [
        FieldPanel("name", permission="organisation.change_fachbereich"),
        FieldPanel("description", permission="organisation.change_fachbereich"),
        FieldPanel("translations"),
    ]
    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("description"),
    ]

    class Meta:
        verbose_name = _("Fachbereich")
        verbose_name_plural = _("Fachbereiche")
        ordering = [Lower("name")]

    def __str__(self):
        return self.name
