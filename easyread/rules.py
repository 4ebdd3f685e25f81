"""The rules of Leichte Sprache that a program can check, as warnings for editors.

Not blockers: a rule of Leichte Sprache is a guideline (Netzwerk Leichte Sprache, DIN SPEC
33429), and a Prüfgruppe decides. The editor sees the findings on the page (a panel of the edit
form) and after saving (a warning message); saving and publishing are never refused.
"""

import re
from dataclasses import dataclass

from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageBlock

from content.resolution import list_items

MAX_SENTENCE_WORDS = 15
MAX_WORD_LETTERS = 14

# Abbreviations that readers of Leichte Sprache stumble over (written out, they need none).
ABBREVIATIONS = (
    "z. B.", "z. T.", "u. a.", "d. h.", "o. Ä.", "u. Ä.", "usw.", "bzw.", "ggf.", "evtl.",
    "ca.", "etc.", "vgl.", "inkl.", "bspw.", "sog.", "Nr.", "Abs.", "Std.", "Tel.", "zzgl.",
)  # fmt: skip
_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:" + "|".join(re.escape(a).replace(r"\ ", r"\s?") for a in ABBREVIATIONS) + r")",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+")
_WORD = re.compile(r"[\w·\-\u00ad]+")
_BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote)>|<br\s*/?>", re.IGNORECASE)
# The fields of a page or snippet whose text readers read.
TEXT_FIELDS = ("title", "intro", "term", "explanation")


@dataclass(frozen=True)
class Finding:
    rule: str  # "sentence", "word" or "abbreviation"
    message: str


def _fragments_of_html(html):
    for part in _BLOCK_END.split(html or ""):
        text = " ".join(strip_tags(part).split())
        if text:
            yield text


def block_texts(block, raw):
    """The texts a reader reads in a block's raw data, one fragment per paragraph."""
    if raw is None:
        return
    if isinstance(block, blocks.RichTextBlock):
        if isinstance(raw, str):
            yield from _fragments_of_html(raw)
    elif isinstance(block, ImageBlock):
        return
    elif isinstance(block, blocks.StreamBlock):
        for item in raw if isinstance(raw, list) else ():
            child = block.child_blocks.get(item.get("type")) if isinstance(item, dict) else None
            if child is not None:
                yield from block_texts(child, item.get("value"))
    elif isinstance(block, blocks.ListBlock):
        for value in list_items(raw):
            yield from block_texts(block.child_block, value)
    elif isinstance(block, blocks.StructBlock):
        if isinstance(raw, dict):
            for name, child in block.child_blocks.items():
                yield from block_texts(child, raw.get(name))
    elif isinstance(block, (blocks.CharBlock, blocks.TextBlock)) and isinstance(raw, str):
        for line in raw.splitlines():
            if line.strip():
                yield " ".join(line.split())


def texts_of(obj):
    """Every text of a page or snippet a reader reads: its text fields and its streams."""
    for name in TEXT_FIELDS:
        value = getattr(obj, name, None)
        if isinstance(value, str) and value.strip():
            yield from (" ".join(line.split()) for line in value.splitlines() if line.strip())
    for field in obj._meta.get_fields():
        if isinstance(field, StreamField):
            stream = getattr(obj, field.name)
            yield from block_texts(field.stream_block, stream.raw_data)


def _excerpt(text, words=8):
    return Truncator(text).words(words, truncate="…")


def check_text(fragments):
    """The findings in ``fragments`` (each rule and place once), in reading order."""
    findings = {}

    def add(rule, message):
        findings.setdefault((rule, message), Finding(rule, message))

    for fragment in fragments:
        for match in _ABBREVIATION.finditer(fragment):
            add(
                "abbreviation",
                f"Abkürzung „{match.group(0).strip()}“: bitte ausschreiben.",
            )
        for sentence in _SENTENCE_END.split(fragment):
            words = _WORD.findall(sentence)
            if len(words) > MAX_SENTENCE_WORDS:
                add(
                    "sentence",
                    f"Langer Satz ({len(words)} Wörter, empfohlen höchstens "
                    f"{MAX_SENTENCE_WORDS}): „{_excerpt(sentence)}“",
                )
            for word in words:
                if "-" in word or "·" in word or "\u00ad" in word:
                    continue
                letters = sum(char.isalpha() for char in word)
                if letters > MAX_WORD_LETTERS and word.isalpha():
                    add(
                        "word",
                        f"Langes Wort „{word}“ ({letters} Buchstaben): mit Binde-Strich oder "
                        "Medio·punkt gliedern.",
                    )
    return list(findings.values())


def check(obj):
    """The findings for a page or snippet (its text as it is in the form or the database)."""
    return check_text(texts_of(obj))
