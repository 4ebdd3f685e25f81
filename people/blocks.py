from django.utils.translation import gettext_lazy as _
from ninja import Schema
from pydantic import Field
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from home.references import references_from
from home.schemas import request_from

from .schemas import ContactPersonSchema, contact_person_representation


class ContactPersonsBlockSchema(Schema):
    heading: str
    persons: list[ContactPersonSchema] = Field(description="Published persons, editor's order.")


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

    api_schema = ContactPersonsBlockSchema

    def get_api_representation(self, value, context=None):
        references_from(context, value)  # loads the persons' photos and renditions in bulk
        request = request_from(context)
        return {
            "heading": value["heading"],
            "persons": [
                contact_person_representation(person, request)
                for person in value["persons"]
                if person and person.live
            ],
        }
