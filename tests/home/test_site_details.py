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


def test_an_editor_with_the_settings_permission_replaces_the_wordmark_by_a_logo(
    client, home_page, django_user_model
):
    from bs4 import BeautifulSoup
    from django.contrib.auth.models import Permission
    from wagtail.images.tests.utils import get_test_image_file
    from wagtail_factories import ImageFactory

    from home.models import SiteSettings

    site = Site.objects.get(is_default_site=True)
    editor = django_user_model.objects.create_user("gestaltung", "g@example.org", "pw")
    editor.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_sitesettings"),
    )
    client.force_login(editor)
    settings_url = f"/admin/settings/home/sitesettings/{site.pk}/"
    assert client.get(settings_url).status_code == 200

    def header_image():
        html = client.get("/", HTTP_ACCEPT="text/html").content.decode()
        return BeautifulSoup(html, "html.parser").select_one("header .site-name img")

    # Without a logo: the demo's SVG wordmark, named by the organisation.
    assert header_image()["src"].endswith(".svg")
    assert header_image()["alt"] == "Der Paritätische NRW"

    logo = ImageFactory(title="Logo", file=get_test_image_file(size=(400, 100)))
    current = SiteSettings.for_site(site)
    form = {
        "organisation_name": current.organisation_name,
        "address": current.address,
        "email": current.email,
        "phone": current.phone,
        "logo": logo.pk,
    }
    response = client.post(settings_url, form)
    assert response.status_code == 302, response.content.decode()[:2000]

    image = header_image()
    assert "/media/images/" in image["src"] and ".height-48" in image["src"]
    assert ".height-96" in image["srcset"]
    assert image["alt"] == "Der Paritätische NRW"
    assert (image["width"], image["height"]) == ("192", "48")
    said = client.get("/api/v3/site-settings/").json()["logo"]
    assert said["alt"] == "Der Paritätische NRW"
    assert {r["spec"] for r in said["renditions"]} == {"height-48", "height-96"}

    # A logo that is taken away again gives the wordmark back.
    response = client.post(settings_url, {**form, "logo": ""})
    assert response.status_code == 302
    assert header_image()["src"].endswith(".svg")
    assert client.get("/api/v3/site-settings/").json()["logo"] is None
