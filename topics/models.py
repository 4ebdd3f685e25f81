"""Topic pages ("Themen"): the association's main content type."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from api.fields import page_api_fields
from content.pages import ResolvedPage, ResolvedPageManager
from content.renditions import Purpose
from content.visibility import visible
from documents.blocks import hand_picked_ids
from documents.catalogue import html_query
from documents.models import (
    NEWEST_FIRST,
    Publication,
    PublicationIndexPage,
    newest_first_key,
    publications_only,
)
from documents.values import publication_value
from easyread.models import EasyReadPageMixin
from governance.models import ReviewedContentMixin
from governance.permissions import FachbereichPagePermissionTester
from organisation.models import Fachbereich
from organisation.values import fachbereich_value
from people.models import Fachgruppe
from people.values import contact_person_value, fachgruppe_value
from preview.models import FrontendPreviewMixin

from .blocks import FurtherInformationBlock, TopicBodyBlock
from .forms import TopicPageForm
from .values import (
    TopicIndexValue,
    TopicPageValue,
    fachbereich_groups,
    table_of_contents,
    topic_teaser_value,
)


class TopicIndexPage(ResolvedPage, FrontendPreviewMixin, Page):
    """The overview of all topics ("Themen")."""

    intro = models.TextField(
        _("Einleitung"), blank=True, help_text=_("Ein kurzer Text über der Liste der Themen.")
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    value_type = TopicIndexValue
    api_fields = page_api_fields(TopicIndexValue)
    objects = ResolvedPageManager()

    parent_page_types = ["home.HomePage"]
    subpage_types = ["topics.TopicPage"]

    class Meta:
        verbose_name = _("Themenübersicht")
        verbose_name_plural = _("Themenübersichten")

    def collect(self, res):
        super().collect(res)
        topics = TopicPage.objects.child_of(self) if self.pk else TopicPage.objects.none()
        res.rows["topics"] = res.add(visible(topics, res.reader).order_by("title", "pk"))

    def build(self, res):
        topics = res.rows["topics"]
        teasers = [topic_teaser_value(topic, res) for topic in topics]
        return TopicIndexValue(
            breadcrumbs=self.build_breadcrumbs(res),
            seo=self.build_seo(res),
            intro=self.intro,
            topics=teasers,
            groups=fachbereich_groups(topics, teasers, res.language),
        )


class TopicPage(ResolvedPage, FrontendPreviewMixin, ReviewedContentMixin, EasyReadPageMixin, Page):
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
        Fachbereich,
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
                # Not deferred on a draft (governance.forms.FachbereichChoiceMixin).
                FieldPanel("fachbereich", required_on_save=True),
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
        *EasyReadPageMixin.easy_read_panels,
        *ReviewedContentMixin.review_panels,
    ]

    search_fields = Page.search_fields + [
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
        index.RelatedFields("fachbereich", [index.SearchField("name")]),
    ]

    value_type = TopicPageValue
    api_fields = page_api_fields(TopicPageValue)
    objects = ResolvedPageManager()
    value_select_related = ("fachbereich", "hero_image")

    parent_page_types = ["topics.TopicIndexPage"]
    subpage_types = []

    # Publications tagged with the topic that the page lists; the rest are one link away.
    tagged_publications_limit = 6

    class Meta:
        verbose_name = _("Themenseite")
        verbose_name_plural = _("Themenseiten")

    def permissions_for_user(self, user):
        # Fachbereich editors may touch only the topic pages of their Fachbereich.
        return FachbereichPagePermissionTester(user, self)

    @property
    def hero_alt_text(self):
        """The hero's alternative text: empty when decorative, else the page's or the image's."""
        if self.hero_image_decorative or not self.hero_image:
            return ""
        return self.hero_image_alt or self.hero_image.description

    def collect(self, res):
        super().collect(res)
        self.collect_easy_read(res)
        res.collect(self.body.stream_block, self.body.raw_data)
        res.collect(self.further_information.stream_block, self.further_information.raw_data)
        if self.hero_image_id:
            res.add([self.hero_image])
        # The ordered child relations (in memory for a preview), narrowed to what is visible.
        persons = res.related(self, "contact_person_links", "person", "person__photo")
        res.rows["persons"] = res.add(link.person for link in persons)
        fachgruppen = res.related(
            self,
            "fachgruppe_links",
            "fachgruppe",
            *(f"fachgruppe__{name}" for name in Fachgruppe.value_select_related),
        )
        res.rows["fachgruppen"] = res.add(link.fachgruppe for link in fachgruppen)
        if self.pk:
            hand_picked = hand_picked_ids(self.body.stream_block, self.body.raw_data)
            hand_picked |= hand_picked_ids(
                self.further_information.stream_block, self.further_information.raw_data
            )
            tagged = (
                publications_only(visible(Publication.objects.filter(topics=self), res.reader))
                .exclude(pk__in=hand_picked)
                .order_by(*NEWEST_FIRST)
                .values("pk")[: self.tagged_publications_limit + 1]
            )
            res.want_documents_where("tagged", Q(pk__in=tagged))
            res.want_pages_where("library", Q(pk__in=PublicationIndexPage.objects.values("pk")))

    def build(self, res):
        tagged = sorted(res.document_tags["tagged"], key=newest_first_key)
        limit = self.tagged_publications_limit
        library = next(iter(res.page_tags["library"]), None)
        more_url = None
        if len(tagged) > limit and library is not None:
            more_url = f"{res.page_url(library)}?{html_query(topic=self.slug)}"
        persons = (contact_person_value(person, res) for person in res.rows["persons"])
        body = res.resolve_stream(self.body.stream_block, self.body.raw_data)
        hero = res.image(
            self.hero_image if self.hero_image_id else None,
            Purpose.HERO,
            alt=self.hero_alt_text,
            decorative=self.hero_image_decorative,
        )
        return TopicPageValue(
            breadcrumbs=self.build_breadcrumbs(res),
            seo=self.build_seo(res, hero),
            intro=self.intro,
            contents=table_of_contents(body),
            hero=hero,
            body=body,
            fachbereich=fachbereich_value(self.fachbereich, res.language),
            fachgruppen=[fachgruppe_value(f, res) for f in res.rows["fachgruppen"]],
            contact_persons=[person for person in persons if person is not None],
            further_information=res.resolve_stream(
                self.further_information.stream_block, self.further_information.raw_data
            ),
            publications=[publication_value(p, res) for p in tagged[:limit]],
            more_publications_url=more_url,
            easy_read=self.build_easy_read(res),
        )


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
