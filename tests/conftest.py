"""Shared fixtures: the demo content (built once per session, rolled back per test), the default
site's home page and a Themen index below it.

The ``demo`` fixture
--------------------
``load_demo_content`` takes seconds; tests that read or change the demo site share one build:

- the first test that asks for ``demo`` opens a transaction on the test database and runs
  ``load_demo_content`` in it (``DEMO_ADMIN_PASSWORD`` = :data:`DEMO_ADMIN_PASSWORD`);
- every test then runs in its own savepoint inside that transaction (pytest-django's ``db``),
  so whatever it changes is rolled back and the next test sees the fresh demo again;
- before a test that does not ask for ``demo`` runs, the demo transaction is rolled back, so
  such a test sees the empty database of the migrations, as always. The tests that ask for
  ``demo`` are run one after the other (``pytest_collection_modifyitems`` below), so the
  content is built once per test process (each xdist worker).

Files the loader writes (images, the publications' PDFs) stay in the session's MEDIA_ROOT and
PRIVATE_MEDIA_ROOT. ``demo`` cannot be combined with ``transactional_db`` or ``live_server``
(another connection could not see the uncommitted content); those tests load it themselves.
"""

import io
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.test import Client
from wagtail.models import Page, Site

from topics.factories import TopicIndexPageFactory

ROOT = Path(__file__).resolve().parents[1]
# The demo admin's password in the shared demo content (log in as "admin" with it).
DEMO_ADMIN_PASSWORD = "demo-passwort-123"


@dataclass
class Demo:
    """What the ``demo`` fixture gives: the default site, its home page and the admin login."""

    site: Site
    home: Page
    admin_password: str = DEMO_ADMIN_PASSWORD

    def page(self, slug):
        """The demo page with this slug (specific), e.g. ``demo.page("fluechtlingsarbeit")``."""
        return Page.objects.get(slug=slug).specific


class DemoTransaction:
    """The demo content inside one open transaction on the test database."""

    def __init__(self):
        self.blocker = None  # pytest-django's django_db_blocker, once the test database exists
        self.atomic = None
        self.builds = 0  # how often load_demo_content ran (per process)
        self.files = None  # the media files as the build left them

    @property
    def is_open(self):
        return self.atomic is not None

    def open(self):
        from django.core.management import call_command
        from django.db import transaction

        with self.blocker.unblock(), pytest.MonkeyPatch.context() as env:
            env.setenv("DEMO_ADMIN_PASSWORD", DEMO_ADMIN_PASSWORD)
            self.atomic = transaction.atomic()
            self.atomic.__enter__()
            try:
                call_command("load_demo_content", stdout=io.StringIO())
            except BaseException:
                self.close()
                raise
            self.builds += 1
        self.files = MediaFiles()

    def restore_files(self):
        """The loader's files as they were built (a rollback does not bring a deleted or
        overwritten file back)."""
        if self.files is not None:
            self.files.restore()

    def close(self):
        from django.db import transaction

        atomic, self.atomic = self.atomic, None
        with self.blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


class MediaFiles:
    """A copy of the files in MEDIA_ROOT and PRIVATE_MEDIA_ROOT, put back where a test deleted
    or changed one (files a test adds stay, as they always did in the session's folders)."""

    def __init__(self):
        from django.conf import settings

        self.copy = Path(tempfile.mkdtemp(prefix="cms-test-demo-media-"))
        self.files = {}  # path -> (size, mtime) as built
        for index, root in enumerate((settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT)):
            for path in Path(root).rglob("*"):
                if path.is_file():
                    kept = self.copy / str(index) / path.relative_to(root)
                    kept.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(path, kept)
                    self.files[path] = (kept, self.signature(path))

    @staticmethod
    def signature(path):
        stat = path.stat()
        return stat.st_size, stat.st_mtime_ns

    def restore(self):
        for path, (kept, signature) in self.files.items():
            try:
                unchanged = self.signature(path) == signature
            except FileNotFoundError:
                unchanged = False
            if not unchanged:
                path.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(kept, path)


_demo_transaction = DemoTransaction()


def _uses_demo(item):
    return "demo" in getattr(item, "fixturenames", ())


@pytest.fixture(scope="session")
def _demo_database(django_db_setup, django_db_blocker):
    """Opens the demo transaction for the first test that asks for ``demo`` (session scope,
    so before that test's own savepoint); closes it before the test database goes."""
    _demo_transaction.blocker = django_db_blocker
    if not _demo_transaction.is_open:
        _demo_transaction.open()
    yield _demo_transaction
    if _demo_transaction.is_open:
        _demo_transaction.close()


@pytest.fixture
def demo(request, _demo_database, db):
    """The demo content of ``load_demo_content``, built once, rolled back after each test."""
    if {"transactional_db", "live_server"} & set(request.fixturenames):
        raise pytest.UsageError(
            "the demo fixture lives in a transaction: a transactional test loads the demo "
            "content itself (see tests/browser/conftest.py)"
        )
    assert _demo_transaction.is_open
    site = Site.objects.get(is_default_site=True)
    yield Demo(site=site, home=site.root_page.specific)
    _demo_transaction.restore_files()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Before the test's fixtures: the demo transaction is open exactly for tests using it."""
    if _demo_transaction.blocker is None:
        return  # no test asked for the demo yet
    if _uses_demo(item) and not _demo_transaction.is_open:
        _demo_transaction.open()
    elif not _uses_demo(item) and _demo_transaction.is_open:
        _demo_transaction.close()


