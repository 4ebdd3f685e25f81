"""PostgreSQL: websearch_to_tsquery in the configured language, bounded ranking."""

import copy
import uuid
from functools import reduce

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections, transaction
from django.db.models import BigIntegerField, Case, F, FloatField, Value, When
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast
from django.db.models.sql import Query
from wagtail.models import Page
from wagtail.search.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from wagtail.search.models import IndexEntry
from wagtail.search.query import And, Fuzzy, MatchAll, Not, Or, Phrase, PlainText
from wagtail.search.utils import get_content_type_pk, get_descendants_content_types_pks

from .. import languages
from ..stemming import WORD_RE


class LanguageIndex(PostgresIndex):
    """Indexes each object in its own language's configuration (search/languages.py) and
    notes the language in ``search_document`` (search/migrations/0005)."""

    # Borrowed: see cms/borrowed.py (modelsearch PostgresIndex.add_items: its ObjectIndexer
    # reads backend.config)
    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        groups = {}
        for obj in objs:
            code = languages.language_of(obj)
            groups.setdefault((languages.config_for(code), languages.stored(code)), []).append(obj)
        content_type = get_content_type_pk(model)
        for (config, language), group in groups.items():
            if config == self.backend.config:
                super().add_items(model, group)
            else:
                # Upstream's ObjectIndexer stems with its backend's configuration.
                backend = copy.copy(self.backend)
                backend.config = config
                PostgresIndex(backend).add_items(model, group)
            if not _integer_pk(model):
                continue  # (search_document holds integer ids only)
            with self.write_connection.cursor() as cursor:
                cursor.execute(
                    "UPDATE search_document SET language = %s WHERE content_type_id = %s "
                    "AND object_id = ANY(%s) AND language <> %s",
                    [language, content_type, [int(obj.pk) for obj in group], language],
                )


class WebSearchCompiler(PostgresSearchQueryCompiler):
    """Words, phrases and exclusions as ``websearch_to_tsquery`` in the configured language."""

    # Borrowed: see cms/borrowed.py (modelsearch, partly a copy of
    # PostgresSearchQueryCompiler.build_tsquery_content)
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


# Matches ranked in full (title and body) per search; see IndexFirstCompiler.search.
RANK_CANDIDATES = 200


def _integer_pk(model):
    field = model._meta.pk
    while field.is_relation:
        field = field.target_field
    return field.get_internal_type() in ("AutoField", "BigAutoField", "IntegerField")


