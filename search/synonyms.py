"""Word families that German stemming cannot join.

PostgreSQL's German stemmer folds "Geflüchtete" and "geflüchteten" into one stem, but
"Flüchtlinge" has another stem ("fluchtling" vs "geflucht"), so a visitor's word choice would
decide what they find. A search word from a family also searches the family's other words.
The list is editorial, short and explicit; it is not a thesaurus.
"""

from .stemming import stem

FAMILIES = [
    ("Flüchtling", "Geflüchtete"),
]

_FAMILY_BY_STEM = {stem(word): family for family in FAMILIES for word in family}


def family_of(term):
    """The other words searched together with ``term`` (empty if it has no family)."""
    family = _FAMILY_BY_STEM.get(stem(term), ())
    return [word for word in family if stem(word) != stem(term)]


def expanded_words(terms):
    """The query's words plus their families' words (for marking hits in excerpts)."""
    return list(terms) + [word for term in terms for word in family_of(term)]
