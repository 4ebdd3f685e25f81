"""PostgreSQL: websearch_to_tsquery in the configured language, bounded ranking."""

from functools import reduce

from django.contrib.postgres.search import SearchQuery
from wagtail.search.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from wagtail.search.query import And, Not, Or, Phrase, PlainText

from ..stemming import WORD_RE


class WebSearchCompiler(PostgresSearchQueryCompiler):
    """Words, phrases and exclusions as ``websearch_to_tsquery`` in the configured language."""

    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText | Phrase):
            words = WORD_RE.findall(query.query_string)
            if isinstance(query, Phrase):
                text = '"' + " ".join(words) + '"'
            else:
                text = (" or " if query.operator == "or" else " ").join(words)
            tsquery = SearchQuery(text, search_type="websearch", config=config)
            return ~tsquery if invert else tsquery
        if isinstance(query, Not):
            return self.build_tsquery_content(query.subquery, config=config, invert=not invert)
        if isinstance(query, And | Or):
            parts = [
                self.build_tsquery_content(sub, config=config, invert=invert)
                for sub in query.subqueries
            ]
            # De Morgan: an inverted And is an Or of inverted parts (as Wagtail does).
            if isinstance(query, And) != invert:
                return reduce(lambda a, b: a & b, parts)
            return reduce(lambda a, b: a | b, parts)
        return super().build_tsquery_content(query, config=config, invert=invert)


class PostgresBackend(PostgresSearchBackend):
    query_compiler_class = WebSearchCompiler