class IndexFirstCompiler(WebSearchCompiler):
    # Borrowed: see cms/borrowed.py (modelsearch PostgresSearchQueryCompiler.search;
    # django Query.add_ordering: query.order_by)
    def search(self, config, start, stop, score_field=None, backend=None):
        """Find the matching index entries first, rank only the best candidates in full.

        Wagtail joins the searched model to its index entries on ``pk::varchar = object_id``:
        PostgreSQL then reads every public object of the type (20,000 publications) to hash-join
        them, and orders all matches by ``ts_rank`` over title and body, one body vector
        decompressed per match (26,000 for a broad word). Here the entries are found by the GIN
        index on (content type, title || body) (search/migrations/0003) and the objects are
        selected by their primary key (``pk IN (object_id::integer …)``). Ranking is bounded: the
        public matches are ordered by the rank of their small title vector (newest first among
        equals) and only the first ``RANK_CANDIDATES`` (or ``stop``, if more) are ranked in full,
        as Wagtail ranks. A query with fewer matches is ranked exactly as before; for a broad
        word every document with it in the title comes first, then the newest of the others.
        Counting is exact and over all public matches, as before.
        """
        if not self.supports_index_first():
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        if stop is None:
            # Every match, ranked in full: Wagtail's way (the site always asks for a page).
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        entries = self._entries(config)
        matches = self.queryset.filter(pk__in=entries.values("_object_pk"))
        if not self.order_by_relevance:
            if not matches.query.order_by:
                matches = matches.order_by("-pk")
            return matches[start:stop]

        # The best candidates by title rank (small vectors, found through the GIN index), ranked
        # in full, the page [start:stop] of them taken: one query.
        tsquery = self.build_tsquery(self.query, config=config)
        public = entries.filter(_object_pk__in=self.queryset.values("pk"))
        title_rank = SearchRank(F("title"), tsquery, weights=self.sql_weights) * F("title_norm")
        candidates = public.order_by(title_rank.desc(), "-_object_pk").values("pk")
        rank = self.build_tsrank(F("title"), self.query, config=config) * F("title_norm")
        rank += self.build_tsrank(F("body"), self.query, config=config)
        ranked = (
            IndexEntry.objects.filter(pk__in=candidates[: max(RANK_CANDIDATES, stop)])
            .annotate(_object_pk=Cast("object_id", BigIntegerField()), _rank=rank)
            .order_by("-_rank", "-_object_pk")
            .values_list("_object_pk", "_rank")[start:stop]
        )
        scores = dict(ranked)
        score = Case(
            *[When(pk=pk, then=Value(value)) for pk, value in scores.items()],
            default=Value(0.0),
            output_field=FloatField(),
        )
        name = score_field or "_search_rank"
        queryset = self.queryset.filter(pk__in=list(scores)).annotate(**{name: score})
        return queryset.order_by(f"-{name}", "-pk")

    def supports_index_first(self):
        return (
            self.fields is None
            and not isinstance(self.query, MatchAll | Fuzzy)
            and not (isinstance(self.query, Not) and isinstance(self.query.subquery, MatchAll))
            and _integer_pk(self.queryset.model)
        )

    def _entries(self, config):
        """The matching index entries of the searched types, with their objects' primary keys."""
        model = self.queryset.model
        return (
            IndexEntry.objects.filter(content_type_id__in=get_descendants_content_types_pks(model))
            .annotate(_document=CombinedExpression(F("title"), "||", F("body")))
            .filter(_document=self.build_tsquery(self.query, config=config))
            .annotate(_object_pk=Cast("object_id", BigIntegerField()))
        )

    def count(self, config):
        """All public matches, counted from the index entries (no ranking)."""
        return self.queryset.filter(pk__in=self._entries(config).values("_object_pk")).count()


class Results(PostgresSearchResults):
    # Borrowed: see cms/borrowed.py (modelsearch PostgresSearchResults._do_count)
    def _do_count(self):
        compiler = self.query_compiler
        if isinstance(compiler, IndexFirstCompiler) and compiler.supports_index_first():
            return compiler.count(compiler.get_config(self.backend))
        return super()._do_count()


