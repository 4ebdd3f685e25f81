"""No hidden cycles: the apps' models and migrations depend downwards, as their imports do.

``lint-imports`` (pyproject.toml) sees imports only. A relation named by a string
(``"people.Fachbereich"``) or a migration's dependency ties two apps together just as firmly, and
no import shows it. This check reads those ties from Django itself: every relation between the
project's models (foreign keys, one-to-one and many-to-many fields, generic relations, parental
keys) and every dependency between the project's migrations (MigrationLoader's graph). It fails
on a cycle between apps and on any tie that does not point down the import-linter layers.
Wagtail's and Django's apps are below everything and left out, and so are ties within one app.
"""

import graphlib
import tomllib
from pathlib import Path

from django.apps import apps
from django.db.migrations.loader import MigrationLoader

ROOT = Path(__file__).resolve().parents[2]


def import_contract():
    """The project's packages and its layers, top first (each layer a set of packages)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    [contract] = [c for c in config["contracts"] if c["type"] == "layers"]
    layers = [{name.strip() for name in layer.split("|")} for layer in contract["layers"]]
    return set(config["root_packages"]), layers


def project_apps():
    """App label -> package, for the apps that are the project's own."""
    packages, _layers = import_contract()
    return {
        config.label: config.name.split(".")[0]
        for config in apps.get_app_configs()
        if config.name.split(".")[0] in packages
    }


def model_edges():
    """(app, app, why) for every relation from a model of one project app to another's."""
    own = project_apps()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            # Forward relations only: the reverse side of a relation is created automatically
            # (not concrete) and describes the same tie from the other end.
            if not field.is_relation or field.related_model is None:
                continue
            if field.auto_created and not field.concrete:
                continue
            source, target = model._meta.app_label, field.related_model._meta.app_label
            if source != target and source in own and target in own:
                why = f"{model._meta.label}.{field.name} -> {field.related_model._meta.label}"
                yield source, target, why


def migration_edges(loader=None):
    """(app, app, why) for every dependency of a project app's migration on another's."""
    own = project_apps()
    graph = (loader or MigrationLoader(None, ignore_no_migrations=True)).graph
    for key, node in graph.node_map.items():
        for parent in node.parents:
            (source, name), (target, parent_name) = key, parent.key
            if source != target and source in own and target in own:
                yield source, target, f"migration {source}.{name} -> {target}.{parent_name}"


def app_edges():
    """app -> {app: [why, ...]}: every tie between two project apps that imports do not show."""
    edges = {}
    for source, target, why in [*model_edges(), *migration_edges()]:
        edges.setdefault(source, {}).setdefault(target, []).append(why)
    return edges


def cycle_in(edges):
    """A cycle of apps (first app repeated at the end), or None."""
    sorter = graphlib.TopologicalSorter({app: set(targets) for app, targets in edges.items()})
    try:
        sorter.prepare()
    except graphlib.CycleError as error:
        # graphlib lists the cycle against the edges' direction (each node depends on the next).
        return list(reversed(error.args[1]))
    return None


def describe(edges, path):
    return "\n".join(
        f"  {source} -> {target}: {'; '.join(edges[source][target])}"
        for source, target in zip(path, path[1:], strict=False)
    )


def upward_edges(edges):
    """The ties that do not point to a lower layer: (source, target, why), with why in words."""
    _packages, layers = import_contract()
    own = project_apps()
    layer_of = {package: n for n, layer in enumerate(layers) for package in layer}
    for source, targets in edges.items():
        for target, whys in targets.items():
            if layer_of[own[source]] >= layer_of[own[target]]:
                yield source, target, "; ".join(whys)


def assert_downwards(edges):
    cycle = cycle_in(edges)
    assert cycle is None, (
        f"The apps {' -> '.join(cycle)} depend on each other in a cycle:\n" + describe(edges, cycle)
    )
    wrong = [f"  {source} -> {target} ({why})" for source, target, why in upward_edges(edges)]
    assert not wrong, (
        "These apps depend upwards or sideways, against the layers in pyproject.toml "
        "(move the model down or the relation up):\n" + "\n".join(wrong)
    )


def test_every_project_app_has_a_layer():
    _packages, layers = import_contract()
    placed = set().union(*layers)
    missing = sorted(set(project_apps().values()) - placed)
    assert not missing, f"Apps without a layer in pyproject.toml's import contract: {missing}"


def test_models_and_migrations_depend_downwards_without_cycles():
    assert_downwards(app_edges())


def test_the_graph_sees_the_ties_between_apps():
    """The check is not vacuous: it finds the relations and migrations that tie apps."""
    edges = app_edges()
    assert (
        "governance.FachbereichRole.fachbereich -> organisation.Fachbereich"
        in (edges["governance"]["organisation"])
    )
    assert any(why.startswith("migration people.") for why in edges["people"]["organisation"])


def test_a_relation_up_the_layers_is_a_cycle_and_fails():
    """A foreign key from the Fachbereich (organisation) to a contact person (people, which
    stands on organisation) closes a cycle; the check names it."""
    edges = app_edges()
    edges["organisation"] = {
        "people": ["organisation.Fachbereich.head -> people.ContactPerson (deliberate)"]
    }
    try:
        assert_downwards(edges)
    except AssertionError as error:
        message = str(error)
    else:
        raise AssertionError("a cycle between organisation and people was not found")
    assert "depend on each other in a cycle" in message
    assert "organisation -> people: organisation.Fachbereich.head" in message
    assert "people.ContactPerson.fachbereich -> organisation.Fachbereich" in message
