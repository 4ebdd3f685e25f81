"""The publications library: Wagtail's document model with a catalogue's metadata."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.documents.models import AbstractDocument
from wagtail.models import Page
from wagtail.search import index

from api.fields import page_api_fields
from blocks.shared import VIDEO_TYPES
from content.pages import ResolvedPage, ResolvedPageManager
from content.pagination import old_link_redirect, paginate
from content.visibility import Reader
from preview.models import FrontendPreviewMixin

from .extraction import PAGE_BREAK
from .storage import get_document_storage
from .validators import validate_document_upload
from .values import PublicationIndexValue, publication_values


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


# Newest first, undated last, then by title: the one order of publications everywhere (the
# ORM form for queries and the key for values already loaded must stay the same).
NEWEST_FIRST = (F("publication_date").desc(nulls_last=True), "title", "pk")
OLDEST_FIRST = (F("publication_date").asc(nulls_last=True), "title", "pk")


def newest_first_key(publication):
    date = publication.publication_date
    return (date is None, -(date.toordinal() if date else 0), publication.title, publication.pk)


def _video_files():
    videos = Q()
    for extension in VIDEO_TYPES:
        videos |= Q(file__iendswith=f".{extension}")
    return videos


# The documents that are videos, by their file's extension.
VIDEO_FILES = _video_files()


def publications_only(queryset):
    """The publications among the documents: not the video files (MP4, WebM) uploaded for the
    sign-language video block. Such a file is part of the page that plays it; the library, its
    API, the topic and home pages' publication lists and the site search leave it out (Wagtail's
    v2 ``documents`` endpoint and the download view, which a page's link to it needs, do not)."""
    # By id (a plain lookup the search backends filter on, as ``content.visibility``'s); the
    # partial index ``publication_videos`` holds exactly those ids (PostgreSQL reads it instead
    # of every publication's row in each search).
    return queryset.exclude(pk__in=queryset.model.objects.filter(VIDEO_FILES).values("pk"))


class Publication(AbstractDocument):
    """A brochure, working aid, position paper … that visitors can download."""

    # Wagtail's field, in the documents' own storage: no public (media or bucket) URL reaches
    # the files, only the serve view with its privacy check (documents/storage.py).
    file = models.FileField(
        upload_to="documents", verbose_name=_("file"), storage=get_document_storage
    )

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
    # Pages of the types registered as topics (documents/topics.py): documents stands below
    # the topic pages and names none of them.
    topics = models.ManyToManyField(
        Page,
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

    # Loaded with every publication that is delivered (see content.resolution).
    value_select_related = ("cover_image",)

    def excerpt_texts(self):
        """What a search excerpt is taken from: the description, then the body of the file,
        i.e. its pages after the cover (the first of several pages) without the lines that
        only repeat the title. A cover's type line, title and the association's name explain
        no hit; the sentence around the matched word does."""
        pages = self.full_text.split(PAGE_BREAK)
        body = pages[1:] if len(pages) > 1 else pages
        title = " ".join(self.title.split()).casefold()
        lines = [" ".join(line.split()) for page in body for line in page.splitlines()]
        kept = [line for line in lines if line and line.casefold() not in title]
        return [text for text in (self.description, " ".join(kept)) if text]

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
        indexes = [
            # The public publications' ids without reading their rows (an index-only scan):
            # the site search joins them to every match (search/backends/postgres.py).
            models.Index(fields=["id", "collection"], name="publication_id_collection"),
            # The videos' ids (``publications_only``: every library listing and search leaves
            # them out): the few rows of the condition, not a scan of every file name.
            models.Index(fields=["id"], condition=VIDEO_FILES, name="publication_videos"),
        ]

    @property
    def extension(self):
        return self.file_extension.upper()

    # Borrowed: see cms/borrowed.py (django FileField.pre_save: FieldFile._committed)
    def clean(self):
        # Not Wagtail's own extension check (``super().clean()``): it also ran when the form
        # had already rejected the file (too large, say), and then reported the empty name as a
        # second, spurious error ("Dateiendung „“ ist nicht erlaubt").
        # validate_document_upload checks the extension itself, in plain German.
        # Programmatic saves that call full_clean() get the admin's checks; a stored file was
        # checked when it was uploaded and is not read again on every metadata edit.
        if self.file and not self.file._committed:
            try:
                validate_document_upload(self.file)
            except ValidationError as error:
                raise ValidationError({"file": error.messages}) from error


def active_filters(request, facets):
    """The chosen filter options, each with the address of the list without it (and on its
    first page): the chips above the results, removed one by one."""
    chosen = []
    for facet in facets:
        for option in facet.options:
            if option.selected:
                query = request.GET.copy()
                query.pop(facet.name, None)
                query.pop("seite", None)
                chosen.append(
                    {
                        "facet": facet.label,
                        "label": option.label,
                        "url": f"?{query.urlencode()}" if query else request.path,
                    }
                )
    return chosen


class PublicationIndexPage(ResolvedPage, FrontendPreviewMixin, Page):
    """The library page ("Publikationen"): lists all public publications, newest first, with
    filters (topic, type, year, language); the same list is ``/api/v3/publications/``."""

    query_parameters = frozenset(
        {"thema", "art", "jahr", "sprache", "seite"}
    )  # catalogue.HTML_NAMES

    intro = models.TextField(
        _("Einleitung"),
        blank=True,
        help_text=_("Ein kurzer Text über der Liste der Publikationen."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    value_type = PublicationIndexValue
    api_fields = page_api_fields(PublicationIndexValue)
    objects = ResolvedPageManager()

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("Publikationsübersicht")
        verbose_name_plural = _("Publikationsübersichten")

    page_size = 12

    def build(self, res):
        return PublicationIndexValue(
            breadcrumbs=self.build_breadcrumbs(res), seo=self.build_seo(res), intro=self.intro
        )

    def get_context(self, request, *args, **kwargs):
        from .catalogue import Catalogue

        context = super().get_context(request, *args, **kwargs)
        catalogue = Catalogue.from_html_query(request.GET, Reader.for_request(request))
        page, page_range = paginate(request, catalogue.publications(), self.page_size)
        facets = catalogue.facets() if catalogue.is_valid else []
        context.update(
            catalogue=catalogue,
            facets=facets,
            active_filters=active_filters(request, facets),
            publications=page,
            publication_values=publication_values(page.object_list),
            page_range=page_range,
        )
        return context

    def serve(self, request, *args, **kwargs):
        if redirect := old_link_redirect(request):
            return redirect
        response = super().serve(request, *args, **kwargs)
        if not response.context_data["catalogue"].is_valid:
            response.status_code = 400  # e.g. ?jahr=abc: say so instead of ignoring it
        return response
