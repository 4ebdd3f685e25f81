"""SQLite: FTS5 over title and body stemmed with the Snowball algorithm of each object's
language (search/languages.py: its configuration's name; "simple" only lowercases).

FTS5 keeps no language per entry: a query's words are stemmed in every site language's way
and any of them may match (one word "refugees": ``refuge OR refugees``); the engine ranks the
visitor's language first by searching it apart (search/engine.py)."""

from functools import reduce

from wagtail.search.backends.database.sqlite.sqlite import (
    ObjectIndexer,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from wagtail.search.query import Phrase, PlainText

from .. import languages
from ..stemming import stem_text


class StemmingObjectIndexer(ObjectIndexer):
    def __init__(self, obj, backend):
        super().__init__(obj, backend)
        self.stem_config = languages.config_of(obj)

    @property
    def stemmed_title(self):
        return stem_text(self.title, self.stem_config)

    @property
    def stemmed_body(self):
        return stem_text(self.body, self.stem_config)


class StemmingSQLiteIndex(SQLiteIndex):
    """Stores title and body stemmed (autocomplete unstemmed); otherwise Wagtail's add_items."""

    # Borrowed: see cms/borrowed.py (modelsearch SQLiteIndex.add_items, a copy;
    # SQLiteIndex._refresh_title_norms)
    def add_items(self, model, objs):
        from wagtail.search.models import IndexEntry
        from wagtail.search.utils import get_content_type_pk

        if not model.get_search_fields():
            return
        data = {}
        for obj in objs:
            indexer = StemmingObjectIndexer(obj, self.backend)
            data[indexer.id] = {
                "title": indexer.stemmed_title,
                "autocomplete": indexer.autocomplete,
                "body": indexer.stemmed_body,
            }
        if not data:
            return
        entries = self.entries.filter(content_type_id=get_content_type_pk(model))
        existing = set(entries.filter(object_id__in=data).values_list("object_id", flat=True))
        for object_id in existing:
            entries.filter(object_id=object_id).update(**data[object_id])
        self.entries.bulk_create(
            IndexEntry(content_type_id=get_content_type_pk(model), object_id=object_id, **values)
            for object_id, values in data.items()
            if object_id not in existing
        )
        self._refresh_title_norms()


class StemmingCompiler(SQLiteSearchQueryCompiler):
    """Stems the words of the query as the index was stemmed."""

    # Borrowed: see cms/borrowed.py (modelsearch
    # SQLiteSearchQueryCompiler.build_search_query_content)
    def build_search_query_content(self, query, config=None):
        # Each word as every site language's configuration stems it (Wagtail's SQLite backend
        # has no configuration): one of them matches.
        if isinstance(query, PlainText | Phrase):
            configs = dict.fromkeys(config for _lang, config in languages.language_configs())
            variants = [
                PlainText(stemmed, operator=query.operator)
                if isinstance(query, PlainText)
                else Phrase(stemmed)
                for stemmed in dict.fromkeys(
                    stem_text(query.query_string, config) or query.query_string
                    for config in configs
                )
            ]
            built = [super(StemmingCompiler, self).build_search_query_content(v) for v in variants]
            return reduce(lambda a, b: a | b, built)
        return super().build_search_query_content(query, config)


class SQLiteBackend(SQLiteSearchBackend):
    # FTS5's bm25(): lower is better (search/engine.py merges the types by score).
    scores_ascending = True
    query_compiler_class = StemmingCompiler
    index_class = StemmingSQLiteIndex

    def __init__(self, params):
        super().__init__(params)
        # Used only by this project's index and compiler, to stem (autocomplete: never).
        self.config = params.get("SEARCH_CONFIG") or "simple"
