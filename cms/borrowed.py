"""Borrowed internals: every place that copies, privately hooks into or patches another
package's code, on one list.

Each entry names our place, what kind of borrowing it is, the package and the version it was
written against, the upstream file and object, and why a public API does not do it. Copies and
overridden internals carry a fingerprint of the upstream source they were compared with (see
:func:`fingerprint`). ``tests/cms/test_borrowed.py`` fails when an upstream object is gone, when
a fingerprinted upstream source changed, when a package without fingerprints changed version,
or when app code borrows a private name that no entry covers.

On an upgrade of Wagtail, modelsearch, Django, Ninja, DRF or django-storages: run that test;
for each failing entry compare our place with the upstream object it names (in the new
version), adapt or remove our code, then record the new version and fingerprint here
(``DJANGO_SETTINGS_MODULE=cms.settings.test python -m cms.borrowed`` prints the entries whose
upstream changed, with the new values).
Each place is marked in the code with ``# Borrowed: see cms/borrowed.py (...)``.

Nothing imports this module at run time; it is project metadata, read by the test.
"""

import ast
import hashlib
import importlib
import importlib.util
import inspect
import pathlib
import textwrap
from dataclasses import dataclass
from functools import cached_property

COPY = "copy"
HOOK = "private subclass hook"
PRIVATE = "private attribute or function used"
PATCH = "patch"
DATABASE = "database objects on another app's tables"
KINDS = (COPY, HOOK, PRIVATE, PATCH, DATABASE)


@dataclass(frozen=True)
class Borrowed:
    """One place of ours that depends on another package's internals.

    ``place`` and ``upstream`` are ``module:qualified.name`` (or a module alone); ``file`` is
    the upstream object's source file below site-packages. ``names`` are the upstream names the
    place uses besides the upstream object's own (the completeness scan of the test matches
    private names against them). A ``DATABASE`` entry names the upstream model, and the
    ``table`` and ``columns`` our SQL uses.
    """

    place: str
    kind: str
    package: str
    version: str
    upstream: str
    file: str
    why: str
    fingerprint: str = ""
    names: tuple[str, ...] = ()
    table: str = ""
    columns: tuple[str, ...] = ()

    @property
    def place_module(self):
        return self.place.partition(":")[0]

    @cached_property
    def covered_names(self):
        """The upstream names this entry accounts for in our place's module."""
        qualname = self.upstream.partition(":")[2] or self.upstream
        return {qualname.rpartition(".")[2], *self.names}


def resolve(path):
    """The object at ``module:qualified.name`` (a module for a path without ``:``)."""
    module_name, _, qualname = path.partition(":")
    obj = importlib.import_module(module_name)
    for part in qualname.split(".") if qualname else ():
        obj = inspect.getattr_static(obj, part)
    if isinstance(obj, staticmethod | classmethod):
        obj = obj.__func__
    elif isinstance(obj, property):
        obj = obj.fget
    elif isinstance(obj, cached_property):
        obj = obj.func
    return obj


def _without_docstrings(tree):
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (
            isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and body
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
            and isinstance(body[0].value.value, str)
        ):
            node.body = body[1:] or [ast.Pass()]
    return ast.dump(tree)


def normalised_source(obj):
    """``obj``'s source as its syntax tree: formatting, comments and docstrings do not count."""
    return _without_docstrings(ast.parse(textwrap.dedent(inspect.getsource(obj))))


