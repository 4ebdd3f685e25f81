"""The list of borrowed internals (cms/borrowed.py) is true and complete.

True: every upstream object still exists where recorded, in the recorded package and file, and
has not changed since our place was compared with it (its source fingerprint, or for database
objects the package version and the table's columns); every place of ours exists and is marked.
Complete: app code imports no private name of another package, reads or writes no private
attribute, and overrides no private method of an upstream base class, unless an entry for that
module covers the name.
"""

import ast
import builtins
import importlib
import importlib.metadata
import importlib.util
import inspect
import pathlib
import tomllib
import types

import pytest
from django.utils.functional import LazyObject

from cms.borrowed import BORROWED, DATABASE, KINDS, fingerprint, resolve, static_node

ROOT = pathlib.Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"][
    "root_packages"
]
MARKER = "Borrowed: see cms/borrowed.py"


def entry_id(entry):
    return f"{entry.place} <- {entry.upstream}"


def installed_version(entry):
    return importlib.metadata.version(entry.package)


def drift(entry, what):
    return (
        f"{entry.place} ({entry.kind}) was written against {entry.package} {entry.version}, "
        f"but {what} (installed: {entry.package} {installed_version(entry)}). Compare "
        f"{entry.place} with {entry.upstream} in {entry.file}, adapt or drop ours, then record "
        "the new version and fingerprint in cms/borrowed.py "
        "(DJANGO_SETTINGS_MODULE=cms.settings.test python -m cms.borrowed)."
    )


# -- The list is true ---------------------------------------------------------------------------


@pytest.mark.parametrize("entry", BORROWED, ids=entry_id)
def test_entry_says_what_it_borrows(entry):
    assert entry.kind in KINDS
    assert entry.why
    if entry.kind == DATABASE:
        assert entry.table and entry.columns
    else:
        assert len(entry.fingerprint) == 64, "copies and hooks carry the upstream's fingerprint"


def module_file(module_name):
    """The file of a module, found without importing it."""
    return pathlib.Path(importlib.util.find_spec(module_name).origin)


@pytest.mark.parametrize("entry", BORROWED, ids=entry_id)
def test_upstream_object_exists_in_the_recorded_package_and_file(entry):
    module_name = entry.upstream.partition(":")[0]
    try:
        upstream = resolve(entry.upstream)
    except LookupError:
        # The module imports a model this database does not have (modelsearch's SQLite
        # backend on PostgreSQL): read the definition from its file instead.
        try:
            static_node(entry.upstream)
        except StopIteration:
            pytest.fail(drift(entry, f"{entry.upstream} no longer exists"))
        source_files = {module_file(module_name).as_posix()}
    except (ImportError, AttributeError) as error:
        pytest.fail(drift(entry, f"{entry.upstream} no longer exists ({error})"))
    else:
        # Where the object's source is, or the module it is reached through (Wagtail's Page
        # says it belongs to wagtail.models, but is defined in wagtail/models/pages.py).
        module = importlib.import_module(module_name)
        source_files = {
            pathlib.Path(inspect.getsourcefile(obj)).as_posix() for obj in (upstream, module)
        }
    assert any(file.endswith("/" + entry.file) for file in source_files), drift(
        entry, f"it moved to {' or '.join(sorted(source_files))}"
    )
    package_files = {file.as_posix() for file in importlib.metadata.files(entry.package)}
    assert entry.file in package_files, f"{entry.file} is not a file of {entry.package}"


@pytest.mark.parametrize("entry", BORROWED, ids=entry_id)
def test_upstream_source_unchanged(entry):
    """A fingerprinted entry fails when the upstream source changed, whatever the version; one
    without a fingerprint (database objects) when the package's version changed."""
    if entry.fingerprint:
        assert fingerprint(entry.upstream) == entry.fingerprint, drift(
            entry, f"the source of {entry.upstream} changed"
        )
    else:
        assert installed_version(entry) == entry.version, drift(entry, "the version changed")


@pytest.mark.parametrize("entry", [e for e in BORROWED if e.kind == DATABASE], ids=entry_id)
def test_database_objects_stand_on_the_recorded_table_and_columns(entry):
    model = resolve(entry.upstream)
    columns = {field.column for field in model._meta.concrete_fields}
    assert model._meta.db_table == entry.table, drift(entry, "the model's table changed")
    assert set(entry.columns) <= columns, drift(entry, "the table's columns changed")
    assert entry.table in place_text(entry), f"{entry.place} does not name {entry.table}"


