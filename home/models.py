"""The site root, static pages (Impressum, Datenschutz, Barrierefreiheit) and site settings."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .blocks import BaseStreamBlock


class HomePage(Page):
    """The start page: an introduction, featured topics and the latest publications."""

    intro = models.TextField(
        _("Einleitung"), blank=True, help_text=_("Ein kurzer Begrüßungstext unter dem Titel.")
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("Inhalt"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel(
            "featured_topics",
            heading=_("Hervorgehobene Themen"),
            label=_("Thema"),
            help_text=_("Themen, die auf der Startseite als Karten erscheinen."),
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "topics.TopicIndexPage",
        "documents.PublicationIndexPage",
        "home.StandardPage",
    ]

    class Meta:
        verbose_name = _("Startseite")
        verbose_name_plural = _("Startseiten")

    def get_featured_topics(self):
        """The editor's featured topics that are published and public, heroes prefetched."""
        from topics.models import TopicPage

        links = self.featured_topics.all()
        if isinstance(links, models.QuerySet):
            links = links.select_related("topic__hero_image").prefetch_related(
                "topic__hero_image__renditions"
            )
        links = list(links)
        public_ids = set(
            TopicPage.objects.live()
            .public()
            .filter(pk__in=[link.topic_id for link in links])
            .values_list("pk", flat=True)
        )
        return [link.topic for link in links if link.topic_id in public_ids]

    def get_latest_publications(self):
        from documents.models import Publication

        return Publication.objects.public().order_by("-publication_date", "title")[:3]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured_topics"] = self.get_featured_topics()
        context["latest_publications"] = self.get_latest_publications()
        return context


class HomePageFeaturedTopic(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_topics")
    topic = models.ForeignKey(
        "topics.TopicPage", verbose_name=_("Thema"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("topic")]

    class Meta(Orderable.Meta):
        verbose_name = _("Hervorgehobenes Thema")
        verbose_name_plural = _("Hervorgehobene Themen")


class StandardPage(Page):
    """A static page such as the Impressum, the privacy policy or the accessibility statement."""

    intro = models.TextField(
        _("Einleitung"), blank=True, help_text=_("Ein kurzer Absatz über dem Inhalt (optional).")
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("Inhalt"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("Standardseite")
        verbose_name_plural = _("Standardseiten")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Contact details and legal links shown in every page's footer."""

    organisation_name = models.CharField(
        _("Name des Verbands"), max_length=255, default="Der Paritätische NRW"
    )
    address = models.TextField(_("Anschrift"), blank=True)
    email = models.EmailField(_("E-Mail-Adresse"), blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    imprint_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Impressum"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Datenschutzerklärung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Erklärung zur Barrierefreiheit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("address"),
                FieldPanel("email"),
                FieldPanel("phone"),
            ],
            heading=_("Kontakt (Fußzeile)"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("imprint_page"),
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
            ],
            heading=_("Rechtliche Seiten (Fußzeile)"),
        ),
    ]

    class Meta:
        verbose_name = _("Website-Einstellungen")
