"""Browser fixtures: Debian's headless Chromium driven by Playwright, the demo site live.

Playwright's own browser download is not used; the tests run the system Chromium
(``apt-get install chromium chromium-driver``) and are skipped with a reason without it.
"""

import os
import sqlite3
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.core.servers.basehttp import ThreadedWSGIServer
from django.db import connections
from django.test.testcases import LiveServerThread

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The demo's editorial accounts' password in the browser tests (test_admin, test_glossary_editor).
EDITORIAL_PASSWORD = "browser-demo-789"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

# The pages every browser test visits: one of each template a visitor meets.
PAGES = {
    "home": "/",
    "topic index": "/themen/",
    "topic page": "/themen/fluechtlingsarbeit/",
    "publications": "/publikationen/",
    "standard page": "/impressum/",
    "search results": "/suche/?q=Beratung",
    "404": "/diese-seite-gibt-es-nicht/",
    "login": "/_util/login/",
}
# The production error pages, answered by the live server through tests/browser/urls.py (a
# test module using them is marked ``pytest.mark.urls(ERROR_URLS)``).
ERROR_URLS = "tests.browser.urls"


class OneRequestAtATimeOnSQLite(ThreadedWSGIServer):
    """The live server, answering one request at a time when the test database is SQLite's
    in-memory one: the server's threads then share one connection, and two requests at once
    (the admin's autosave and its preview panel, say) would interleave their transactions on
    it ("no such savepoint"). PostgreSQL gives each thread its own connection, as in
    production, and keeps the concurrency."""

    def set_app(self, application):
        if not any(c.vendor == "sqlite" and c.is_in_memory_db() for c in connections.all()):
            return super().set_app(application)
        lock = threading.Lock()

        def one_at_a_time(environ, start_response):
            with lock:
                return application(environ, start_response)

        return super().set_app(one_at_a_time)


LiveServerThread.server_class = OneRequestAtATimeOnSQLite


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(
        reason=f"{CHROMIUM} not found: apt-get install chromium chromium-driver"
    )
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


# The test database right after load_demo_content, copied back instead of loading it again
# (seconds each time); one copy per set of demo passwords from the environment (a test may set
# them before the content is loaded). SQLite: the in-memory database, by sqlite3's backup API.
# PostgreSQL: every table's rows in a schema of their own (``flush`` and Django's introspection
# see only the ``public`` schema), inserted back with triggers off, the sequences set back.
_demo_snapshots = {}


class PostgresSnapshot:
    def __init__(self, connection, name):
        self.schema = name
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')"
            )
            self.tables = [row[0] for row in cursor.fetchall()]
            cursor.execute(
                "SELECT table_name, string_agg(quote_ident(column_name), ', ') FROM "
                "information_schema.columns WHERE table_schema = 'public' "
                "AND is_generated = 'NEVER' GROUP BY table_name"
            )
            self.columns = dict(cursor.fetchall())
            cursor.execute(
                "SELECT schemaname || '.' || quote_ident(sequencename), last_value "
                "FROM pg_sequences WHERE schemaname = 'public'"
            )
            self.sequences = cursor.fetchall()
            # Names from PostgreSQL's own catalog, not from input.
            copies = [
                f'CREATE TABLE "{name}"."{table}" AS SELECT {self.columns[table]} '  # noqa: S608
                f'FROM public."{table}"'
                for table in self.tables
            ]
            cursor.execute(
                f'DROP SCHEMA IF EXISTS "{name}" CASCADE; CREATE SCHEMA "{name}"; '
                + "; ".join(copies)
            )

    def restore(self, connection):
        # DELETE, not TRUNCATE: the tables are small and TRUNCATE replaces each one's files.
        inserts = [
            f'DELETE FROM public."{table}"; '  # noqa: S608
            f'INSERT INTO public."{table}" ({self.columns[table]}) '  # noqa: S608
            f'SELECT {self.columns[table]} FROM "{self.schema}"."{table}"'
            for table in self.tables
        ]
        with connection.cursor() as cursor:
            cursor.execute(
                "SET session_replication_role = replica; "
                + "; ".join(inserts)
                + "; SET session_replication_role = DEFAULT"
            )
            for sequence, value in self.sequences:
                if value is None:
                    cursor.execute("SELECT setval(%s, 1, false)", [sequence])
                else:
                    cursor.execute("SELECT setval(%s, %s)", [sequence, value])


@pytest.fixture
def demo_site(transactional_db, live_server, monkeypatch):
    """The live server's base URL, serving the demo content (the seed page and its neighbours).

    Committed (the live server's thread reads it); the test's flush removes it afterwards. The
    content is loaded once per process and copied back for every later test.
    """
    connection = connections["default"]
    connection.ensure_connection()
    # One password for the editorial accounts in every browser test, so they share a snapshot.
    if not os.environ.get("DEMO_EDITORIAL_PASSWORD"):
        monkeypatch.setenv("DEMO_EDITORIAL_PASSWORD", EDITORIAL_PASSWORD)
    passwords = tuple(os.environ.get(f"DEMO_{who}_PASSWORD") for who in ("ADMIN", "EDITORIAL"))
    snapshot = _demo_snapshots.get(passwords)
    if snapshot is not None and connection.vendor == "sqlite":
        snapshot.backup(connection.connection)
        return live_server.url
    if snapshot is not None:
        snapshot.restore(connection)
        return live_server.url
    with open(os.devnull, "w") as devnull:
        call_command("load_demo_content", stdout=devnull)
    if connection.vendor == "sqlite":
        snapshot = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(snapshot)
        _demo_snapshots[passwords] = snapshot
    elif connection.vendor == "postgresql":
        _demo_snapshots[passwords] = PostgresSnapshot(
            connection, f"demo_snapshot_{len(_demo_snapshots)}"
        )
    return live_server.url


@pytest.fixture
def page(demo_site):
    """A tab of a fresh headless Chromium (no cache) that records every request it makes.

    Chromium starts after the demo content is in place and stops before the database is
    flushed: while Playwright's sync API runs, this thread sees a different context (and so
    a different Django connection object), which must not carry the test's database setup.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(base_url=demo_site, locale="de-DE")
        tab = context.new_page()
        tab.requests = []
        tab.on("request", lambda request: tab.requests.append(request))
        yield tab
        browser.close()


def foreign_hosts(tab, base_url):
    """Hosts other than the live server's that the tab sent requests to."""
    own = urlsplit(base_url).netloc
    hosts = {
        urlsplit(r.url).netloc for r in tab.requests if urlsplit(r.url).scheme in ("http", "https")
    }
    return hosts - {own}