def place_text(entry):
    """The source of our place with the comments just above it (the whole module for a
    module or a module-level value)."""
    try:
        obj = resolve(entry.place)
    except LookupError:  # our module imports one that needs another database (see above)
        if ":" not in entry.place:
            return module_file(entry.place_module).read_text()
        lines = module_file(entry.place_module).read_text().splitlines()
        node = static_node(entry.place)
        start = node.lineno - 1
        while start > 0 and lines[start - 1].lstrip().startswith(("#", "@")):
            start -= 1
        return "\n".join(lines[start : node.end_lineno])
    except (ImportError, AttributeError) as error:
        pytest.fail(f"{entry.place} is on the list but no longer exists ({error})")
    if isinstance(obj, types.ModuleType) or not callable(obj):
        return module_file(entry.place_module).read_text()
    return (inspect.getcomments(obj) or "") + inspect.getsource(obj)


@pytest.mark.parametrize("entry", BORROWED, ids=entry_id)
def test_our_place_exists_is_marked_and_uses_what_it_names(entry):
    text = place_text(entry)
    assert MARKER in text, f"{entry.place}: no '# {MARKER} (...)' comment"
    if entry.kind != DATABASE:
        upstream_name = entry.upstream.partition(":")[2] or entry.upstream
        assert upstream_name in text, f"{entry.place}: the marker does not name {upstream_name}"
    module_source = module_file(entry.place_module).read_text()
    for name in entry.names:
        assert name in module_source, f"{entry.place} no longer uses {name}: update its entry"


# -- The list is complete -----------------------------------------------------------------------

# Python's own special names (``__init__``, ``__self__``, ``__wrapped__`` …) are nobody's
# internals.
STANDARD = {"__wrapped__", "__all__", "__slots__", "__annotations__", "__path__", "__version__"}
for _kind in (object, type, types.FunctionType, types.MethodType, types.ModuleType, int, dict):
    STANDARD |= {name for name in dir(_kind) if name.startswith("__")}
STANDARD |= {name for name in dir(builtins) if name.startswith("__")}

# Names with a leading underscore that upstream documents as API: Django's Model._meta,
# _default_manager, _base_manager and _state ("Model instance reference"), Wagtail's
# _revisions and _workflow_states relations for snippets ("Snippets: saving revisions",
# "enabling workflows").
DOCUMENTED = {"_meta", "_default_manager", "_base_manager", "_state", "_revisions"}
DOCUMENTED |= {"_workflow_states"}

ATTRIBUTE_FUNCTIONS = {"getattr", "hasattr", "setattr", "delattr"}


def is_private(name):
    return name.startswith("_") and name not in STANDARD and name not in DOCUMENTED


def is_project(module):
    return module.split(".")[0] in PROJECT


def app_modules():
    """``{module name: syntax tree}`` of every module of the project's packages."""
    modules = {}
    for package in PROJECT:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = ast.parse(path.read_text(), filename=str(path))
    return modules


def class_body_names(node):
    """Names a class statement defines in its own body (methods, attributes)."""
    names = set()
    for statement in node.body:
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(statement.name)
        elif isinstance(statement, ast.Assign):
            names |= {t.id for t in statement.targets if isinstance(t, ast.Name)}
        elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            names.add(statement.target.id)
    return names


def defined_names(trees):
    """Attribute names the project's code gives things itself: in class bodies, as keyword
    arguments (``annotate(_x=…)``) or string arguments (``annotate_score("_x")``), and names
    it both writes and reads. A private attribute it only writes is one that someone else
    reads (e.g. Django's ``response._has_been_logged``)."""
    names, written, read = set(), set(), set()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                names |= class_body_names(node)
            elif isinstance(node, ast.Attribute):
                (written if isinstance(node.ctx, ast.Store) else read).add(node.attr)
            elif isinstance(node, ast.Call):
                names |= {keyword.arg for keyword in node.keywords if keyword.arg}
                strings = {
                    arg.value
                    for arg in node.args
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                }
                if getattr(node.func, "id", None) in ATTRIBUTE_FUNCTIONS:
                    read |= strings  # getattr(obj, "_x"): a read, not a definition
                else:
                    names |= strings
    return names | (written & read)


def upstream_private_names(cls):
    """``{name: upstream class}`` of the private names the classes above ``cls`` from other
    packages define."""
    names = {}
    for base in cls.__mro__[1:]:
        if base is not object and not is_project(base.__module__):
            for name in vars(base):
                if is_private(name):
                    names.setdefault(name, base)
    return names


