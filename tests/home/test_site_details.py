"""Small things a visitor or a frontend meets first: the icons, the site's name and address."""

import pytest
from django.contrib.staticfiles import finders
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from wagtail.models import Site

from home.site import address


def test_favicon_ico_leads_to_the_icon_and_pages_link_the_icons(client, home_page):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/icons/favicon.ico"
    html = client.get("/").content.decode()
    for name in ("icons/favicon.ico", "icons/favicon.svg", "icons/apple-touch-icon.png"):
        assert f'href="/static/{name}"' in html
        assert finders.find(name), name


def test_site_settings_name_the_site(client, home_page):
    data = client.get("/api/v3/site-settings/").json()
    assert data["site_name"] == "Der Paritätische NRW"
    assert data["root"]["url"] == "http://testserver/"


def test_migrate_points_the_site_at_a_changed_base_url(client, home_page, settings):
    client.get("/")  # cached with the old address
    settings.SITE_BASE_URL = "https://www.paritaet-nrw.example"
    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("www.paritaet-nrw.example", 443)
    html = client.get("/", HTTP_HOST="www.paritaet-nrw.example").content.decode()
    assert '<link rel="canonical" href="https://www.paritaet-nrw.example/">' in html


def test_a_base_url_wagtail_cannot_express_is_refused(settings):
    assert address("http://localhost:8000") == ("localhost", 8000)
    assert address("https://www.paritaet-nrw.example/") == ("www.paritaet-nrw.example", 443)
    for wrong in ("localhost:8000", "https://www.paritaet-nrw.example:8443", "ftp://x"):
        with pytest.raises(ImproperlyConfigured):
            address(wrong)
