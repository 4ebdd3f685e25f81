"""Every password form is throttled (accounts/throttling.py, django-axes): the admin login,
the front-end login, page passwords and collection passwords.

For each: after ``AXES_FAILURE_LIMIT`` wrong passwords the form answers with the German
lockout page (429, ``Retry-After``), the right password is refused while locked, and the lock
ends after the cool-off period or when an administrator lifts it in the admin.
"""

import datetime
import re

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from documents.factories import PublicationFactory
from home.factories import StandardPageFactory

LIMIT = 3
PASSWORD = "Richtiges-Passwort-2026"


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.AXES_FAILURE_LIMIT = LIMIT
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)


@pytest.fixture
def member(django_user_model):
    return django_user_model.objects.create_user("mitglied", password=PASSWORD)


def is_locked_out(response):
    html = response.content.decode()
    return (
        response.status_code == 429
        and "<h1>Zu viele Versuche</h1>" in html
        and "vorübergehend gesperrt" in html
        and response["Retry-After"] == "900"
    )


def expire_cool_off():
    """The cool-off period passes: the failures were recorded 16 minutes ago."""
    earlier = datetime.timedelta(minutes=16)
    for attempt in AccessAttempt.objects.all():
        AccessAttempt.objects.filter(pk=attempt.pk).update(
            attempt_time=attempt.attempt_time - earlier
        )


def lift_in_the_admin(admin_client, username):
    """An administrator deletes the lockout under Einstellungen → Gesperrte Anmeldungen."""
    listing = admin_client.get(reverse("lockouts:index"))
    assert listing.status_code == 200
    assert username in listing.content.decode()
    attempt = AccessAttempt.objects.get(username=username)
    response = admin_client.post(reverse("lockouts:delete", args=[attempt.pk]))
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username=username).exists()


def fail(post, times):
    return [post("falsch") for _ in range(times)]


# -- Admin login -------------------------------------------------------------------------------


def admin_login(client, password, username="mitglied"):
    return client.post(reverse("wagtailadmin_login"), {"username": username, "password": password})


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("mitglied", "m@example.org", PASSWORD)


def test_admin_login_locks_and_an_admin_lifts_it(editor, admin_client):
    client = Client()
    responses = fail(lambda p: admin_login(client, p), LIMIT)
    assert all(r.status_code == 200 for r in responses[:-1])
    assert is_locked_out(responses[-1])

    assert is_locked_out(admin_login(client, PASSWORD))
    assert "_auth_user_id" not in client.session

    lift_in_the_admin(admin_client, "mitglied")
    response = admin_login(client, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_admin_login_unlocks_after_the_cool_off(editor):
    client = Client()
    fail(lambda p: admin_login(client, p), LIMIT)
    assert is_locked_out(admin_login(client, PASSWORD))
    expire_cool_off()
    assert admin_login(client, PASSWORD).status_code == 302


def test_lifting_needs_the_admin(editor, client):
    fail(lambda p: admin_login(client, p), LIMIT)
    member = Client()
    member.force_login(
        type(editor).objects.create_user("redakteurin", password="x", is_staff=False)
    )
    attempt = AccessAttempt.objects.get()
    response = member.post(reverse("lockouts:delete", args=[attempt.pk]))
    assert response.status_code in (302, 403)
    assert AccessAttempt.objects.filter(pk=attempt.pk).exists()


# -- Front-end login ---------------------------------------------------------------------------


def site_login(client, password, username="mitglied"):
    return client.post(
        "/_util/login/", {"username": username, "password": password, "next": "/intern/"}
    )


def without_token(response):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def test_front_end_login_locks_the_same_for_unknown_users(member, home_page, admin_client):
    known, unknown = Client(), Client()
    wrong = fail(lambda p: site_login(known, p), LIMIT)
    made_up = fail(lambda p: site_login(unknown, p, username="niemand"), LIMIT)
    for a, b in zip(wrong, made_up, strict=True):  # no difference but the typed name
        assert a.status_code == b.status_code
        assert without_token(a).replace("mitglied", "X") == without_token(b).replace("niemand", "X")
    assert is_locked_out(wrong[-1]) and is_locked_out(made_up[-1])

    assert is_locked_out(site_login(known, PASSWORD))
    lift_in_the_admin(admin_client, "mitglied")
    response = site_login(known, PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/intern/"


def test_front_end_login_unlocks_after_the_cool_off(member, home_page):
    client = Client()
    fail(lambda p: site_login(client, p), LIMIT)
    assert is_locked_out(site_login(client, PASSWORD))
    expire_cool_off()
    assert site_login(client, PASSWORD).status_code == 302


def test_front_end_login_without_next_lands_on_the_home_page(member, home_page):
    response = Client().post("/_util/login/", {"username": "mitglied", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/"


# -- Page passwords ----------------------------------------------------------------------------


@pytest.fixture
def protected_page(home_page):
    page = StandardPageFactory(parent=home_page, title="Geheime Sitzung", slug="geheim")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    return page, reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])


def page_password(client, url, password):
    return client.post(url, {"password": password, "return_url": "/geheim/"})


def test_page_password_locks_and_unlocks_after_the_cool_off(protected_page):
    page, url = protected_page
    client = Client()
    responses = fail(lambda p: page_password(client, url, p), LIMIT)
    assert all(r.status_code == 200 for r in responses[:-1])
    assert is_locked_out(responses[-1])
    assert is_locked_out(page_password(client, url, PASSWORD))
    assert "Geheime Sitzung" not in client.get("/geheim/").content.decode()

    expire_cool_off()
    response = page_password(client, url, PASSWORD)
    assert response.status_code == 302
    assert "Geheime Sitzung" in client.get("/geheim/").content.decode()


def test_page_password_lockout_is_lifted_by_an_admin(protected_page, admin_client):
    page, url = protected_page
    client = Client()
    fail(lambda p: page_password(client, url, p), LIMIT)
    assert is_locked_out(page_password(client, url, PASSWORD))
    restriction = PageViewRestriction.objects.get(page=page)
    lift_in_the_admin(admin_client, f"Seitenpasswort {restriction.pk}")
    assert page_password(client, url, PASSWORD).status_code == 302


# -- Collection passwords ----------------------------------------------------------------------


@pytest.fixture
def protected_document(db):
    collection = Collection.get_first_root_node().add_child(name="Vorstand")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password=PASSWORD,
    )
    publication = PublicationFactory(title="Protokoll", collection=collection)
    url = reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk])
    return publication, restriction, url


