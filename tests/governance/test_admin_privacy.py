"""The admin names the association and refers to no other host for avatars or update checks
(the browser test checks the requests themselves)."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def test_gravatar_and_update_check_are_off():
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    assert settings.WAGTAIL_ENABLE_UPDATE_CHECK is False


def test_login_and_dashboard_say_der_paritaetische_nrw(client, admin_client):
    login = client.get("/admin/login/").content.decode()
    assert "<title>Anmelden - Der Paritätische NRW</title>" in login
    assert "Anmelden bei Der Paritätische NRW" in login
    dashboard = admin_client.get("/admin/").content.decode()
    assert "- Der Paritätische NRW</title>" in dashboard
    assert "gravatar" not in dashboard.lower()
    assert "data-w-upgrade" not in dashboard  # the update check's component
