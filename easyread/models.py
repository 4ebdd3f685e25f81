"""Leichte Sprache: the glossary (terms and the A–Z page) and what a page in Leichte Sprache
says about itself (who checked it, which seal, the standard-German original)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Lower, Replace
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from api.fields import page_api_fields
from content.pages import ResolvedPage, ResolvedPageManager
from content.renditions import Purpose
from preview.models import FrontendPreviewMixin

from .panels import EasyReadChecksPanel, EasyReadPanel
from .values import (
    EasyReadValue,
    GlossaryIndexEntryValue,
    GlossaryLetterValue,
    GlossaryPageValue,
    GlossaryTermValue,
)

# Leichte Sprache has no registered language subtag: "de-x-ls" (private use) is the convention.
EASY_READ_LANGUAGE = "de-x-ls"


def is_easy_read(obj):
    """Whether a page or snippet is in the Leichte Sprache locale."""
    locale = getattr(obj, "locale", None) if getattr(obj, "locale_id", None) else None
    return locale is not None and locale.language_code == EASY_READ_LANGUAGE


class GlossaryTerm(TranslatableMixin, index.Indexed, models.Model):
    """A hard word, explained in Leichte Sprache (Wörterbuch)."""

    term = models.CharField(
        _("Wort"),
        max_length=100,
        help_text=_("Das schwere Wort, so wie es im Text steht, z. B. „Fach-Beratung“."),
    )
    explanation = models.TextField(
        _("Erklärung"),
        help_text=_("In Leichter Sprache: kurze Sätze, ein Gedanke pro Satz, keine Abkürzungen."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Bild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Ein Bild, das das Wort erklärt (optional)."),
    )
    image_alt = models.CharField(
        _("Alternativtext des Bilds"),
        max_length=255,
        blank=True,
        help_text=_("Leer lassen, um die Bildbeschreibung aus der Mediathek zu nutzen."),
    )
    image_credit = models.CharField(
        _("Bildnachweis"),
        max_length=200,
        blank=True,
        help_text=_("Z. B. „Bild: © Lebenshilfe Bremen e.V., Illustrator Stefan Albers“."),
    )

    panels = [
        FieldPanel("term"),
        FieldPanel("explanation"),
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_alt"), FieldPanel("image_credit")],
            heading=_("Bild"),
        ),
        EasyReadChecksPanel(),
    ]
    search_fields = [
        index.SearchField("term", boost=2),
        index.AutocompleteField("term"),
        index.SearchField("explanation"),
        index.FilterField("locale"),
    ]
    value_select_related = ("image", "locale")

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Wörterbuch-Eintrag")
        verbose_name_plural = _("Wörterbuch")
        ordering = [Lower("term")]
        # One entry per word and language (its anchor on the glossary page is the word's).
        unique_together = [("translation_key", "locale"), ("locale", "term")]

    def __str__(self):
        return self.term

    def clean(self):
        """One entry per word and language (the form has no locale field, so Django's unique
        check would leave this to the database)."""
        super().clean()
        duplicates = GlossaryTerm.objects.filter(locale_id=self.locale_id, term=self.term)
        if self.locale_id and duplicates.exclude(pk=self.pk).exists():
            raise ValidationError(
                {"term": _("Dieses Wort steht in dieser Sprache schon im Wörterbuch.")}
            )

    @property
    def anchor(self):
        """The term's HTML id on the glossary page."""
        return f"wort-{slugify(self.term) or self.pk}"

    @property
    def letter(self):
        return letter_of(self.term)


# Umlauts are sorted with their vowel (DIN 5007-1), as in a printed dictionary.
_FOLD = str.maketrans({"Ä": "A", "Ö": "O", "Ü": "U"})
ALPHABET = [chr(code) for code in range(ord("A"), ord("Z") + 1)]


_FOLD_LOWER = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})


def folded_term():
    """The term as the glossary sorts it, in the database: lower case, umlauts as their vowel
    (SQLite's ``lower()`` leaves non-ASCII letters alone, so both cases are replaced)."""
    expression = Lower("term")
    for umlaut, vowel in (("ä", "a"), ("Ä", "a"), ("ö", "o"), ("Ö", "o"), ("ü", "u"), ("Ü", "u")):
        expression = Replace(expression, Value(umlaut), Value(vowel))
    return Replace(expression, Value("ß"), Value("ss"))


def sort_key(term):
    return (term.term.lower().translate(_FOLD_LOWER), term.pk)


def letter_of(term):
    first = (term or "").strip()[:1].upper().translate(_FOLD)
    return first if first in ALPHABET else "#"


def term_value(term, res, url=None):
    image = None
    if term.image_id:
        image = res.image(term.image, Purpose.COVER, alt=term.image_alt or term.image.description)
    return GlossaryTermValue(
        id=term.pk,
        term=term.term,
        anchor=term.anchor,
        explanation=term.explanation,
        image=image,
        image_credit=term.image_credit,
        locale=term.locale.language_code,
        url=f"{url}#{term.anchor}" if url else None,
    )