def collection_password(client, url, password, publication):
    return client.post(url, {"password": password, "return_url": publication.url})


def test_collection_password_locks_and_an_admin_lifts_it(protected_document, admin_client):
    publication, restriction, url = protected_document
    client = Client()
    responses = fail(lambda p: collection_password(client, url, p, publication), LIMIT)
    assert all(r.status_code == 200 for r in responses[:-1])
    assert is_locked_out(responses[-1])
    assert is_locked_out(collection_password(client, url, PASSWORD, publication))
    assert client.get(publication.url).status_code == 200  # the password form again
    assert b"%PDF" not in client.get(publication.url).content

    lift_in_the_admin(admin_client, f"Sammlungspasswort {restriction.pk}")
    response = collection_password(client, url, PASSWORD, publication)
    assert response.status_code == 302
    download = client.get(publication.url)
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_collection_password_unlocks_after_the_cool_off(protected_document):
    publication, _, url = protected_document
    client = Client()
    fail(lambda p: collection_password(client, url, p, publication), LIMIT)
    assert is_locked_out(collection_password(client, url, PASSWORD, publication))
    expire_cool_off()
    assert collection_password(client, url, PASSWORD, publication).status_code == 302


def test_one_locked_restriction_leaves_the_others_alone(protected_page, protected_document):
    _, page_url = protected_page
    publication, _, collection_url = protected_document
    client = Client()
    fail(lambda p: page_password(client, page_url, p), LIMIT)
    assert collection_password(client, collection_url, PASSWORD, publication).status_code == 302