def project_classes(modules):
    """``(module name, class statement, class)`` of every top-level class of the project."""
    for module_name, tree in modules.items():
        statements = [node for node in tree.body if isinstance(node, ast.ClassDef)]
        if statements:
            try:
                module = importlib.import_module(module_name)
            except LookupError:
                # Imports a model of another database (search.backends.sqlite on PostgreSQL):
                # its classes are scanned where that database runs (the README's SQLite
                # command); its borrowed upstream code is still fingerprinted from the file.
                continue
            for node in statements:
                yield module_name, node, getattr(module, node.name)


def private_overrides(cls, body_names):
    """Private names a class defines that an upstream base class defines too."""
    upstream = upstream_private_names(cls)
    return {name for name in body_names if is_private(name) and name in upstream}


def borrowed_names(tree, defined, upstream_private):
    """``{(name, line)}`` of another package's private names used in a module: imported, or
    read or written as attributes (also through getattr and friends). An attribute name the
    project defines itself is its own, unless an upstream base class defines it too."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and not is_project(node.module):
            for alias in node.names:
                if is_private(alias.name) or any(map(is_private, node.module.split("."))):
                    found.add((alias.name, node.lineno))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if not is_project(alias.name) and any(map(is_private, alias.name.split("."))):
                    found.add((alias.name, node.lineno))
        name = None
        if isinstance(node, ast.Attribute):
            name = node.attr
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", None) in ATTRIBUTE_FUNCTIONS
            and len(node.args) > 1
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
        ):
            name = node.args[1].value
        if name and is_private(name) and (name not in defined or name in upstream_private):
            found.add((name, node.lineno))
    return found


def covered(module_name, name):
    return any(
        entry.place_module == module_name and name in entry.covered_names for entry in BORROWED
    )


def test_every_borrowed_private_name_in_app_code_has_an_entry():
    modules = app_modules()
    defined = defined_names(modules.values())
    upstream_private = set()
    uncovered = []
    for module_name, node, cls in project_classes(modules):
        upstream_private |= set(upstream_private_names(cls))
        for name in private_overrides(cls, class_body_names(node)):
            if not covered(module_name, name):
                uncovered.append(f"{module_name}: {node.name} overrides {name}")
    for module_name, tree in modules.items():
        for name, line in sorted(borrowed_names(tree, defined, upstream_private)):
            if not covered(module_name, name):
                uncovered.append(f"{module_name}, line {line}: {name}")
    assert not uncovered, (
        "Private names of other packages used without an entry in cms/borrowed.py (use a "
        "public API, or add an entry and mark the place):\n" + "\n".join(uncovered)
    )


# The scan itself finds what it is meant to find.

SAMPLE = """
from taggit.managers import _TaggableManager
from wagtail.models import ReferenceIndex


class Ours:
    _mine = None

    def use(self, page, storage, response):
        ReferenceIndex._get_base_content_type(page)
        getattr(storage, "_create_session")()
        response._has_been_logged = True
        page._cached_by_us = getattr(page, "_cached_by_us", None) or 1
        page._meta.label, page._state.adding, page._default_manager
        return self._mine, page.__class__, self.use.__wrapped__
"""


def test_the_scan_finds_private_imports_attributes_and_getattr():
    tree = ast.parse(SAMPLE)
    found = {name for name, _line in borrowed_names(tree, defined_names([tree]), set())}
    # (An attribute only written is read elsewhere; one written and read is the code's own.)
    assert found == {
        "_TaggableManager",
        "_get_base_content_type",
        "_create_session",
        "_has_been_logged",
    }


def test_the_scan_flags_an_upstream_private_name_even_where_we_define_it():
    tree = ast.parse(
        "def reset(storage):\n    storage._wrapped = None\n    return storage._wrapped\n"
    )
    assert borrowed_names(tree, defined_names([tree]), set()) == set()
    found = borrowed_names(tree, defined_names([tree]), {"_wrapped"})
    assert found == {("_wrapped", 2), ("_wrapped", 3)}


def test_the_scan_finds_an_overridden_private_method():
    class Storage(LazyObject):
        def _setup(self):
            self._wrapped = object()

        def _ours(self):
            return None

    assert private_overrides(Storage, {"_setup", "_ours"}) == {"_setup"}


def test_an_uncovered_name_is_reported():
    assert covered("documents.storage", "_wrapped")
    assert not covered("documents.storage", "_committed")
    assert not covered("home.models", "_wrapped")
