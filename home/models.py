"""The site root, static pages (Impressum, Datenschutz, Barrierefreiheit) and site settings."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from api.fields import page_api_fields
from blocks.shared import BaseStreamBlock
from content.pages import ResolvedPage, ResolvedPageManager
from content.translated import translated
from content.visibility import visible
from documents.models import NEWEST_FIRST, Publication, newest_first_key, publications_only
from documents.values import publication_value
from easyread.models import EasyReadPageMixin
from organisation.models import Fachbereich
from preview.models import FrontendPreviewMixin
from topics.models import TopicIndexPage, TopicPage
from topics.values import FachbereichLinkValue, fachbereich_anchor, topic_teaser_value

from .values import HomePageValue, StandardPageValue


class HomePage(ResolvedPage, FrontendPreviewMixin, EasyReadPageMixin, Page):
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
            help_text=_(
                "Themen, die auf der Startseite als Karten erscheinen. Ohne Auswahl erscheinen "
                "die zuletzt veröffentlichten Themen."
            ),
        ),
        FieldPanel("body"),
        *EasyReadPageMixin.easy_read_panels,
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    value_type = HomePageValue
    api_fields = page_api_fields(HomePageValue)
    objects = ResolvedPageManager()

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "topics.TopicIndexPage",
        "documents.PublicationIndexPage",
        "home.StandardPage",
        "easyread.GlossaryPage",
    ]

    latest_publications_limit = 3
    # Topic cards when the editors feature none: the most recently published topics.
    automatic_featured_limit = 3

    class Meta:
        verbose_name = _("Startseite")
        verbose_name_plural = _("Startseiten")

    def route(self, request, path_components):
        """Find the page at a path in one query (plus one for its own fields) instead of two
        per level. Wagtail's routing walks the tree slug by slug; the page's ``url_path`` is
        exactly that walk, for every page type that keeps Wagtail's ``route()`` (all of this
        project's). A path that matches no page falls back to the walk (a page type with its
        own sub-routes would be found there)."""
        if path_components:
            url_path = f"{self.url_path}{'/'.join(path_components)}/"
            page = Page.objects.filter(url_path=url_path).first()
            if page is not None:
                return page.specific.route(request, [])
        return super().route(request, path_components)

    def collect(self, res):
        super().collect(res)
        self.collect_easy_read(res)
        res.collect(self.body.stream_block, self.body.raw_data)
        featured = res.related(self, "featured_topics", "topic", "topic__hero_image")
        res.rows["featured"] = res.add(link.topic for link in featured)
        topics = visible(TopicPage.objects.descendant_of(self), res.reader) if self.pk else None
        if not res.rows["featured"] and topics is not None:
            newest = topics.order_by("-first_published_at", "-pk")
            res.rows["featured"] = res.add(newest[: self.automatic_featured_limit])
        # Every Fachbereich with a visible topic, each a way into the topics overview.
        res.rows["fachbereiche"] = (
            list(Fachbereich.objects.filter(pk__in=topics.values("fachbereich_id")))
            if topics is not None
            else []
        )
        res.want_pages_where(
            "topic_index", Q(pk__in=TopicIndexPage.objects.child_of(self).values("pk"))
        )
        latest = publications_only(visible(Publication.objects.all(), res.reader))
        latest = latest.order_by(*NEWEST_FIRST)
        res.want_documents_where(
            "latest", Q(pk__in=latest.values("pk")[: self.latest_publications_limit])
        )

    def build(self, res):
        return HomePageValue(
            breadcrumbs=self.build_breadcrumbs(res),
            seo=self.build_seo(res),
            intro=self.intro,
            featured_topics=[topic_teaser_value(topic, res) for topic in res.rows["featured"]],
            fachbereiche=self.build_fachbereiche(res),
            body=res.resolve_stream(self.body.stream_block, self.body.raw_data),
            latest_publications=[
                publication_value(p, res)
                for p in sorted(res.document_tags["latest"], key=newest_first_key)
            ],
            easy_read=self.build_easy_read(res),
        )

    def build_fachbereiche(self, res):
        topic_index = next(iter(res.page_tags["topic_index"]), None)
        if topic_index is None:
            return []
        url = res.page_url(topic_index)
        links = []
        for fachbereich in res.rows["fachbereiche"]:
            name, language = translated(fachbereich, "name", res.language)
            links.append(
                FachbereichLinkValue(
                    id=fachbereich.pk,
                    name=name,
                    name_language=language,
                    url=f"{url}#{fachbereich_anchor(fachbereich)}",
                )
            )
        return sorted(links, key=lambda link: link.name.lower())


class HomePageFeaturedTopic(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_topics")
    topic = models.ForeignKey(
        "topics.TopicPage", verbose_name=_("Thema"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("topic")]

    class Meta(Orderable.Meta):
        verbose_name = _("Hervorgehobenes Thema")
        verbose_name_plural = _("Hervorgehobene Themen")


class StandardPage(ResolvedPage, FrontendPreviewMixin, EasyReadPageMixin, Page):
    """A static page such as the Impressum, the privacy policy or the accessibility statement."""

    intro = models.TextField(
        _("Einleitung"), blank=True, help_text=_("Ein kurzer Absatz über dem Inhalt (optional).")
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("Inhalt"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        *EasyReadPageMixin.easy_read_panels,
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
    ]

    value_type = StandardPageValue
    api_fields = page_api_fields(StandardPageValue)
    objects = ResolvedPageManager()

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage", "easyread.GlossaryPage"]

    class Meta:
        verbose_name = _("Standardseite")
        verbose_name_plural = _("Standardseiten")

    def collect(self, res):
        super().collect(res)
        self.collect_easy_read(res)
        res.collect(self.body.stream_block, self.body.raw_data)

    def build(self, res):
        return StandardPageValue(
            breadcrumbs=self.build_breadcrumbs(res),
            seo=self.build_seo(res),
            intro=self.intro,
            body=res.resolve_stream(self.body.stream_block, self.body.raw_data),
            easy_read=self.build_easy_read(res),
        )


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
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Ersetzt die Wortmarke im Kopf jeder Seite (wird 48 Pixel hoch gezeigt). "
            "Als Alternativtext dient der Name des Verbands."
        ),
    )

    panels = [
        MultiFieldPanel([FieldPanel("logo")], heading=_("Erscheinungsbild (Kopfzeile)")),
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
