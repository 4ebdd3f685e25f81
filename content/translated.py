"""Per-language text of objects that stay one row in every language: the Fachbereiche,
Fachgruppen and contact persons.

Pages are translated with Wagtail's i18n (one page per locale, linked by ``translation_key``).
These objects are not: foreign keys point at them from everywhere (the Fachbereich's groups,
collection and review workflow, the pages of every language, the Fachgruppen's leads), so one
row per language would multiply what they own. They keep one row, German, and their
translatable text (a Fachbereich's name, a contact person's function; never a person's name,
e-mail or phone) gets a ``translations`` field: a StreamField of entries "language + the
translated fields", edited in the same form (the same permissions, the same draft, review and
revision as the German text) and delivered without a query of its own.

A reader in language X gets X's text where an entry of X fills the field, else the German
(the documented fallback), and the language the text is in (``translated``), so the site marks
German text inside a page in another language with ``lang="de"`` (WCAG 3.1.2).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StreamBlockValidationError
from wagtail.fields import StreamField

from .locales import site_languages


def translation_languages():
    """The choices of a translation's language: the site's languages but German (callable, so
    a changed ``SITE_LANGUAGES`` needs no migration)."""
    return [(lang.code, lang.name) for lang in site_languages() if not lang.is_default]


class TranslationsBlock(blocks.StreamBlock):
    """Entries "language + translated fields", at most one per language."""

    def value_from_datadict(self, data, files, prefix):
        """``None`` when a post leaves the field out (a form from before the field, a
        script): as for any omitted field with a default, Django's model form then keeps the
        stored translations, where Wagtail's stream would fail on the missing count (a 500)."""
        if self.value_omitted_from_data(data, files, prefix):
            return None
        return super().value_from_datadict(data, files, prefix)

    def clean(self, value):
        if value is None:  # left out of the post: kept as stored (above)
            return None
        cleaned = super().clean(value)
        seen, errors = set(), {}
        for index, child in enumerate(cleaned):
            language = child.value.get("language")
            if language in seen:
                errors[index] = ValidationError(
                    _("Für diese Sprache gibt es schon eine Übersetzung.")
                )
            seen.add(language)
        if errors:
            raise StreamBlockValidationError(block_errors=errors)
        return cleaned


def translations_field(*fields, help_text):
    """The ``translations`` field of a model: each entry a language and ``fields`` (name,
    block) in it."""
    entry = blocks.StructBlock(
        [
            (
                "language",
                blocks.ChoiceBlock(choices=translation_languages, label=_("Sprache")),
            ),
            *fields,
            (
                "note",
                blocks.CharBlock(
                    label=_("Interner Hinweis"),
                    required=False,
                    max_length=255,
                    help_text=_(
                        "Nur in der Verwaltung sichtbar, z. B. wer übersetzt hat oder "
                        "„Beispielübersetzung“."
                    ),
                ),
            ),
        ],
        label=_("Übersetzung"),
        icon="globe",
    )
    return StreamField(
        TranslationsBlock([("translation", entry)]),
        blank=True,
        default=list,
        verbose_name=_("Übersetzungen"),
        help_text=help_text,
    )


def translated(obj, field, language):
    """``(text, language)``: ``obj``'s ``field`` in ``language`` where a translation entry
    fills it, else its German text and German (``settings.LANGUAGE_CODE``)."""
    default = settings.LANGUAGE_CODE
    if language and language != default:
        stream = getattr(obj, "translations", None)
        for item in stream.raw_data if stream is not None else ():
            entry = item.get("value") if isinstance(item, dict) else None
            if isinstance(entry, dict) and entry.get("language") == language:
                text = entry.get(field)
                if isinstance(text, str) and text.strip():
                    return text.strip(), language
    return getattr(obj, field), default