def test_behind_a_proxy_each_visitor_address_counts_on_its_own(settings, protected_page):
    """The proxy (127.0.0.1, the test client's REMOTE_ADDR) is trusted: the address it
    appended to X-Forwarded-For is counted, so one visitor's lockout does not lock everyone
    behind the same proxy."""
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    _, url = protected_page
    attacker = Client(HTTP_X_FORWARDED_FOR="203.0.113.7")
    visitor = Client(HTTP_X_FORWARDED_FOR="198.51.100.4")
    fail(lambda p: page_password(attacker, url, p), LIMIT)
    assert is_locked_out(page_password(attacker, url, PASSWORD))
    assert page_password(visitor, url, PASSWORD).status_code == 302
    assert AccessAttempt.objects.get().ip_address == "203.0.113.7"
    # A forged first entry changes nothing: the proxy's own entry (the last) is counted.
    forged = Client(HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.7")
    assert is_locked_out(page_password(forged, url, PASSWORD))


def test_without_a_proxy_the_header_is_ignored(protected_page):
    _, url = protected_page
    fail(lambda p: page_password(Client(HTTP_X_FORWARDED_FOR="192.0.2.9"), url, p), LIMIT)
    other = Client(HTTP_X_FORWARDED_FOR="192.0.2.10")  # same REMOTE_ADDR: still locked
    assert is_locked_out(page_password(other, url, PASSWORD))


def direct(address, forged):
    """A client reaching the app port directly from ``address``, forging X-Forwarded-For."""
    return Client(REMOTE_ADDR=address, HTTP_X_FORWARDED_FOR=forged)


def test_direct_access_with_forged_headers_cannot_rotate_its_address(settings, editor):
    """TRUSTED_PROXIES set as in the Procfile, the app port reachable from the internet: a
    client that is not a trusted proxy gets its own address counted, whatever it forges."""
    settings.TRUSTED_PROXIES = ["127.0.0.0/8", "10.0.0.0/8"]
    for n in range(LIMIT):
        admin_login(direct("203.0.113.66", f"198.51.100.{n}"), "falsch")
    assert is_locked_out(admin_login(direct("203.0.113.66", "198.51.100.200"), PASSWORD))
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.66"}
    # The account is not locked for the others, behind the proxy or direct.
    assert admin_login(Client(HTTP_X_FORWARDED_FOR="198.51.100.4"), PASSWORD).status_code == 302
    assert admin_login(direct("203.0.113.99", ""), PASSWORD).status_code == 302


def test_nobody_can_lock_an_account_for_everyone(settings, editor):
    """Behind the proxy: five wrong admin passwords from one visitor lock that visitor out,
    not the admin working from another address (the lock is per account and address)."""
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    attacker = Client(HTTP_X_FORWARDED_FOR="203.0.113.7")
    fail(lambda p: admin_login(attacker, p), LIMIT)
    assert is_locked_out(admin_login(attacker, PASSWORD))
    assert admin_login(Client(HTTP_X_FORWARDED_FOR="192.0.2.44"), PASSWORD).status_code == 302


@pytest.mark.parametrize("route", ["proxy", "direct"])
def test_spraying_many_accounts_from_one_address_is_stopped(settings, django_user_model, route):
    """One wrong guess each for 20 accounts (real and unknown), from one address: after
    AXES_ACCOUNTS_PER_ADDRESS accounts every further guess is refused, even a right one,
    from that address only."""
    settings.AXES_ACCOUNTS_PER_ADDRESS = 10
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    accounts = [f"konto{n}" for n in range(20)]
    for name in accounts[::2]:
        django_user_model.objects.create_superuser(name, f"{name}@example.org", PASSWORD)
    sprayer = (
        Client(HTTP_X_FORWARDED_FOR="203.0.113.9")
        if route == "proxy"
        else direct("203.0.113.9", "198.51.100.1")
    )
    answers = [admin_login(sprayer, "Sommer2026!", username=name) for name in accounts]
    # The tenth failed account locks the address; the eleventh to twentieth guesses never
    # reach a password check.
    assert [is_locked_out(a) for a in answers] == [False] * 9 + [True] * 11
    assert is_locked_out(admin_login(sprayer, PASSWORD, username="konto0"))
    someone_else = Client(HTTP_X_FORWARDED_FOR="198.51.100.77")
    assert admin_login(someone_else, PASSWORD, username="konto0").status_code == 302


def test_proxy_settings_come_from_the_environment():
    import os
    import subprocess
    import sys
    from pathlib import Path

    script = (
        "import django; django.setup(); from django.conf import settings as s;"
        "print(','.join(s.TRUSTED_PROXIES), s.AXES_FAILURE_LIMIT,"
        " int(s.AXES_COOLOFF_TIME.total_seconds()), s.AXES_ACCOUNTS_PER_ADDRESS)"
    )

    def run(**variables):
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.dev", **variables}
        if "TRUSTED_PROXY_COUNT" not in variables:
            env.pop("TRUSTED_PROXY_COUNT", None)
        return subprocess.run(  # noqa: S603
            [sys.executable, "-c", script],
            cwd=Path(__file__).resolve().parents[2],
            env=env,
            capture_output=True,
            text=True,
        )

    result = run(
        TRUSTED_PROXIES="10.0.0.0/8,::1",
        AXES_FAILURE_LIMIT="7",
        AXES_COOLOFF_MINUTES="30",
        AXES_ACCOUNTS_PER_ADDRESS="15",
    )
    assert result.stdout.split() == ["10.0.0.0/8,::1", "7", "1800", "15"], result.stderr
    refused = run(TRUSTED_PROXIES="10.0.0.0/8,proxy.intern")
    assert refused.returncode != 0
    assert "TRUSTED_PROXIES: 'proxy.intern' is not an IP address or network" in refused.stderr
    replaced = run(TRUSTED_PROXY_COUNT="1")
    assert replaced.returncode != 0
    assert "TRUSTED_PROXY_COUNT was replaced by TRUSTED_PROXIES" in replaced.stderr


def test_axes_reset_command_lifts_every_lockout(editor):
    from django.core.management import call_command

    client = Client()
    fail(lambda p: admin_login(client, p), LIMIT)
    assert is_locked_out(admin_login(client, PASSWORD))
    call_command("axes_reset", verbosity=0)
    assert admin_login(client, PASSWORD).status_code == 302
