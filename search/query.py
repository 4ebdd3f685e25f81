"""What a visitor types, understood the same way on every backend.

The query language is the one of web search engines (and of PostgreSQL's
``websearch_to_tsquery``): words must all match, ``"soziale Beratung"`` in quotes is a phrase
(the words in this order, next to each other), a minus before a word or a phrase excludes it
(``Beratung -Asyl``). Everything else (operators, ``a:b:c``, SQL fragments, an unbalanced quote)
is just text: only the words (``\\w+``) of each part are used, so no input can break a backend.

The parsed query becomes Wagtail's search query objects (``PlainText``, ``Phrase``, ``Not``,
``And``, ``Or``), which each backend compiles its own way (search/backends/).
"""

import re
from dataclasses import dataclass

from wagtail.search.query import And, Not, Or, Phrase, PlainText

WORD_RE = re.compile(r"\w+")
# A part is a quoted phrase (the closing quote may be missing) or a run of non-space characters,
# either one excluded by a leading minus.
PART_RE = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')
MAX_TERMS = 20


@dataclass(frozen=True)
class ParsedQuery:
    words: tuple = ()  # single words, each must match
    phrases: tuple = ()  # tuples of words, each must match as a phrase
    excluded: tuple = ()  # tuples of words (one word or a phrase), none may match

    @property
    def searchable(self):
        """A query needs something to find: exclusions alone find nothing."""
        return bool(self.words or self.phrases)

    def positive_words(self):
        """The words that must be found (for marking hits and for suggestions), in order."""
        seen, out = set(), []
        for word in [*self.words, *(w for phrase in self.phrases for w in phrase)]:
            if word.lower() not in seen:
                seen.add(word.lower())
                out.append(word)
        return out

    def text(self):
        """The query written back in the query language (normalised)."""
        parts = list(self.words)
        parts += [f'"{" ".join(phrase)}"' for phrase in self.phrases]
        parts += [
            "-" + (words[0] if len(words) == 1 else f'"{" ".join(words)}"')
            for words in self.excluded
        ]
        return " ".join(parts)


def parse(query):
    """Split ``query`` into words, phrases and exclusions (at most MAX_TERMS words in all)."""
    words, phrases, excluded = [], [], []
    budget = MAX_TERMS
    for match in PART_RE.finditer(query or ""):
        if match.group(2) is not None:
            minus, text, quoted = match.group(1), match.group(2), True
        else:
            minus, text, quoted = match.group(3), match.group(4), False
        found = WORD_RE.findall(text)[:budget]
        if not found:
            continue
        budget -= len(found)
        if minus:
            if tuple(found) not in excluded:
                excluded.append(tuple(found))
        elif quoted and len(found) > 1:
            if tuple(found) not in phrases:
                phrases.append(tuple(found))
        else:
            # A word, or several joined by punctuation ("a:b:c", "Pflege-Angehörige"): each
            # must match, as a plain search for all words would.
            for word in found:
                if word.lower() not in (w.lower() for w in words):
                    words.append(word)
        if budget <= 0:
            break
    return ParsedQuery(tuple(words), tuple(phrases), tuple(excluded))


def backend_query(parsed, family_of=lambda word: ()):
    """Wagtail's query objects for ``parsed``: every word (or one of its family), every phrase,
    and none of the exclusions."""
    parts = []
    for word in parsed.words:
        others = list(family_of(word))
        parts.append(Or([PlainText(w) for w in [word, *others]]) if others else PlainText(word))
    parts += [Phrase(" ".join(phrase)) for phrase in parsed.phrases]
    parts += [
        Not(PlainText(words[0]) if len(words) == 1 else Phrase(" ".join(words)))
        for words in parsed.excluded
    ]
    return parts[0] if len(parts) == 1 else And(parts)
