"""Excerpts with the search hits marked: escape everything first, then wrap the hits in <mark>.

Hits are found by the Snowball stemmer of the configuration the text was indexed in (its
language's, search/languages.py; see search/stemming.py), the one PostgreSQL's text search and
the SQLite index use, so "Geflüchtete" marks "geflüchteten" just as the database matched it, and
"refugees" marks "refugee" on an English page.
The text is never trusted: every character is HTML-escaped and only our own <mark> tags are added.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .stemming import WORD_RE, stem

EXCERPT_LENGTH = 240
MAX_TERMS = 20
# Snowball stemmers that change more than a word's ending.
WHOLE_WORD_STEMMERS = {"arabic"}

# The German stemmer folds umlauts and ß; the pattern that finds candidate words must accept both.
_FOLDED = {"ss": "(?:ss|ß)", "a": "[aä]", "o": "[oö]", "u": "[uü]"}


def _folded_pattern(stemmed):
    return "".join(
        _FOLDED.get(piece, re.escape(piece)) for piece in re.findall(r"ss|.", stemmed, re.DOTALL)
    )


def query_terms(query):
    """The words of a query, in order, without duplicates (the search is plain text)."""
    terms = []
    for word in WORD_RE.findall(query):
        if word.lower() not in (t.lower() for t in terms):
            terms.append(word)
    return terms[:MAX_TERMS]


class Highlighter:
    """Finds the words of ``query`` in texts and renders escaped excerpts with marked hits."""

    def __init__(self, query, config=None):
        self.config = config
        self.stems = {stem(term, config) for term in query_terms(query)}
        self.stems.discard("")
        if self.stems:
            alternatives = "|".join(
                _folded_pattern(s) for s in sorted(self.stems, key=len, reverse=True)
            )
            # Candidates start with a stem; each one is confirmed by stemming the whole word.
            # (Every word is a candidate where the stemmer also takes prefixes away and
            # normalises letters: Arabic's article, conjunctions and hamza forms.)
            pattern = r"\w+" if config in WHOLE_WORD_STEMMERS else rf"\b(?:{alternatives})\w*"
            self.candidate_re = re.compile(pattern, re.IGNORECASE)
        else:
            self.candidate_re = None

    def hits(self, text):
        """(start, end) spans of the words in ``text`` that share a stem with the query."""
        if self.candidate_re is None:
            return []
        return [
            m.span()
            for m in self.candidate_re.finditer(text)
            if stem(m.group(), self.config) in self.stems
        ]

    def excerpt(self, texts, length=EXCERPT_LENGTH):
        """An escaped excerpt of the first text with a hit (else of the first text), hits marked."""
        texts = [" ".join(t.split()) for t in texts if t and t.strip()]
        if not texts:
            return SafeString("")
        for text in texts:
            spans = self.hits(text)
            if spans:
                return self._render(text, spans, length)
        return self._render(texts[0], [], length)

    def _render(self, text, spans, length):
        start = 0
        if spans and spans[0][1] > length:
            # Put the first hit about a third into the window, starting at a word boundary.
            start = max(0, spans[0][0] - length // 3)
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < spans[0][0] else start
        end = min(len(text), start + length)
        if end < len(text):
            space = text.rfind(" ", start, end)
            if space >= (spans[0][1] if spans else start + 1):
                end = space
        parts = ["…" if start > 0 else ""]
        cursor = start
        for hit_start, hit_end in spans:
            if hit_start < start or hit_end > end:
                continue
            parts.append(escape(text[cursor:hit_start]))
            parts.append(f"<mark>{escape(text[hit_start:hit_end])}</mark>")
            cursor = hit_end
        parts.append(escape(text[cursor:end]))
        if end < len(text):
            parts.append(" …")
        return mark_safe("".join(parts))  # noqa: S308 – every piece of text above is escaped
