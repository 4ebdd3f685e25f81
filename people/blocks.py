from django.utils.translation import gettext_lazy as _
from pydantic import Field
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from blocks.base import ResolvedBlock
from content.resolution import list_items
from content.values import Value
from content.visibility import visible

from .models import ContactPerson
from .values import ContactPersonValue, contact_person_value


class ContactPersonsValue(Value):
    heading: str
    persons: list[ContactPersonValue] = Field(description="Published persons, editor's order.")


class ContactPersonsBlock(ResolvedBlock, blocks.StructBlock):
    """Contact persons shown inside the body, e.g. for one section of a long page."""

    heading = blocks.CharBlock(label=_("Überschrift"), default="Ansprechpersonen", max_length=200)
    persons = blocks.ListBlock(
        SnippetChooserBlock("people.ContactPerson", label=_("Person")),
        label=_("Personen"),
        min_num=1,
    )

    value_type = ContactPersonsValue

    class Meta:
        icon = "user"
        label = _("Ansprechpersonen")
        template = "people/blocks/contact_persons.html"
        description = _(
            "Kontaktkarten ausgewählter Ansprechpersonen mit Foto, Funktion und Kontakt."
        )

    preview_empty_text = _("Es gibt noch keine veröffentlichten Ansprechpersonen.")

    def get_preview_value(self):
        persons = list(visible(ContactPerson.objects.order_by("pk"))[:2])
        return self.normalize({"heading": "Ansprechpersonen", "persons": persons})

    def get_searchable_content(self, value):
        """Nothing: the heading is shown only over a published person, which the search
        index cannot follow (persons are found on their own)."""
        return []

    def resolve(self, raw, res):
        persons = [res.get(ContactPerson, pk) for pk in list_items(raw.get("persons"))]
        persons = [contact_person_value(person, res) for person in persons if person]
        if not persons:
            return None  # no heading over an empty list
        return ContactPersonsValue(heading=raw.get("heading") or "", persons=persons)
