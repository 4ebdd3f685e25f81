"""One migrated test database per test run, copied for each pytest-xdist worker.

Running Wagtail's and the apps' migrations takes most of a minute of CPU. Under xdist the first
worker that needs a database migrates a template (SQLite: a file; PostgreSQL: a database), the
others wait for it, and each worker then works on its own copy, made with Django's own
test-database cloning (``clone_test_db``: ``CREATE DATABASE … TEMPLATE`` on PostgreSQL, as
``manage.py test --parallel`` does; on SQLite the file is loaded into the worker's in-memory
database, as Django does for spawned workers). The last worker to finish removes the template.
Without xdist (``-n 0``) pytest-django migrates as usual.
"""

import fcntl
import json
import sqlite3
import tempfile
from contextlib import contextmanager
from pathlib import Path


def _test_db_name(connection):
    """The test database's name as Django's test runner makes it."""
    return (
        connection.settings_dict["TEST"].get("NAME") or f"test_{connection.settings_dict['NAME']}"
    )


def template_name(connection, run_id):
    """The template's name for this run: a file for SQLite, a database name for PostgreSQL."""
    if connection.vendor == "sqlite":
        return str(Path(tempfile.gettempdir()) / f"paritaet-test-template-{run_id}.sqlite3")
    # PostgreSQL cuts names at 63 characters: room for the workers' "_gw12" suffixes.
    return f"{_test_db_name(connection)[:40]}_tpl_{run_id[:12]}"


@contextmanager
def _locked_state(template):
    """The template's state file ({"built": bool, "users": n}), held under an exclusive lock."""
    path = Path(tempfile.gettempdir()) / f"{Path(template).name}.state"
    with open(path, "a+") as file:
        fcntl.flock(file, fcntl.LOCK_EX)
        file.seek(0)
        state = json.loads(file.read() or '{"built": false, "users": 0}')
        yield state
        file.seek(0)
        file.truncate()
        file.write(json.dumps(state))


def worker_database(run_id, worker_id):
    """Point the default connection at this worker's copy of the migrated template (migrated by
    whichever worker comes first) and return the function that removes the copy again."""
    from django.conf import settings
    from django.db import connections

    connection = connections["default"]
    creation = connection.creation
    original_name = connection.settings_dict["NAME"]
    template = template_name(connection, run_id)
    with _locked_state(template) as state:
        if not state["built"]:
            connection.settings_dict["TEST"]["NAME"] = template
            creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
            state["built"] = True
        connection.close()
        connection.settings_dict["NAME"] = template
        if connection.vendor == "sqlite":
            _load_into_memory(connection, template, worker_id)
        else:
            creation.clone_test_db(suffix=worker_id, verbosity=0)
            connection.settings_dict.update(creation.get_test_db_clone_settings(worker_id))
        state["users"] += 1
    settings.DATABASES["default"]["NAME"] = connection.settings_dict["NAME"]
    # What a test with serialized_rollback=True restores after a flush, as Django's
    # create_test_db(serialize=True) keeps it.
    # Borrowed: see cms/borrowed.py (BaseDatabaseCreation.create_test_db)
    connection._test_serialized_contents = creation.serialize_db_to_string()

    def remove():
        if connection.vendor == "sqlite":
            connection.settings_dict["NAME"] = original_name
            settings.DATABASES["default"]["NAME"] = original_name
        else:
            creation.destroy_test_db(original_name, verbosity=0)
        with _locked_state(template) as state:
            state["users"] -= 1
            if state["users"] == 0:  # the last worker: the template goes
                _remove_template(connection, template, original_name)
                state["built"] = False

    return remove


def _load_into_memory(connection, template, worker_id):
    """The template file copied into this worker's in-memory database; Django keeps the
    connection (and so the database) open."""
    memory = f"file:memorydb_default_{worker_id}?mode=memory&cache=shared"
    connection.settings_dict["NAME"] = memory
    connection.connect()
    source = sqlite3.connect(f"file:{template}?mode=ro", uri=True)
    source.backup(connection.connection)
    source.close()


def _remove_template(connection, template, original_name):
    if connection.vendor == "sqlite":
        Path(template).unlink(missing_ok=True)
        return
    current = connection.settings_dict["NAME"]
    connection.settings_dict["NAME"] = template
    connection.creation.destroy_test_db(current, verbosity=0)
    connection.settings_dict["NAME"] = original_name
