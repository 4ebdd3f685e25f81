"""Topic pages ("Themen"): the association's main content type."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .blocks import FurtherInformationBlock, TopicBodyBlock
from .forms import TopicPageForm


class TopicIndexPage(Page):
    """The overview of all topics ("Themen")."""

    intro = models.TextField(
        _("Einleitung"), blank=True, help_text=_("Ein kurzer Text über der Liste der Themen.")
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["topics.TopicPage"]

    class Meta:
        verbose_name = _("Themenübersicht")
        verbose_name_plural = _("Themenübersichten")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = (
            TopicPage.objects.child_of(self)
            .live()
            .public()
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")
            .order_by("title")
        )
        return context


class TopicPage(Page):
    """One topic of the association's work, e.g. "Flüchtlingsarbeit"."""

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Titelbild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Großes Bild über dem Titel. Querformat, mindestens 1600 Pixel breit."),
    )
    hero_image_alt = models.CharField(
        _("Alternativtext des Titelbilds"),
        max_length=255,
        blank=True,
        help_text=_(
            "Beschreibt in einem Satz, was auf dem Bild zu sehen ist – für Menschen, die das "
            "Bild nicht sehen. Leer lassen, um die Bildbeschreibung aus der Mediathek zu nutzen."
        ),
    )
    hero_image_decorative = models.BooleanField(
        _("Titelbild ist rein dekorativ"),
        default=False,
        help_text=_("Nur ankreuzen, wenn das Bild keine Information trägt (z. B. ein Muster)."),
    )
    intro = models.TextField(
        _("Einleitung"),
        help_text=_(
            "Ein Absatz, der das Thema zusammenfasst. Erscheint auch in Übersichten und in der "
            "Suche."
        ),
    )
    body = StreamField(
        TopicBodyBlock(),
        verbose_name=_("Inhalt"),
        blank=True,
        help_text=_("Abschnitte mit Überschrift und Text, Bilder, Zitate und weitere Elemente."),
    )
    fachbereich = models.ForeignKey(
        "people.Fachbereich",
        verbose_name=_("Fachbereich"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="topic_pages",
        help_text=_("Der Fachbereich, dem das Thema im Verband zugeordnet ist."),
    )
    further_information = StreamField(
        FurtherInformationBlock(),
        verbose_name=_("Mehr Informationen"),
        blank=True,
        help_text=_("Verweise am Ende der Seite, z. B. auf Publikationen zum Herunterladen."),
    )

    base_form_class = TopicPageForm

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
                FieldPanel("hero_image_decorative"),
            ],
            heading=_("Titelbild"),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("fachbereich"),
                InlinePanel(
                    "fachgruppe_links",
                    label=_("Fachgruppe"),
                    help_text=_("Die Fachgruppen, die sich mit dem Thema befassen."),
                ),
            ],
            heading=_("Zuordnung des Themas im Verband"),
        ),
        InlinePanel(
            "contact_person_links",
            heading=_("Ansprechpersonen"),
            label=_("Ansprechperson"),
            help_text=_("In der Reihenfolge, in der sie auf der Seite erscheinen sollen."),
        ),
        FieldPanel("further_information"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
        index.RelatedFields("fachbereich", [index.SearchField("name")]),
    ]

    parent_page_types = ["topics.TopicIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Themenseite")
        verbose_name_plural = _("Themenseiten")

    @property
    def hero_alt_text(self):
        """The hero's alternative text: empty when decorative, else the page's or the image's."""
        if self.hero_image_decorative or not self.hero_image:
            return ""
        return self.hero_image_alt or self.hero_image.description

    def get_contact_persons(self):
        """Published contact persons in the editor's order, with photos and renditions loaded."""
        links = self.contact_person_links.all()
        if isinstance(links, models.QuerySet):
            links = links.select_related("person__photo").prefetch_related(
                "person__photo__renditions"
            )
        return [link.person for link in links if link.person.live]

    def get_fachgruppen(self):
        """The assigned Fachgruppen in the editor's order, with their lead loaded."""
        links = self.fachgruppe_links.all()
        if isinstance(links, models.QuerySet):
            links = links.select_related("fachgruppe__lead", "fachgruppe__fachbereich")
        return [link.fachgruppe for link in links]

    tagged_publications_limit = 6

    def get_tagged_publications(self):
        """Public publications tagged with this topic, newest first, without the ones already
        chosen by hand in a publications block; one more than shown tells that there are more.
        Three queries, however many there are."""
        from documents.models import hand_picked_publication_ids

        if self.pk is None:  # preview of a page not saved yet
            return []
        return list(
            self.tagged_publications.public()
            .exclude(pk__in=hand_picked_publication_ids(self.body, self.further_information))
            .for_listing()
            .newest_first()[: self.tagged_publications_limit + 1]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["contact_persons"] = self.get_contact_persons()
        context["fachgruppen"] = self.get_fachgruppen()
        tagged = self.get_tagged_publications()
        context["tagged_publications"] = tagged[: self.tagged_publications_limit]
        if len(tagged) > self.tagged_publications_limit:
            from documents.models import PublicationIndexPage

            library = PublicationIndexPage.objects.live().first()
            if library:
                context["tagged_publications_more_url"] = (
                    f"{library.get_url(request)}?thema={self.slug}"
                )
        return context


class TopicPageContactPerson(Orderable):
    """A contact person on a topic page; the sort order is the editor's."""

    page = ParentalKey(TopicPage, on_delete=models.CASCADE, related_name="contact_person_links")
    person = models.ForeignKey(
        "people.ContactPerson",
        verbose_name=_("Person"),
        on_delete=models.CASCADE,
        related_name="topic_page_links",
    )

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        verbose_name = _("Ansprechperson")
        verbose_name_plural = _("Ansprechpersonen")


class TopicPageFachgruppe(Orderable):
    """A Fachgruppe assigned to a topic page. A child relation (not a many-to-many field) so
    that Wagtail's reference index records the usage and warns before the Fachgruppe is deleted."""

    page = ParentalKey(TopicPage, on_delete=models.CASCADE, related_name="fachgruppe_links")
    fachgruppe = models.ForeignKey(
        "people.Fachgruppe",
        verbose_name=_("Fachgruppe"),
        on_delete=models.CASCADE,
        related_name="topic_page_links",
    )

    panels = [FieldPanel("fachgruppe")]

    class Meta(Orderable.Meta):
        verbose_name = _("Fachgruppe")
        verbose_name_plural = _("Fachgruppen")
