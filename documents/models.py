"""The publications library: Wagtail's document model with a catalogue's metadata."""

from functools import reduce
from operator import or_

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import F, Prefetch, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.documents.models import AbstractDocument, DocumentQuerySet
from wagtail.models import CollectionViewRestriction, Page
from wagtail.search import index

from preview.models import FrontendPreviewMixin

from .validators import validate_document_upload


class PublicationType(models.TextChoices):
    BROSCHUERE = "broschuere", _("Broschüre")
    ARBEITSHILFE = "arbeitshilfe", _("Arbeitshilfe")
    POSITIONSPAPIER = "positionspapier", _("Positionspapier")
    STELLUNGNAHME = "stellungnahme", _("Stellungnahme")
    DOKUMENTATION = "dokumentation", _("Dokumentation")
    JAHRESBERICHT = "jahresbericht", _("Jahresbericht")
    FACHINFORMATION = "fachinformation", _("Fachinformation")
    SONSTIGES = "sonstiges", _("Sonstiges")


class PublicationLanguage(models.TextChoices):
    DE = "de", _("Deutsch")
    DE_LS = "de-x-ls", _("Leichte Sprache")
    EN = "en", _("Englisch")
    AR = "ar", _("Arabisch")
    FA = "fa", _("Persisch (Farsi)")
    FR = "fr", _("Französisch")
    RU = "ru", _("Russisch")
    TR = "tr", _("Türkisch")
    UK = "uk", _("Ukrainisch")


# The rendition of the cover image that publication listings show.
COVER_FILTER = "width-160"


class PublicationQuerySet(DocumentQuerySet):
    def for_listing(self):
        """Cover images and their listing renditions in two queries, however many rows."""
        from wagtail.images import get_image_model

        return self.prefetch_related(
            Prefetch(
                "cover_image",
                queryset=get_image_model().objects.prefetch_renditions(COVER_FILTER),
            )
        )

    def newest_first(self):
        return self.order_by(F("publication_date").desc(nulls_last=True), "title", "pk")

    def public(self):
        """Publications outside every collection with a view restriction (or under one)."""
        restricted_paths = list(
            CollectionViewRestriction.objects.values_list("collection__path", flat=True)
        )
        if not restricted_paths:
            return self
        return self.exclude(
            reduce(or_, (Q(collection__path__startswith=path) for path in restricted_paths))
        )


class Publication(AbstractDocument):
    """A brochure, working aid, position paper … that visitors can download."""

    description = models.TextField(
        _("Beschreibung"),
        blank=True,
        help_text=_("Zwei, drei Sätze: Worum geht es, für wen ist die Publikation gedacht?"),
    )
    publication_type = models.CharField(
        _("Art der Publikation"),
        max_length=30,
        choices=PublicationType.choices,
        default=PublicationType.BROSCHUERE,
    )
    publication_date = models.DateField(
        _("Erscheinungsdatum"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Wann die Publikation erschienen ist. Bestimmt die Sortierung."),
    )
    language = models.CharField(
        _("Sprache"),
        max_length=10,
        choices=PublicationLanguage.choices,
        default=PublicationLanguage.DE,
    )
    topics = models.ManyToManyField(
        "topics.TopicPage",
        verbose_name=_("Themen"),
        blank=True,
        related_name="tagged_publications",
        help_text=_("Auf diesen Themenseiten wird die Publikation automatisch angezeigt."),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Titelbild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Wird bei PDF-Dateien automatisch aus der ersten Seite erzeugt."),
    )
    page_count = models.PositiveIntegerField(_("Seitenzahl"), null=True, blank=True)
    is_accessible = models.BooleanField(
        _("Barrierefrei (getaggtes PDF)"),
        default=False,
        help_text=_("Angekreuzt, wenn die Datei ein barrierefreies, getaggtes PDF ist."),
    )
    full_text = models.TextField(
        _("Volltext"),
        blank=True,
        editable=False,
        help_text=_("Der Text der Datei, für die Suche."),
    )
    # SHA-1 of the file content the fields above were read from; makes extraction idempotent.
    extracted_file_hash = models.CharField(max_length=40, blank=True, editable=False)

    objects = PublicationQuerySet.as_manager()

    admin_form_fields = (
        "title",
        "file",
        "collection",
        "description",
        "publication_type",
        "publication_date",
        "language",
        "topics",
        "is_accessible",
        "tags",
    )

    search_fields = AbstractDocument.search_fields + [
        index.SearchField("description", boost=2),
        index.SearchField("full_text"),
        index.FilterField("publication_type"),
        index.FilterField("language"),
        index.FilterField("publication_date"),
        # public() filters on the collection's path (private collections and their children).
        index.RelatedFields("collection", [index.FilterField("path")]),
    ]

    api_fields = [
        APIField("description"),
        APIField("publication_type"),
        APIField("publication_date"),
        APIField("language"),
        APIField("file_size"),
        APIField("page_count"),
        APIField("is_accessible"),
    ]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("Publikation")
        verbose_name_plural = _("Publikationen")
        ordering = ["-publication_date", "title"]
        permissions = [("choose_document", "Can choose document")]

    @property
    def extension(self):
        return self.file_extension.upper()

    def clean(self):
        super().clean()
        # Programmatic saves that call full_clean() get the admin's checks; a stored file was
        # checked when it was uploaded and is not read again on every metadata edit.
        if self.file and not self.file._committed:
            try:
                validate_document_upload(self.file)
            except ValidationError as error:
                raise ValidationError({"file": error.messages}) from error

    def is_public(self):
        """False when the publication's collection (or one above it) restricts viewing."""
        return not CollectionViewRestriction.objects.filter(
            collection__in=self.collection.get_ancestors(inclusive=True)
        ).exists()


def hand_picked_publication_ids(*streams):
    """The ids chosen in the publications blocks of the given StreamFields, read from their raw
    data so that nothing is fetched from the database."""
    ids = set()
    for stream in streams:
        for block in stream.raw_data:
            if block["type"] != "publications":
                continue
            for item in block["value"].get("publications") or []:
                # ListBlock items are {"type": "item", "value": id, "id": …} (or bare ids).
                value = item.get("value") if isinstance(item, dict) else item
                if value:
                    ids.add(value)
    return ids


class PublicationIndexPage(FrontendPreviewMixin, Page):
    """The library page ("Publikationen"): lists all public publications, newest first."""

    intro = models.TextField(
        _("Einleitung"),
        blank=True,
        help_text=_("Ein kurzer Text über der Liste der Publikationen."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    # The publications themselves come from the filterable `/api/v3/publications/` endpoint.
    api_fields = [APIField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("Publikationsübersicht")
        verbose_name_plural = _("Publikationsübersichten")

    page_size = 12

    def get_context(self, request, *args, **kwargs):
        from .catalogue import Catalogue

        context = super().get_context(request, *args, **kwargs)
        catalogue = Catalogue(request.GET)
        paginator = Paginator(catalogue.publications(), self.page_size)
        page = paginator.get_page(request.GET.get("seite"))
        context.update(
            catalogue=catalogue,
            filter_form=catalogue.form,
            facets=catalogue.facets() if catalogue.is_valid else [],
            publications=page,
            paginator=paginator,
            page_range=paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
        )
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if not response.context_data["catalogue"].is_valid:
            response.status_code = 400  # e.g. ?jahr=abc: say so instead of ignoring it
        return response