def static_node(path):
    """The definition at ``module:qualified.name`` read from the module's file, without
    importing the module (some upstream modules import only under one database: modelsearch's
    SQLite backend needs the SQLite-only index model)."""
    module_name, _, qualname = path.partition(":")
    origin = importlib.util.find_spec(module_name).origin
    node = ast.parse(pathlib.Path(origin).read_text())
    for part in qualname.split("."):
        node = next(
            child
            for child in node.body
            if isinstance(child, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and child.name == part
        )
    return node


def fingerprint(path):
    """sha256 of the normalised source of the object at ``path``."""
    try:
        source = normalised_source(resolve(path))
    except LookupError:  # the module imports a model this database does not have
        source = _without_docstrings(ast.Module(body=[static_node(path)], type_ignores=[]))
    return hashlib.sha256(source.encode()).hexdigest()


BORROWED = (
    # -- Copies ---------------------------------------------------------------------------------
    Borrowed(
        place="api.snippets:SnippetsConfig.ready",
        kind=COPY,
        package="wagtail",
        version="8.0.1",
        upstream="wagtail.snippets.apps:WagtailSnippetsAppConfig.ready",
        file="wagtail/snippets/apps.py",
        why="The admin half of wagtail.snippets' ready(): Wagtail 8.0 mounts the v3 snippets "
        "router unconditionally (no setting), and no snippet is delivered there.",
        fingerprint="00be6fe3a0f34c70053d9c40ad018182d322a597ed12813b900cee41d03b2f96",
    ),
    Borrowed(
        place="home.sitemap:Sitemap._urls",
        kind=COPY,
        package="wagtail",
        version="8.0.1",
        upstream="wagtail.contrib.sitemaps.sitemap_generator:Sitemap._urls",
        file="wagtail/contrib/sitemaps/sitemap_generator.py",
        why="Wagtail's sitemap entries with each page's hreflang alternates (its visible "
        "translations, loaded in one query per sitemap page): Wagtail's sitemap has no "
        "alternates and re-reads its items with iterator(), so nothing set on them in items() "
        "reaches get_sitemap_urls.",
        fingerprint="adac31d9253c08466f6df6cc5a0331083dee104370a22a6d1e0c98acd59743d1",
    ),
    Borrowed(
        place="changes.models:SharedCacheEntry",
        kind=COPY,
        package="Django",
        version="5.2.19",
        upstream="django.core.management.commands.createcachetable:Command.create_table",
        file="django/core/management/commands/createcachetable.py",
        why="The database cache's table as a model, so that migrate makes it: the shared cache "
        "without Redis must exist wherever the database does, and createcachetable is a "
        "second command a deployment could forget.",
        fingerprint="259a84029fdeffc5cddf5d809b507b08c1924c55c007a04391e29fe70e59bea4",
    ),
    Borrowed(
        place="changes.cache:SharedDatabaseCache.set_many",
        kind=COPY,
        package="Django",
        version="5.2.19",
        upstream="django.core.cache.backends.db:DatabaseCache._base_set",
        file="django/core/cache/backends/db.py",
        why="Many keys written in one upsert on the shared cache's table (Django's database cache "
        "writes key by key, several queries each); the rows must be what DatabaseCache reads "
        "(pickled and base64-encoded value, the largest datetime for no timeout).",
        fingerprint="f27cedb71f521a82368ca13ba22fe2fa68baa50b6430e812980703fefa2f5a65",
        names=("_base_set", "_table", "cache_model_class", "pickle_protocol"),
    ),
    Borrowed(
        place="search.backends:SearchBackend",
        kind=COPY,
        package="modelsearch",
        version="1.3.2",
        upstream="modelsearch.backends.database:SearchBackend",
        file="modelsearch/backends/database/__init__.py",
        why="Picks the project's PostgreSQL and SQLite backends for the database in use, where "
        "modelsearch's factory picks its own classes.",
        fingerprint="206800cd132b3bc60ed9ae551437f8680f625521777b5663bcf7c5c6f8545b93",
    ),
    Borrowed(
        place="search.backends.sqlite:StemmingSQLiteIndex.add_items",
        kind=COPY,
        package="modelsearch",
        version="1.3.2",
        upstream="modelsearch.backends.database.sqlite.sqlite:SQLiteIndex.add_items",
        file="modelsearch/backends/database/sqlite/sqlite.py",
        why="Stores title and body stemmed: upstream builds its ObjectIndexer inline, with no "
        "hook for the indexed text.",
        fingerprint="970de086124b4b7cde850bbfab8bdb8040347a4690ed66c193e60b20298ed4aa",
    ),
    Borrowed(
        place="search.backends.postgres:WebSearchCompiler.build_tsquery_content",
        kind=COPY,
        package="modelsearch",
        version="1.3.2",
        upstream=(
            "modelsearch.backends.database.postgres.postgres:"
            "PostgresSearchQueryCompiler.build_tsquery_content"
        ),
        file="modelsearch/backends/database/postgres/postgres.py",
        why="Words and phrases as websearch_to_tsquery in the configured language; its And/Or/"
        "Not branches repeat upstream's (De Morgan) so that every leaf reaches the override.",
        fingerprint="2b0945df2bacc32a24f4b2f0f30adb6dac1ea4501cfef5e76f09b5f1b1c1d2c5",
    ),
    Borrowed(
        place="governance.permissions:FachbereichPagePermissionTester.__init__",
        kind=COPY,
        package="wagtail",
        version="8.0.1",
        upstream="wagtail.models.pages:PagePermissionTester.__init__",
        file="wagtail/models/pages.py",
        why="Narrows the tester's permission set to the page's Fachbereich; Wagtail computes the "
        "set inline in __init__ and offers no hook (the page permission policy is per user, "
        "not per page).",
        fingerprint="e3af4f01478af31dab67daf1339787679b144d9c559f81a37ccf021bab7f25e9",
    ),
    Borrowed(
        place="governance.notifications:FachbereichReviewSubmissionNotifier.get_context",
        kind=COPY,
        package="wagtail",
        version="8.0.1",
        upstream="wagtail.admin.mail:BaseGroupApprovalTaskStateEmailNotifier.get_context",
        file="wagtail/admin/mail.py",
        why="The context Wagtail's 'task submitted' mail templates expect, for a task that is "
        "not a group approval task (Wagtail's notifier handles only those).",
        fingerprint="ec3695d4aed52ffef1700ac5e7aaf8025f136924d031871a00b5ad589c3eec2b",
    ),
    # -- Private subclass hooks -----------------------------------------------------------------
    Borrowed(
        place="easyread.richtext:GlossaryElementHandler",
        kind=HOOK,
        package="wagtail",
        version="8.0.1",
        upstream="wagtail.admin.rich_text.converters.html_to_contentstate:LinkElementHandler",
        file="wagtail/admin/rich_text/converters/html_to_contentstate.py",
        why="A rich text entity with a chooser, as Wagtail's own document links do: the "
        "converter's element handler and, in easyread/static/easyread/glossary-entity.js, "
        "window.draftail.DocumentModalWorkflowSource (its chooser URL and the chosen data "
        "overridden); Wagtail documents custom entities but no chooser source to extend.",
        fingerprint="4d8a707ca728eadc82362a563914c4c0efe63dfc7ee003942e4764b5e2b32ea3",
    ),
    Borrowed(
        place="search.backends.postgres:IndexFirstCompiler.search",
        kind=HOOK,
        package="modelsearch",
        version="1.3.2",
        upstream="modelsearch.backends.database.postgres.postgres:PostgresSearchQueryCompiler.search",
        file="modelsearch/backends/database/postgres/postgres.py",
        why="Finds the index entries through the GIN index first and ranks a bounded set in "
        "full; hands everything else to upstream's search.",
        fingerprint="d0daada5b87bc93a2a4edea6f0eb066f72bbda2908d72b90c6466a6c99e500ed",
    ),
    Borrowed(
        place="search.backends.postgres:LanguageIndex.add_items",
        kind=HOOK,
        package="modelsearch",
        version="1.3.2",
        upstream="modelsearch.backends.database.postgres.postgres:PostgresIndex.add_items",
        file="modelsearch/backends/database/postgres/postgres.py",
        why="Indexes each object in its language's configuration: upstream's add_items builds "
        "its ObjectIndexer inline, which stems with its backend's one config (read in "
        "ObjectIndexer.__init__), so each language's objects go to an index whose backend copy "
        "names that language's config.",
        fingerprint="e1ed3ae32ea462e6debf3ef64999b0867d4639a33a35276805ec88b5255979d4",
    ),
    Borrowed(
        place="search.backends.postgres:Results._do_count",
        kind=HOOK,
        package="modelsearch",
        version="1.3.2",
        upstream="modelsearch.backends.database.postgres.postgres:PostgresSearchResults._do_count",
        file="modelsearch/backends/database/postgres/postgres.py",
        why="Counts the public matches from the index entries, without the join upstream "
        "counts over; _do_count is the backends' counting hook.",
        fingerprint="7a84db74ef99daa6ff5f70614d14540efaf1cccda1d7d528d3fc2ec9b42acee8",
    ),
    Borrowed(
        place="search.backends.sqlite:StemmingCompiler.build_search_query_content",
        kind=HOOK,
        package="modelsearch",
        version="1.3.2",
        upstream=(
            "modelsearch.backends.database.sqlite.sqlite:"
            "SQLiteSearchQueryCompiler.build_search_query_content"
        ),
        file="modelsearch/backends/database/sqlite/sqlite.py",
        why="Stems the query's words as the index was stemmed, before upstream builds the "
        "FTS5 query.",
        fingerprint="53433add297fca0fa3bce10ecb68f46b614c87ae63602bf051df8f59b618b6a9",
    ),
    Borrowed(
        place="documents.storage:DocumentStorage",
        kind=HOOK,
        package="Django",
        version="5.2.19",
        upstream="django.utils.functional:LazyObject",
        file="django/utils/functional.py",
        why="storages['documents'] looked up when first used and again after a test changes "
        "STORAGES, as Django's own default_storage (DefaultStorage) is.",
        fingerprint="935c51fd94e4f40315b7224558fef63204bc56249c30bcbbabb3c0b15d3a098b",
        names=("_setup", "_wrapped"),
    ),
    Borrowed(
        place="jobs.management.commands.runserver:Command.inner_run",
        kind=HOOK,
        package="Django",
        version="5.2.19",
        upstream="django.core.management.commands.runserver:Command.inner_run",
        file="django/core/management/commands/runserver.py",
        why="Starts the scheduler in the serving process (the autoreloader's child), once per "
        "start; runserver documents no hook for it.",
        fingerprint="6cfbca8f0d20c5dce6b8af77e09f425b7a87115497d0bb1d4efc8bebd65a8c5e",
    ),
    # -- Private attributes and functions used --------------------------------------------------
    Borrowed(
        place="ops.cache:ReusingRedisCacheClient.get_client",
        kind=PRIVATE,
        package="Django",
        version="5.2.19",
        upstream="django.core.cache.backends.redis:RedisCacheClient.get_client",
        file="django/core/cache/backends/redis.py",
        why="Django builds a new redis.Redis per cache call (~0.15 ms each); ours keeps one per "
        "connection pool, using the client's _get_connection_pool and _client as get_client "
        "does, and RedisCache._class to plug it in.",
        fingerprint="61d8e30f4240ddaa30d636207b0f9ff8eb94533143fa1ba224bd061e49fee127",
        names=("_get_connection_pool", "_client", "_class"),
    ),
    Borrowed(
        place="tests.databases:worker_database",
        kind=PRIVATE,
        package="Django",
        version="5.2.19",
        upstream="django.db.backends.base.creation:BaseDatabaseCreation.create_test_db",
        file="django/db/backends/base/creation.py",
        why="An xdist worker's copy of the migrated test database keeps the data the "
        "migrations wrote where TransactionTestCase's serialized_rollback reads it, as "
        "create_test_db(serialize=True) does; Django offers no public setter.",
        fingerprint="e7bcd061281c4e52f33079e3b09d271c44665e91a20e9d9cc4a37fdf7578ed3e",
        names=("_test_serialized_contents",),
    ),
    Borrowed(
        place="search.backends.sqlite:StemmingSQLiteIndex.add_items",
        kind=PRIVATE,
        package="modelsearch",
        version="1.3.2",
        upstream="modelsearch.backends.database.sqlite.sqlite:SQLiteIndex._refresh_title_norms",
        file="modelsearch/backends/database/sqlite/sqlite.py",
        why="Refreshes the title norms after each batch, as upstream's add_items does.",
        fingerprint="fd991f80cd40f1105f015e8ac334a8cdcee960e6f646617057c83a40e479e351",
    ),
    Borrowed(
        place="changes.events:current_batch",
        kind=PRIVATE,
        package="Django",
        version="5.2.19",
        upstream="django.db.backends.base.base:BaseDatabaseWrapper.on_commit",
        file="django/db/backends/base/base.py",
        why="A transaction's changes are announced by one on_commit callback; whether it is "
        "still registered (connection.run_on_commit) tells a batch of a rolled-back "
        "transaction or savepoint, which Django discards without a signal.",
        fingerprint="0cc0e2e36fb4ef03040cdc95e929e547b230bcea66593b75aa7874d0fbcc9638",
        names=("run_on_commit",),
    ),
    Borrowed(
        place="ops.health:ReadinessView.get",
        kind=PRIVATE,
        package="Django",
        version="5.2.19",
        upstream="django.utils.log:log_response",
        file="django/utils/log.py",
        why="A 503 'not ready' is an answer, not a server error: marked as logged so that "
        "Django's request logger skips it (a LOGGING filter would put one view's rule into "
        "the global settings).",
        fingerprint="8d31931becfd90250a316b1bd172fb8cbff10d1c9b4b81bb82a6caad40b9d203",
        names=("_has_been_logged",),
    ),
    Borrowed(
        place="documents.models:Publication.clean",
        kind=PRIVATE,
        package="Django",
        version="5.2.19",
        upstream="django.db.models.fields.files:FileField.pre_save",
        file="django/db/models/fields/files.py",
        why="Checks a new upload (a file not yet committed to the storage), not a stored file "
        "on every metadata edit; FieldFile says so only through _committed.",
        fingerprint="0c584eb3c9c0486a669a19a7b06179b4540c5a1d6167301321a796e9be802ff6",
        names=("_committed",),
    ),
    Borrowed(
        place="ops.uploads:remove_partial_file",
        kind=PRIVATE,
        package="Django",
        version="5.2.19",
        upstream="django.db.models.fields.files:FileField.pre_save",
        file="django/db/models/fields/files.py",
        why="A file not yet committed never reached the storage, so there is nothing to delete "
        "after a failed upload; FieldFile says so only through _committed.",
        fingerprint="0c584eb3c9c0486a669a19a7b06179b4540c5a1d6167301321a796e9be802ff6",
        names=("_committed",),
    ),
    Borrowed(
        place="content.resolution:_related_images",
        kind=PRIVATE,
        package="Django",
        version="5.2.19",
        upstream="django.db.models.base:ModelState",
        file="django/db/models/base.py",
        why="The images loaded with an object through select_related (a person's photo, a "
        "publication's cover), read from the instance's fields_cache without a query.",
        fingerprint="88c99e7bc74f4fd124758922512082275f04c8cf9f2b8fbc57e046af4d479ece",
        names=("fields_cache",),
    ),
    Borrowed(
        place="content.pages:ResolvedPageQuerySet.only",
        kind=PRIVATE,
        package="Django",
        version="5.2.19",
        upstream="django.db.models.sql.query:Query.add_select_related",
        file="django/db/models/sql/query.py",
        why="Drops the joins (query.select_related) of relations that only() leaves out: Django "
        "refuses a relation both deferred and joined, and treebeard deletes with only().",
        fingerprint="7b907e82344b2cde74a540e1435637e79c8d0431ba21fee3f91d3fef4efd84df",
        names=("select_related",),
    ),
    Borrowed(
        place="api.params:query_fields",
        kind=PRIVATE,
        package="django-ninja",
        version="1.8.0",
        upstream="ninja.params.models:ParamModel",
        file="ninja/params/models.py",
        why="The query parameters an operation declares (Operation.models, their "
        "__ninja_param_source__ and __ninja_flatten_map__), so that undeclared ones get a 400.",
        fingerprint="3b38b20a651cfa23f588ee00ad6931710e3e980ddf87f128e21394df7e9c5938",
        names=("__ninja_param_source__", "__ninja_flatten_map__", "models"),
    ),
    Borrowed(
        place="api.params:strict_query",
        kind=PRIVATE,
        package="django-ninja",
        version="1.8.0",
        upstream="ninja.router:BoundRouter._bind_operations",
        file="ninja/router.py",
        why="A view-mode decorator is given the bound Operation.run: the operation (its url_name "
        "and parameters) is read from it; Ninja passes the decorator nothing else.",
        fingerprint="d5423ce25f154b77c9bcdb33f6955cac72cecdf4eeae44e298f5dc4e5c48a3ba",
        names=("url_name",),
    ),
    Borrowed(
        place="api.params:v2_checked",
        kind=PRIVATE,
        package="djangorestframework",
        version="3.18.3",
        upstream="rest_framework.viewsets:ViewSetMixin.as_view",
        file="rest_framework/viewsets.py",
        why="The model of a v2 endpoint from its view function (DRF's view.cls), to type its "
        "field filters, and its action (view.actions), to tell the response cache which "
        "query parameters it reads.",
        fingerprint="de8c5be262dec11d45adfe65e58498d85cab77d3af48e6b471149d37f1c36665",
        names=("cls", "actions"),
    ),
    Borrowed(
        place="content.resolution:load_together",
        kind=PRIVATE,
        package="wagtail",
        version="8.0.1",
        upstream="wagtail.images.models:AbstractImage._get_prefetched_renditions",
        file="wagtail/images/models.py",
        why="Renditions of images loaded by several queries, prefetched in one into the "
        "attribute get_rendition reads (ImageQuerySet.prefetch_renditions takes one queryset).",
        fingerprint="5a7d7a3281658626b41c76649420fa548794e49920addf0d6d888e788b61504e",
        names=("prefetched_renditions",),
    ),
    Borrowed(
        place="search.backends.postgres:IndexFirstCompiler.search",
        kind=PRIVATE,
        package="Django",
        version="5.2.19",
        upstream="django.db.models.sql.query:Query.add_ordering",
        file="django/db/models/sql/query.py",
        why="Orders by -pk only when the searched queryset has no explicit ordering "
        "(query.order_by; the public QuerySet.ordered also counts the model's default).",
        fingerprint="7dabc46b3f88289ff1483fdfb54326ebfc1875d7344275d6e4012ad363d15605",
        names=("order_by",),
    ),
    Borrowed(
        place="search.backends.postgres:PostgresBackend._compiled_scopes",
        kind=PRIVATE,
        package="Django",
        version="5.2.19",
        upstream="django.db.models.sql.query:Query.sql_with_params",
        file="django/db/models/sql/query.py",
        why="Each public scope's SQL and parameters, compiled once per process into the site "
        "search's one statement; Django has no public API for a queryset's SQL.",
        fingerprint="e456e7482c599d841be023ed1d5da8ef9c5fcca55f2180ffe03b6482ad374c9a",
    ),
    Borrowed(
        place="search.backends.postgres:_compiled",
        kind=PRIVATE,
        package="Django",
        version="5.2.19",
        upstream="django.db.models.sql.compiler:SQLCompiler.compile",
        file="django/db/models/sql/compiler.py",
        why="The SQL and parameters of the tsquery expression, for the site search's one "
        "statement (Query.get_compiler, SQLCompiler.compile).",
        fingerprint="210b8128d2836375657e0d22c52ffbc4f9a305bb923de7ec20698faee7da1a85",
        names=("get_compiler",),
    ),
    # -- Patches --------------------------------------------------------------------------------
    Borrowed(
        place="api.fields:register_v3_page_schemas",
        kind=PATCH,
        package="wagtail",
        version="8.0.1",
        upstream="wagtail.api.v3.schemas.generators.read:SchemaGenerator._custom_serializer_schema",
        file="wagtail/api/v3/schemas/generators/read.py",
        why="Re-registers every page type's v3 read schema (before wagtail.api.v3.routers.pages "
        "builds its unions from the registry) with the delivered fields typed as the value "
        "says: this shim makes every custom field optional and nullable.",
        fingerprint="7daf2909f7075b59f3764f6a339f611ec9178c79cb3ceb5b961a6690c3c32f9e",
        names=("extend_schema",),
    ),
    Borrowed(
        place="cms.urls:urlpatterns",
        kind=PATCH,
        package="wagtail",
        version="8.0.1",
        upstream="wagtail.documents.urls",
        file="wagtail/documents/urls.py",
        why="Wagtail's document download and collection password URLs (wagtaildocs_serve, "
        "wagtaildocs_authenticate_with_password) answered first by the project's views: "
        "private cache headers, password throttling.",
        fingerprint="942b13a585db92d6c121082aa876770ac766daabe9935526e8918354242c0310",
    ),
    Borrowed(
        place="cms.urls:urlpatterns",
        kind=PATCH,
        package="wagtail",
        version="8.0.1",
        upstream="wagtail.urls",
        file="wagtail/urls.py",
        why="Wagtail's page password URL (wagtailcore_authenticate_with_password) answered "
        "first by the throttled view; its page URL (serve_pattern) answered first by "
        "home.views.serve_page, whose 404 is the site's 404 page with DEBUG on too.",
        fingerprint="b0b4786556045986a5968409ed246b52d48adbf58597805147a6299f76182fbd",
    ),
    Borrowed(
        place="governance.reports:report_urls",
        kind=PATCH,
        package="wagtail",
        version="8.0.1",
        upstream="wagtail.admin.urls.reports",
        file="wagtail/admin/urls/reports.py",
        why="Wagtail's site history, workflow and workflow task reports (their URLs and results "
        "URLs) answered first by the same views narrowed to the reader's Fachbereiche "
        "(included before the admin's URLs in cms/urls.py); Wagtail decides what they list "
        "from tree and model permissions, which hold on every Fachbereich's content.",
        fingerprint="902bc3ef0cc73ffb723b8a3003da1e9d7768eb9ec555ade7f759ef8eabe192da",
    ),
    Borrowed(
        place="documents.wagtail_hooks:upload_views_that_survive_a_storage_outage",
        kind=PATCH,
        package="wagtail",
        version="8.0.1",
        upstream="wagtail.documents.admin_urls",
        file="wagtail/documents/admin_urls.py",
        why="The admin's document upload URLs answered first by views that survive a storage "
        "outage; Wagtail offers no viewset or setting for these views.",
        fingerprint="200075bec04930464c00da7dc35278e28a914df2de6547c057b44dc406388f50",
    ),
    Borrowed(
        place="ops.wagtail_hooks:image_uploads_that_survive_a_storage_outage",
        kind=PATCH,
        package="wagtail",
        version="8.0.1",
        upstream="wagtail.images.admin_urls",
        file="wagtail/images/admin_urls.py",
        why="The admin's image upload URLs answered first by views that survive a storage "
        "outage; Wagtail offers no viewset or setting for these views.",
        fingerprint="3d94208a8f5ff61f971926e804df9d11a82d2ad0d0266bc5934098f7797cb57b",
    ),
    # -- Database objects on Wagtail's tables ---------------------------------------------------
    Borrowed(
        place="search.migrations.0001_indexentry_title_body_gin",
        kind=DATABASE,
        package="wagtail",
        version="8.0.1",
        upstream="wagtail.search.models:IndexEntry",
        file="wagtail/search/models.py",
        why="A GIN index on (title || body) of Wagtail's search index (PostgreSQL); superseded "
        "and dropped by 0003, still run by every migrate from scratch.",
        table="wagtailsearch_indexentry",
        columns=("title", "body"),
    ),
    Borrowed(
        place="search.migrations.0002_trigram_title_indexes",
        kind=DATABASE,
        package="wagtail",
        version="8.0.1",
        upstream="wagtail.models.pages:Page",
        file="wagtail/models/pages.py",
        why="A trigram GIN index on page titles for 'Meinten Sie …?' (PostgreSQL, pg_trgm).",
        table="wagtailcore_page",
        columns=("title",),
    ),
    Borrowed(
        place="search.migrations.0003_indexentry_type_document_gin",
        kind=DATABASE,
        package="wagtail",
        version="8.0.1",
        upstream="wagtail.search.models:IndexEntry",
        file="wagtail/search/models.py",
        why="A GIN index on (content type, title || body) of Wagtail's search index "
        "(PostgreSQL, btree_gin): each type's matches without scanning the type.",
        table="wagtailsearch_indexentry",
        columns=("content_type_id", "title", "body"),
    ),
    Borrowed(
        place="search.migrations.0004_search_document",
        kind=DATABASE,
        package="wagtail",
        version="8.0.1",
        upstream="wagtail.search.models:IndexEntry",
        file="wagtail/search/models.py",
        why="Triggers on Wagtail's search index keep search_document, its narrow projection, in "
        "step with every writer (PostgreSQL); the columns are modelsearch's.",
        table="wagtailsearch_indexentry",
        columns=("id", "content_type_id", "object_id", "title", "body"),
    ),
    Borrowed(
        place="search.backends.postgres:PostgresBackend.search_sources",
        kind=DATABASE,
        package="wagtail",
        version="8.0.1",
        upstream="wagtail.search.models:IndexEntry",
        file="wagtail/search/models.py",
        why="The site search's one SQL statement joins Wagtail's search index for the title "
        "norm modelsearch keeps there (PostgreSQL); each entry's language is kept beside it, "
        "in search_document.language (search/migrations/0005).",
        table="wagtailsearch_indexentry",
        columns=("id", "title_norm"),
    ),
)


def changed():
    """``(entry, installed version, current fingerprint)`` for every entry whose upstream
    changed: its source (fingerprinted entries) or its package's version (the others)."""
    from importlib.metadata import version

    found = []
    for entry in BORROWED:
        installed = version(entry.package)
        current = fingerprint(entry.upstream) if entry.fingerprint else ""
        if current != entry.fingerprint or (not current and installed != entry.version):
            found.append((entry, installed, current))
    return found


if __name__ == "__main__":  # python -m cms.borrowed (with DJANGO_SETTINGS_MODULE set)
    import django

    django.setup()
    for entry, installed, current in changed():
        print(f"{entry.place} <- {entry.upstream} ({entry.file})")
        print(
            f'    version="{installed}",' + (f'\n    fingerprint="{current}",' if current else "")
        )