class GlossaryPage(ResolvedPage, FrontendPreviewMixin, Page):
    """The glossary from A to Z: every term of the page's language, by first letter."""

    intro = models.TextField(
        _("Einleitung"),
        blank=True,
        help_text=_("Ein, zwei kurze Sätze: Was steht im Wörterbuch?"),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    value_type = GlossaryPageValue
    api_fields = page_api_fields(GlossaryPageValue)
    objects = ResolvedPageManager()

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Wörterbuch (A bis Z)")
        verbose_name_plural = _("Wörterbücher")

    def collect(self, res):
        super().collect(res)
        terms = GlossaryTerm.objects.filter(locale_id=self.locale_id)
        res.rows["terms"] = res.add(terms.select_related(*GlossaryTerm.value_select_related))

    def build(self, res):
        url = res.page_url(self)
        groups = {}
        for term in sorted(res.rows["terms"], key=sort_key):
            groups.setdefault(term.letter, []).append(term_value(term, res, url))
        letters = [
            GlossaryLetterValue(letter=letter, anchor=letter_anchor(letter), terms=groups[letter])
            for letter in [*ALPHABET, "#"]
            if letter in groups
        ]
        index_entries = [
            GlossaryIndexEntryValue(
                letter=letter, anchor=letter_anchor(letter) if letter in groups else None
            )
            for letter in ALPHABET
        ]
        return GlossaryPageValue(
            breadcrumbs=self.build_breadcrumbs(res),
            seo=self.build_seo(res),
            intro=self.intro,
            index=index_entries,
            letters=letters,
        )


def letter_anchor(letter):
    return "buchstabe-weitere" if letter == "#" else f"buchstabe-{letter.lower()}"


class EasyReadSeal(models.TextChoices):
    NONE = "", _("Kein Prüfsiegel")
    INCLUSION_EUROPE = (
        "inclusion-europe",
        _("Europäisches Logo für einfaches Lesen (Inclusion Europe)"),
    )
    NETZWERK = "netzwerk-leichte-sprache", _("Gütesiegel des Netzwerks Leichte Sprache")
    OTHER = "andere", _("Anderes Prüfsiegel")


class EasyReadPageMixin(models.Model):
    """What a page in Leichte Sprache says about itself: who checked it and when (a
    Prüfgruppe of readers), the seal it carries, and where the legally binding original in
    standard German is. The fields exist on every page of the type; the editor shows them,
    and the outputs deliver them, only in the Leichte Sprache locale."""

    easy_read_checked_by = models.CharField(
        _("Geprüft von (Prüfgruppe)"),
        max_length=200,
        blank=True,
        help_text=_(
            "Die Prüfgruppe, die den Text gelesen hat, z. B. „Prüfgruppe der Lebenshilfe Köln“."
        ),
    )
    easy_read_checked_on = models.DateField(_("Geprüft am"), null=True, blank=True)
    easy_read_seal = models.CharField(
        _("Prüfsiegel"),
        max_length=40,
        blank=True,
        choices=EasyReadSeal.choices,
        default=EasyReadSeal.NONE,
        help_text=_("Nur wählen, wenn der Text das Siegel tragen darf."),
    )
    easy_read_original = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Ausgangstext in Alltagssprache"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Leer lassen: die deutsche Fassung derselben Seite (Übersetzung). Nur wählen, wenn "
            "der rechtsverbindliche Text auf einer anderen Seite steht."
        ),
    )

    easy_read_panels = [
        EasyReadPanel(
            [
                FieldPanel("easy_read_checked_by"),
                FieldPanel("easy_read_checked_on"),
                FieldPanel("easy_read_seal"),
                PageChooserPanel("easy_read_original"),
            ],
            heading=_("Leichte Sprache: Prüfung und Ausgangstext"),
        ),
        EasyReadChecksPanel(),
    ]

    class Meta:
        abstract = True

    @property
    def is_easy_read(self):
        return is_easy_read(self)

    def collect_easy_read(self, res):
        if not self.is_easy_read:
            return
        if self.easy_read_original_id:
            original = Q(pk=self.easy_read_original_id)
        else:
            original = Q(
                translation_key=self.translation_key,
                locale__language_code=settings.LANGUAGE_CODE,
            ) & ~Q(pk=self.pk)
        res.want_pages_where("easy_read_original", original)

    def build_easy_read(self, res):
        if not self.is_easy_read:
            return None
        original = next(iter(res.page_tags["easy_read_original"]), None)
        seal = EasyReadSeal(self.easy_read_seal or "")
        return EasyReadValue(
            checked_by=self.easy_read_checked_by,
            checked_on=self.easy_read_checked_on,
            seal_used=bool(seal),
            seal=seal.value,
            seal_label=str(seal.label) if seal else "",
            original=res.page_link(original) if original is not None else None,
        )


__all__ = [
    "EASY_READ_LANGUAGE",
    "EasyReadPageMixin",
    "GlossaryPage",
    "GlossaryTerm",
    "is_easy_read",
]
