"""Einstellungen → Webhooks and Webhook-Protokoll: managing endpoints, reading the log,
redelivering; for superusers (or groups given the permissions) only."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import Client

from webhooks.models import WebhookDelivery, WebhookEndpoint

from .support import make_endpoint, page_change

ENDPOINTS = "/admin/webhooks/"
LOG = "/admin/webhooks/deliveries/"


@pytest.fixture
def editor_client(db, django_user_model):
    """An editor: may use the admin, has no webhook permissions."""
    user = django_user_model.objects.create_user("lektorat", "lektorat@example.org", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    client = Client()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def delivered(receiver, commit):
    make_endpoint(receiver.url)
    commit(page_change())
    return WebhookDelivery.objects.get()


def test_superuser_sees_the_pages(admin_client, delivered):
    endpoint = delivered.endpoint
    for url in [
        ENDPOINTS,
        f"{ENDPOINTS}new/",
        f"{ENDPOINTS}edit/{endpoint.pk}/",
        LOG,
        f"{LOG}?status=succeeded",
        f"{LOG}inspect/{delivered.pk}/",
    ]:
        assert admin_client.get(url).status_code == 200, url
    home = admin_client.get("/admin/").content.decode()
    assert "Webhooks" in home and "Webhook-Protokoll" in home
    # The secret is shown so that it can be given to the receiver.
    assert endpoint.secret in admin_client.get(f"{ENDPOINTS}edit/{endpoint.pk}/").content.decode()


def test_an_editor_without_permission_is_turned_away(editor_client, delivered, receiver):
    endpoint = delivered.endpoint
    for url in [
        ENDPOINTS,
        f"{ENDPOINTS}new/",
        f"{ENDPOINTS}edit/{endpoint.pk}/",
        LOG,
        f"{LOG}inspect/{delivered.pk}/",
    ]:
        assert editor_client.get(url).status_code in (302, 403), url
    response = editor_client.post(f"{LOG}redeliver/{delivered.pk}/")
    assert response.status_code in (302, 403)
    assert len(receiver.requests) == 1
    assert "Webhook-Protokoll" not in editor_client.get("/admin/").content.decode()


def test_a_group_given_the_permissions_may_read_the_log_and_redeliver(
    editor_client, delivered, receiver
):
    permissions = Permission.objects.filter(
        content_type__app_label="webhooks",
        codename__in=["view_webhookdelivery", "change_webhookdelivery"],
    )
    editor_client.user.user_permissions.add(*permissions)
    assert editor_client.get(f"{LOG}inspect/{delivered.pk}/").status_code == 200
    assert editor_client.post(f"{LOG}redeliver/{delivered.pk}/").status_code == 302
    assert len(receiver.requests) == 2
    assert editor_client.get(ENDPOINTS).status_code == 302  # endpoints stay out of reach


def endpoint_form(**overrides):
    data = {
        "name": "Next.js-Frontend",
        "url": "https://www.example.org/api/revalidate",
        "secret": "geheim-1234567890",
        "events": ["page.published", "page.unpublished"],
        "is_active": "on",
    }
    data.update(overrides)
    return data


def test_an_endpoint_is_registered_with_its_events(admin_client):
    # The form offers a generated secret.
    form = admin_client.get(f"{ENDPOINTS}new/").context["form"]
    assert len(form["secret"].value()) >= 40

    response = admin_client.post(f"{ENDPOINTS}new/", endpoint_form())
    assert response.status_code == 302
    endpoint = WebhookEndpoint.objects.get()
    assert endpoint.url == "https://www.example.org/api/revalidate"
    assert endpoint.events == ["page.published", "page.unpublished"]
    assert endpoint.wants("page.published") and not endpoint.wants("document.saved")

    admin_client.post(f"{ENDPOINTS}edit/{endpoint.pk}/", endpoint_form(events=["*", "image.saved"]))
    endpoint.refresh_from_db()
    assert endpoint.events == ["*"]
    assert endpoint.wants("document.saved")


@pytest.mark.parametrize(
    "url", ["ftp://www.example.org/hook", "javascript:alert(1)", "file:///etc/passwd"]
)
def test_the_form_refuses_a_url_that_is_not_http(admin_client, url):
    response = admin_client.post(f"{ENDPOINTS}new/", endpoint_form(url=url))
    assert response.status_code == 200
    assert response.context["form"].errors["url"]
    assert not WebhookEndpoint.objects.exists()


def test_the_form_wants_at_least_one_event(admin_client):
    response = admin_client.post(f"{ENDPOINTS}new/", endpoint_form(events=[]))
    assert response.context["form"].errors["events"]


def test_a_failed_delivery_shows_in_the_log_and_redelivery_completes_it(
    admin_client, closed_port, commit, clock, settings, start_receiver
):
    settings.WEBHOOK_MAX_ATTEMPTS = 3
    endpoint = make_endpoint(f"http://127.0.0.1:{closed_port}/hook")
    commit(page_change())  # the receiver is down for the whole retry window
    for _ in range(3):
        clock.advance(3600)
        call_command("sweep_webhooks", stdout=open("/dev/null", "w"))  # noqa: SIM115
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "failed"

    log = admin_client.get(LOG).content.decode()
    assert "Fehlgeschlagen" in log and endpoint.name in log
    assert f"{LOG}inspect/{delivery.pk}/" in log
    assert str(delivery.pk) in admin_client.get(f"{LOG}?status=failed").content.decode()
    page = admin_client.get(f"{LOG}inspect/{delivery.pk}/").content.decode()
    assert page.count("Verbindung abgelehnt") == 3
    assert f"{LOG}redeliver/{delivery.pk}/" in page
    assert "Erneut zustellen" in page

    receiver = start_receiver(port=closed_port)  # the receiver is back
    response = admin_client.post(f"{LOG}redeliver/{delivery.pk}/", follow=True)
    assert response.redirect_chain == [(f"{LOG}inspect/{delivery.pk}/", 302)]
    assert "Erneut zugestellt (Antwort 200)" in response.content.decode()

    delivery.refresh_from_db()
    assert delivery.status == "succeeded"
    assert [a.status_code for a in delivery.attempt_log.all()] == [None, None, None, 200]
    [request] = receiver.requests
    assert request.body.decode() == delivery.payload


def test_a_failing_redelivery_says_so(admin_client, closed_port, commit):
    make_endpoint(f"http://127.0.0.1:{closed_port}/hook")
    commit(page_change())
    delivery = WebhookDelivery.objects.get()
    response = admin_client.post(f"{LOG}redeliver/{delivery.pk}/", follow=True)
    assert "Die erneute Zustellung ist fehlgeschlagen" in response.content.decode()
    assert delivery.attempt_log.count() == 2


def test_redelivery_answers_only_post(admin_client, delivered, receiver):
    assert admin_client.get(f"{LOG}redeliver/{delivered.pk}/").status_code == 405
    assert len(receiver.requests) == 1
