"""Every editing screen of the content model opens for an editor (panels, help texts, German)."""

import pytest
from wagtail.models import Page

from organisation.models import Fachbereich
from people.models import ContactPerson, Fachgruppe


def test_every_demo_page_opens_in_the_editor(admin_client, demo):
    for page in Page.objects.filter(depth__gte=2):
        response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, page.url_path


def test_topic_page_editor_explains_the_fields(admin_client, demo):
    page = Page.objects.get(slug="fluechtlingsarbeit")
    html = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Alternativtext des Titelbilds" in html
    assert "Zuordnung des Themas im Verband" in html
    assert "Ansprechpersonen" in html


@pytest.mark.parametrize(
    ("model", "path"),
    [
        (ContactPerson, "people/contactperson"),
        (Fachbereich, "organisation/fachbereich"),
        (Fachgruppe, "people/fachgruppe"),
    ],
)
def test_snippet_screens_open(admin_client, demo, model, path):
    assert admin_client.get(f"/admin/snippets/{path}/").status_code == 200
    assert admin_client.get(f"/admin/snippets/{path}/add/").status_code == 200
    obj = model.objects.first()
    assert admin_client.get(f"/admin/snippets/{path}/edit/{obj.pk}/").status_code == 200


def test_site_settings_and_documents_open(admin_client, demo):
    assert admin_client.get("/admin/settings/home/sitesettings/").status_code in (200, 302)
    assert admin_client.get("/admin/documents/").status_code == 200
    assert admin_client.get("/admin/documents/multiple/add/").status_code == 200