class PostgresBackend(PostgresSearchBackend):
    query_compiler_class = IndexFirstCompiler
    results_class = Results
    index_class = LanguageIndex

    # Borrowed: see cms/borrowed.py (SQL on Wagtail's IndexEntry table)
    def search_sources(
        self, query, scopes, *, stop, only=None, scopes_key=None, language="", only_language=False
    ):
        """Search several types of public objects at once: the site search's one query.

        ``scopes`` is a list of ``(key, content type ids, queryset)``: the queryset selects the
        public objects (search/sources.py ``index_scope``), only they are counted and ranked;
        it may be a callable returning that list, and ``scopes_key`` then names it: its SQL is
        compiled once per process (it holds no data, only the conditions, so any number of
        processes may each keep their own). Returns the number of matches of each key and the
        best ``stop`` matches (of the key ``only``, or of all) as ``(key, pk, score)``, best
        first: those in ``language`` (the visitor's, search/languages.py ``stored``) first,
        then the others; ``only_language``: the others are not searched.

        The query is compiled in each language's configuration once (one small statement),
        and every document is matched and ranked with its own language's query (its
        ``language`` in ``search_document``).

        One SQL statement over ``search_document`` (search/migrations/0004), Wagtail's index
        narrowed and kept in step by triggers: the matching documents are found once through its
        GIN index, joined to each distinct public queryset once (all page types share one),
        every type is counted, the candidates are ordered by their title's rank (small vectors)
        and only the best ``RANK_CANDIDATES`` (or ``stop``, if more) are ranked in full (title
        rank times Wagtail's title norm, plus the document's rank).
        Wagtail's backend runs a count and a ranked query per type instead, over its wide
        entries (see ``IndexFirstCompiler``).
        """
        keys, joined, using, multilingual = self._compiled_scopes(scopes, scopes_key)
        counts = dict.fromkeys(keys, 0)
        if not keys:
            return counts, []
        per_language = self._tsqueries(query, using)
        if only_language:
            per_language = [(lang, tsq) for lang, tsq in per_language if lang == language]
        per_language = [(lang, tsq) for lang, tsq in per_language if tsq]
        if not per_language:
            return counts, []
        default_tsquery = next((tsq for lang, tsq in per_language if lang == ""), None)
        others = [(lang, tsq) for lang, tsq in per_language if lang != ""]
        any_tsqueries = sorted({tsq for _lang, tsq in others})
        weights = self.query_compiler_class(Page.objects.none(), query).sql_weights

        # Each public queryset's matches in two parts: the default language's entries (nearly
        # all) with its query, exactly as one language is searched (one condition the GIN index
        # and the planner's statistics serve); for querysets of translatable objects (pages,
        # the glossary) the other languages' entries too, found with all their queries joined
        # by "or" and kept where their own language's query matches. Everything else is
        # indexed in the default language only (search/languages.py).
        parts = []
        if default_tsquery:
            parts.append(
                (
                    "d.language = '' AND d.document @@ %s::tsquery",
                    [default_tsquery],
                    ("%s::tsquery", [default_tsquery]),
                    False,
                )
            )
        if others:
            cases = " ".join("WHEN %s THEN %s::tsquery" for _lang in others)
            own = f"(CASE d.language {cases} END)"
            own_params = [value for pair in others for value in pair]
            any_sql = " || ".join("%s::tsquery" for _tsq in any_tsqueries)
            condition = f"d.language <> '' AND d.document @@ ({any_sql}) AND d.document @@ {own}"
            parts.append((condition, [*any_tsqueries, *own_params], (own, own_params), True))
        language_filter = "AND d.language = %s " if only_language else ""

        branches, branch_params = [], []
        for public, members in joined.items():
            public_sql, public_params = public
            cases = " ".join("WHEN d.content_type_id = ANY(%s) THEN %s" for _member in members)
            for condition, condition_params, (own, own_params), other_languages in parts:
                if other_languages and public not in multilingual:
                    continue
                branch = f"SELECT CASE {cases} END AS source, d.entry_id, d.object_id, "
                branch += "d.language = %s AS own, "
                branch += f"ts_rank(%s::float4[], d.title, {own}) AS title_rank "
                branch += "FROM search_document d WHERE d.content_type_id = ANY(%s) "
                branch += f"AND {condition} {language_filter}"
                branch += f"AND d.object_id IN ({public_sql})"
                branches.append(branch)
                for number, types in members:
                    branch_params += [types, number]
                branch_params += [language, weights, *own_params]
                branch_params += [[t for _number, types in members for t in types]]
                branch_params += condition_params
                branch_params += [language] if only_language else []
                branch_params += public_params
        if not branches:
            return counts, []
        # The best candidates' documents ranked with their own language's query.
        own_cases = " ".join("WHEN %s THEN %s::tsquery" for _pair in per_language)
        own_params = [value for pair in per_language for value in pair]

        only_number = keys.index(only) if only else None
        candidates = max(RANK_CANDIDATES, stop) if stop else 0
        # Only SQL compiled by Django's ORM is interpolated; every value is a parameter.
        sql = f"""
            WITH hits AS MATERIALIZED ({" UNION ALL ".join(branches)}),
            best AS (
                SELECT * FROM hits WHERE %s::integer IS NULL OR source = %s::integer
                ORDER BY own DESC, title_rank DESC, object_id DESC LIMIT %s
            )
            SELECT source, count(*), NULL::bigint, NULL::float8, NULL::boolean
            FROM hits GROUP BY source
            UNION ALL
            SELECT best.source, NULL, best.object_id,
                   best.title_rank * e.title_norm
                   + ts_rank(%s::float4[], d.document, CASE d.language {own_cases} END),
                   best.own
            FROM best JOIN search_document d ON d.entry_id = best.entry_id
            JOIN wagtailsearch_indexentry e ON e.id = best.entry_id
        """  # noqa: S608
        params = [*branch_params]
        params += [only_number, only_number, candidates, weights, *own_params]
        ranked = []
        with transaction.atomic(using=using), connections[using].cursor() as cursor:
            # One process per search, as with one language: a parallel plan (the planner
            # considers one for the per-language parts) costs more to start than it saves here.
            cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
            cursor.execute(sql, params)
            for number, count, pk, score, is_own in cursor.fetchall():
                if pk is None:
                    counts[keys[number]] = count
                else:
                    ranked.append((not is_own, -score, number, -pk))
        ranked.sort()
        return counts, [(keys[number], -pk, -score) for _o, score, number, pk in ranked[:stop]]

    def _tsqueries(self, query, using):
        """``[(stored language, tsquery text)]``: ``query`` compiled in each site language's
        configuration, by one statement (the texts are then constants of the search). The ORM
        compiles the query once, with a stand-in for the configuration (a parameter)."""
        compiler = self.query_compiler_class(Page.objects.none(), query)
        pairs = languages.language_configs()
        configs = list(dict.fromkeys(config for _lang, config in pairs))
        sql, sql_params = _compiled(compiler.build_tsquery(query, config=_CONFIG_STAND_IN), using)
        params = []
        for config in configs:
            params += [config if p == _CONFIG_STAND_IN else p for p in sql_params]
        selects = ", ".join(f"({sql})::text" for _config in configs)
        with connections[using].cursor() as cursor:
            cursor.execute(f"SELECT {selects}", params)  # noqa: S608 - ORM's SQL
            texts = dict(zip(configs, cursor.fetchone(), strict=True))
        return [(lang, texts[config]) for lang, config in pairs]

    # Borrowed: see cms/borrowed.py (django Query.sql_with_params)
    def _compiled_scopes(self, scopes, scopes_key):
        """The keys, the public querysets' SQL (one entry per distinct queryset, with the
        numbers and content types of the keys it serves), the database alias and which of the
        querysets select translatable objects (indexed in their own languages)."""
        cached = _COMPILED_SCOPES.get(scopes_key) if scopes_key is not None else None
        if cached is not None:
            return cached
        scopes = scopes() if callable(scopes) else scopes
        joined, multilingual = {}, set()
        for number, (_key, types, queryset) in enumerate(scopes):
            sql, params = queryset.order_by().values("pk").query.sql_with_params()
            joined.setdefault((sql, tuple(params)), []).append((number, sorted(types)))
            if languages.is_translatable(queryset.model):
                multilingual.add((sql, tuple(params)))
        compiled = (
            [key for key, _types, _queryset in scopes],
            joined,
            scopes[0][2].db if scopes else "default",
            multilingual,
        )
        if scopes_key is not None:
            if len(_COMPILED_SCOPES) >= 256:  # (a site per key, and the promoted pages)
                _COMPILED_SCOPES.clear()
            _COMPILED_SCOPES[scopes_key] = compiled
        return compiled


_COMPILED_SCOPES = {}

# Compiled in place of a text search configuration's name: no query's text can be it.
_CONFIG_STAND_IN = f"config-{uuid.uuid4().hex}"


# Borrowed: see cms/borrowed.py (django SQLCompiler.compile)
def _compiled(expression, using):
    """SQL and parameters of a query expression (here: the ``tsquery``)."""
    query = Query(IndexEntry)
    compiler = query.get_compiler(using=using)
    return compiler.compile(expression.resolve_expression(query))
