""" "Meinten Sie …?": the closest words of public titles and names for a query that found nothing.

Only titles and names of public objects (each source's public queryset, search/sources.py) are
read, so a suggestion never reveals a hidden title. On PostgreSQL ``pg_trgm`` finds the titles
that contain a word similar to the typed one (``title %> word``, served by trigram GIN indexes,
search/migrations/0002); on other databases every public title is read, which suits the small
sites that use the embedded default. In both cases the closest word of those titles is chosen in
Python (umlauts and ß folded, ``difflib``'s ratio), and it replaces the typed word.
"""

import difflib
import unicodedata

from django.db import connection
from django.db.models import BooleanField, F, Func, Q, Value

from . import languages
from .query import WORD_RE, ParsedQuery
from .sources import SOURCES

MIN_RATIO = 0.8
CANDIDATE_TITLES = 50
MIN_WORD_LENGTH = 4


class WordSimilar(Func):
    """``field %> 'word'``: ``word`` is similar to a word of ``field`` (pg_trgm, indexable)."""

    arg_joiner = " %%> "
    template = "(%(expressions)s)"
    output_field = BooleanField()


def fold(word):
    word = word.lower().replace("ß", "ss")
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch)
    )


def _title_texts(word, site, language=None):
    """Public titles and names that may contain a word like ``word`` (in ``language`` only,
    unless ``None``)."""
    postgres = connection.vendor == "postgresql"
    for source in SOURCES:
        fields = source.title_fields
        queryset = source.queryset(site)
        if language is not None:
            if languages.is_translatable(source.model):
                queryset = queryset.filter(locale__language_code=language)  # not searched
            elif language != languages.default_language():
                continue
        if postgres:
            condition = Q()
            for name in fields:
                condition |= Q(WordSimilar(F(name), Value(word)))
            queryset = queryset.filter(condition)[:CANDIDATE_TITLES]
        for values in queryset.values_list(*fields):
            yield " ".join(v for v in values if v)


def closest_word(word, site, language=None):
    """The word of a public title or name closest to ``word`` (``word`` itself if it is one),
    of the titles in ``language`` (all, if ``None``)."""
    if len(word) < MIN_WORD_LENGTH:
        return word
    target = fold(word)
    best, best_ratio = word, MIN_RATIO
    for text in _title_texts(word, site, language):
        for candidate in WORD_RE.findall(text):
            folded = fold(candidate)
            if folded == target:
                return word
            ratio = difflib.SequenceMatcher(None, target, folded).ratio()
            if ratio > best_ratio:
                best, best_ratio = candidate, ratio
    return best


def _replaced(parsed, fixes):
    return ParsedQuery(
        words=tuple(fixes.get(w, w) for w in parsed.words),
        phrases=tuple(tuple(fixes.get(w, w) for w in phrase) for phrase in parsed.phrases),
        excluded=parsed.excluded,
    )


def respelled(parsed, titles):
    """``parsed`` with words spelled as in ``titles`` where only umlauts or ß differ (else None)."""
    spelled = {}
    for word in WORD_RE.findall(" ".join(titles)):
        spelled.setdefault(word.lower(), word)
    by_fold = {fold(word): word for word in spelled.values()}
    fixes = {}
    for word in parsed.positive_words():
        if word.lower() not in spelled and fold(word) in by_fold:
            fixes[word] = by_fold[fold(word)]
    return _replaced(parsed, fixes) if fixes else None


def corrected_query(parsed, site, language=None):
    """``parsed`` with each word replaced by its closest public title word, of the titles in
    ``language`` (all if ``None``); None: no change."""
    fixes = {word: closest_word(word, site, language) for word in parsed.positive_words()}
    if all(fixed == word for word, fixed in fixes.items()):
        return None
    return _replaced(parsed, fixes)
