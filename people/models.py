"""Contact persons and the association's Fachgruppen (each in a Fachbereich, organisation app).

Both are snippets: edited once, shown on many pages. Pages refer to them by foreign key
or chooser block, so Wagtail's reference index tracks every usage and warns before deletion.
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from content.translated import translations_field
from governance.models import ReviewedContentMixin
from organisation.models import TRANSLATIONS_HELP, Fachbereich

from .forms import ContactPersonForm

NAME_OR_ROLE = _(
    "Bitte geben Sie einen Namen oder eine Funktion an. Ohne Namen erscheint die "
    "Ansprechperson mit ihrer Funktion, z. B. „Referentin Kinder- und Jugendhilfe“."
)


class ContactPerson(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    ReviewedContentMixin,
    index.Indexed,
    models.Model,
):
    """A person visitors can contact about a topic. Only published persons appear on the site.

    A contact may be named only by its function (``role``, e.g. "Referentin Kinder- und
    Jugendhilfe") and have no first or last name: a position whose holder is not named. It is
    shown, found and listed by its function then (``display_name``); a name or a function is
    required.
    """

    academic_title = models.CharField(
        _("Akademischer Titel"),
        max_length=50,
        blank=True,
        help_text=_("Z. B. „Dr.“ oder „Prof. Dr.“. Leer lassen, wenn keiner geführt wird."),
    )
    first_name = models.CharField(_("Vorname"), max_length=100, blank=True)
    last_name = models.CharField(_("Nachname"), max_length=100, blank=True)
    role = models.CharField(
        _("Funktion"),
        max_length=255,
        blank=True,
        help_text=_(
            "Wie auf der Website angezeigt, z. B. „Fachreferentin Migration“. Ohne Namen "
            "erscheint die Ansprechperson nur mit ihrer Funktion."
        ),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Porträtfoto. Ohne Foto werden die Initialen angezeigt."),
    )
    email = models.EmailField(_("E-Mail-Adresse"), blank=True)
    phone = models.CharField(
        _("Telefon"),
        max_length=50,
        blank=True,
        help_text=_("Mit Vorwahl, z. B. „0202 2822-000“."),
    )
    fachbereich = models.ForeignKey(
        Fachbereich,
        verbose_name=_("Fachbereich"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contact_persons",
    )
    # The function in other languages (the name, e-mail and phone are the same in every one).
    translations = translations_field(
        ("role", blocks.CharBlock(label=_("Funktion"), max_length=255)),
        help_text=_(
            "Die Funktion in anderen Sprachen der Website, je Sprache einmal (der Name bleibt "
            "unübersetzt). Wo eine Übersetzung fehlt, zeigt die Seite die deutsche Funktion."
        ),
    )
    # Deleting a person deletes its revisions too (Wagtail's documented pattern).
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="contact_person")
    # Contact persons go through the review workflow too (governance); their workflow states
    # are deleted with them.
    _workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="contact_person",
        for_concrete_model=False,
    )

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("academic_title"), FieldPanel("first_name")]),
                FieldPanel("last_name"),
            ],
            heading=_("Name"),
        ),
        FieldPanel("role"),
        FieldPanel("translations"),
        # Not deferred on a draft (governance.forms.FachbereichChoiceMixin).
        FieldPanel("fachbereich", required_on_save=True),
        FieldPanel("photo"),
        MultiFieldPanel(
            [FieldPanel("email"), FieldPanel("phone")],
            heading=_("Kontakt"),
        ),
        *ReviewedContentMixin.review_panels,
    ]
    search_fields = [
        index.SearchField("first_name"),
        index.SearchField("last_name", boost=2),
        index.SearchField("role"),
        # Suggestions complete what a contact is called: its name, or its function alone.
        index.AutocompleteField("display_name"),
        index.RelatedFields("fachbereich", [index.SearchField("name")]),
        index.FilterField("live"),
    ]

    # Loaded with every person that is delivered (see content.resolution).
    value_select_related = ("photo",)
    base_form_class = ContactPersonForm

    class Meta:
        verbose_name = _("Ansprechperson")
        verbose_name_plural = _("Ansprechpersonen")
        ordering = ["last_name", "first_name"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(first_name="", last_name="", role=""),
                name="contactperson_name_or_role",
                violation_error_message=NAME_OR_ROLE,
            )
        ]

    def __str__(self):
        return self.display_name

    def clean(self):
        super().clean()
        if not (self.first_name or self.last_name or self.role):
            raise ValidationError({"last_name": NAME_OR_ROLE, "role": NAME_OR_ROLE})
        if self.academic_title and not (self.first_name or self.last_name):
            raise ValidationError(
                {"academic_title": _("Ein akademischer Titel steht nur vor einem Namen.")}
            )

    @property
    def full_name(self):
        """The name with academic title; empty for a contact named only by its function."""
        return " ".join(p for p in (self.academic_title, self.first_name, self.last_name) if p)

    def display_name(self):
        """What the contact is called on the site: its name, or without one its function."""
        return self.full_name or self.role

    display_name.short_description = _("Name")
    display_name = property(display_name)

    @property
    def initials(self):
        return "".join(p[:1].upper() for p in (self.first_name, self.last_name) if p)

    @property
    def revisions(self):
        return self._revisions

    @property
    def workflow_states(self):
        return self._workflow_states

    def get_preview_template(self, request, mode_name):
        return "people/contact_person_preview.html"

    def get_preview_context(self, request, mode_name):
        from content.resolution import Resolution

        from .values import card_value

        context = super().get_preview_context(request, mode_name)
        res = Resolution()
        res.add([self, self.photo])
        context["person"] = card_value(self, res.load())
        return context


class Fachgruppe(index.Indexed, models.Model):
    """A specialist group within a Fachbereich, led by one contact person."""

    name = models.CharField(
        _("Name"),
        max_length=255,
        unique=True,
        help_text=_("Ohne das Wort „Fachgruppe“, z. B. „Migration, Frauen, …“."),
    )
    fachbereich = models.ForeignKey(
        Fachbereich,
        verbose_name=_("Fachbereich"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="fachgruppen",
    )
    lead = models.ForeignKey(
        ContactPerson,
        verbose_name=_("Fachgruppenleitung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_fachgruppen",
        help_text=_("Die Person, die die Fachgruppe leitet."),
    )
    description = models.TextField(_("Beschreibung"), blank=True)
    translations = translations_field(
        ("name", blocks.CharBlock(label=_("Name"), max_length=255)),
        ("description", blocks.TextBlock(label=_("Beschreibung"), required=False)),
        help_text=TRANSLATIONS_HELP,
    )

    # As the Fachbereich's: translators (the Redaktion, the Fachbereich's editors) see and
    # change the translations only.
    panels = [
        FieldPanel("name", permission="people.change_fachgruppe"),
        FieldPanel("fachbereich", permission="people.change_fachgruppe"),
        FieldPanel("lead", permission="people.change_fachgruppe"),
        FieldPanel("description", permission="people.change_fachgruppe"),
        FieldPanel("translations"),
    ]
    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.RelatedFields("fachbereich", [index.SearchField("name")]),
        index.FilterField("fachbereich"),
    ]

    value_select_related = ("fachbereich", "lead__photo")

    class Meta:
        verbose_name = _("Fachgruppe")
        verbose_name_plural = _("Fachgruppen")
        ordering = [Lower("name")]

    def __str__(self):
        return self.name
