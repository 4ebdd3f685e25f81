"""The Snowball stemmer that belongs to the search configuration (``SEARCH_CONFIG``).

PostgreSQL's text search configurations "german", "english" … stem with the Snowball algorithm
of that language; the same algorithm (the ``snowballstemmer`` package) stems the SQLite index
and its queries (search/backends/) and finds the words to mark in excerpts (search/highlight.py),
so all three agree. A configuration without a Snowball stemmer ("simple") only lowercases.
"""

import re
from functools import lru_cache

import snowballstemmer
from django.conf import settings

WORD_RE = re.compile(r"\w+")


def search_config():
    return settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIG") or "simple"


@lru_cache(maxsize=8)
def _stemmer(config):
    if config in snowballstemmer.algorithms():
        return snowballstemmer.stemmer(config)
    return None


def stem(word, config=None):
    stemmer = _stemmer(config or search_config())
    word = word.lower()
    return stemmer.stemWord(word) if stemmer else word


def stem_text(text, config=None):
    """``text`` as the index stores it: its words stemmed, separated by spaces."""
    return " ".join(stem(word, config) for word in WORD_RE.findall(text or ""))
