from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class ContactPersonsBlock(blocks.StructBlock):
    """Contact persons shown inside the body, e.g. for one section of a long page."""

    heading = blocks.CharBlock(label=_("Überschrift"), default="Ansprechpersonen", max_length=200)
    persons = blocks.ListBlock(
        SnippetChooserBlock("people.ContactPerson", label=_("Person")),
        label=_("Personen"),
        min_num=1,
    )

    class Meta:
        icon = "user"
        label = _("Ansprechpersonen")
        template = "people/blocks/contact_persons.html"
        description = _(
            "Kontaktkarten ausgewählter Ansprechpersonen mit Foto, Funktion und Kontakt."
        )