if os.environ.get("PYTEST_XDIST_WORKER"):

    @pytest.fixture(scope="session")
    def django_db_setup(django_test_environment, django_db_blocker):
        """On an xdist worker: a copy of the test database that one worker migrated for the
        whole run (tests/databases.py), instead of migrating again in every worker."""
        from tests.databases import worker_database

        with django_db_blocker.unblock():
            remove = worker_database(
                os.environ["PYTEST_XDIST_TESTRUNUID"], os.environ["PYTEST_XDIST_WORKER"]
            )
        yield
        with django_db_blocker.unblock():
            remove()


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """A STATIC_ROOT filled by the production settings' ``collectstatic`` (hashed, compressed
    names), once per test process, for the tests that serve the app with gunicorn. Read only."""
    root = tmp_path_factory.mktemp("static")
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_BASE_URL": "http://127.0.0.1",
        "STATIC_ROOT": str(root),
    }
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    return root


@pytest.fixture
def home_page(db):
    """The HomePage created by the home app's data migration (the default site's root)."""
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def topic_index(home_page):
    return TopicIndexPageFactory(parent=home_page)


@pytest.fixture
def admin_client(db, django_user_model):
    """A logged-in superuser (separate from the anonymous ``client`` fixture)."""
    user = django_user_model.objects.create_superuser("redaktion", "redaktion@example.org", "pw")
    client = Client()
    client.force_login(user)
    client.user = user
    return client


def _django_db_order(item):
    """pytest-django's order: database tests, then transactional ones, then the rest."""
    marker = item.get_closest_marker("django_db")
    fixtures = set(getattr(item, "fixturenames", ()))
    transactional = bool({"transactional_db", "live_server"} & fixtures) or bool(
        marker
        and (
            marker.kwargs.get("transaction")
            or marker.kwargs.get("reset_sequences")
            or (marker.args and marker.args[0])
        )
    )
    cls = getattr(item, "cls", None)
    if cls is not None:
        from django.test import TestCase, TransactionTestCase

        if issubclass(cls, TransactionTestCase):
            return 0 if issubclass(cls, TestCase) else 1
    if transactional:
        return 1
    return 0 if (marker or "db" in fixtures) else 2


# The longest tests (``--durations``, 2026-12-08: each 15-60 s, most waiting on another
# process: a server, a browser, a restore), started first within their kind (below) so that
# the workers do not end with one of them running alone.
LONG_FIRST = (
    "tests/browser/test_journeys.py",
    "tests/ops/test_backup_restore.py",
    "tests/documents/test_bench_pdf_upload.py",
    "tests/ops/test_logs.py",
    "tests/httpcache/test_topologies.py",
    "tests/api/test_openapi.py::test_public_operations_honour_their_schema",
    "tests/governance/test_scheduler.py",
    "tests/accounts/test_throttling.py",
    "tests/documents/test_media_split.py",
    "tests/browser/test_admin.py",
    "tests/browser/test_languages.py",
    "tests/browser/test_site.py",
)

# pytest-django's kinds (``_django_db_order``) in the order they run: the tests without a
# database first (most of the long ones start a process of their own with its own database),
# then the database tests, then the transactional ones.
_KIND_ORDER = {2: 0, 0: 1, 1: 2}


def _long(item):
    return any(item.nodeid.startswith(prefix) for prefix in LONG_FIRST)


def pytest_collection_modifyitems(config, items):
    # The tests using the demo content run one after the other, after the other database
    # tests of their kind, so each process builds the demo once; the long ones first within
    # each group (pytest-xdist hands the tests out in this order, one at a time).
    items.sort(
        key=lambda item: (
            _KIND_ORDER[_django_db_order(item)],
            _uses_demo(item),
            not _long(item),
        )
    )

    # PostgreSQL-only tests: @pytest.mark.postgres skips (with the reason) on other databases.
    from django.conf import settings

    vendor = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    if "postgresql" in vendor:
        return
    skip = pytest.mark.skip(
        reason=f"needs PostgreSQL (the database is {vendor}); set DATABASE_URL=postgres://…"
    )
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _empty_caches():
    """Every test starts with empty caches: the response cache keys entries by page id and
    path, which the next test's rolled-back database reuses."""
    from django.core.cache import caches
    from django.core.cache.backends.db import DatabaseCache

    for cache in caches.all():
        # The shared cache in the database is a table: rolled back or flushed with the rest.
        if not isinstance(cache, DatabaseCache):
            cache.clear()


@pytest.fixture(autouse=True)
def _changes_announced_at_once(request, monkeypatch):
    """A test's database work runs inside a transaction that never commits, so a change
    batched for the commit (changes.events) would never be announced and the response cache
    would answer the next request from before the change. Tests announce each change at once,
    as a committed transaction would; tests of the batching itself (they run the on-commit
    callbacks with ``django_capture_on_commit_callbacks``) and transactional tests (they
    commit for real) keep the batching."""
    names = request.fixturenames
    marker = request.node.get_closest_marker("django_db")
    if "db" not in names and "transactional_db" not in names and marker is None:
        return  # no database, no change to announce (and changes.events stays as it is)
    transactional = "transactional_db" in names or "live_server" in names
    if marker is not None and marker.kwargs.get("transaction"):
        transactional = True
    if transactional or "django_capture_on_commit_callbacks" in names or "commit" in names:
        return
    from changes import events

    monkeypatch.setattr(events, "current_batch", lambda: None)
