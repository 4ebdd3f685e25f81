"""Frontend preview: the admin's preview issues a token, the frontend reads the unsaved page
with it, and the token is useless once expired or for any other page."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from topics.factories import TopicPageFactory

FRONTEND = "https://frontend.example.org/preview"


@pytest.fixture(autouse=True)
def frontend_url(settings):
    settings.FRONTEND_PREVIEW_URL = FRONTEND
    settings.FRONTEND_PREVIEW_MAX_AGE = 600


@pytest.fixture
def topic(topic_index):
    page = TopicPageFactory(parent=topic_index, title="Flüchtlingsarbeit", intro="Veröffentlicht")
    page.save_revision().publish()
    return page


def edit_form(page, **changes):
    data = {
        "title": page.title,
        "slug": page.slug,
        "intro": page.intro,
        "hero_image_alt": "",
        "body": streamfield([("section", {"heading": "Neu", "text": '{"blocks": []}'})]),
        "contact_person_links": inline_formset([]),
        "fachgruppe_links": inline_formset([]),
        "further_information": streamfield([]),
        **changes,
    }
    return nested_form_data(data)


def issue_token(admin_client, page, **changes):
    """What the admin does: post the unsaved form to the preview, open the Frontend mode."""
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    posted = admin_client.post(url, edit_form(page, **changes))
    assert posted.json()["is_valid"], posted.json()
    response = admin_client.get(url, {"mode": "frontend"})
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == FRONTEND
    query = {key: values[0] for key, values in parse_qs(location.query).items()}
    assert query["page_id"] == str(page.pk)
    assert query["path"] == "/themen/" + page.slug + "/"
    return query["token"]


def test_admin_preview_offers_the_frontend_mode(admin_client, topic):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[topic.pk]))
    assert b'value="frontend"' in response.content


def test_frontend_reads_the_unsaved_draft_with_the_token(admin_client, client, topic):
    token = issue_token(admin_client, topic, intro="Noch nicht veröffentlicht")

    response = client.get(f"/api/v3/preview/{topic.pk}/", {"token": token})
    assert response.status_code == 200
    assert response.json()["intro"] == "Noch nicht veröffentlicht"
    assert response.json()["body"][0]["value"]["heading"] == "Neu"
    assert response["Cache-Control"] == "private, no-store"
    # The public API still shows the published version.
    assert client.get(f"/api/v3/pages/{topic.pk}/").json()["intro"] == "Veröffentlicht"


def test_token_is_rejected_after_expiry(admin_client, client, topic, settings):
    token = issue_token(admin_client, topic, intro="Entwurf")
    assert client.get(f"/api/v3/preview/{topic.pk}/", {"token": token}).status_code == 200

    settings.FRONTEND_PREVIEW_MAX_AGE = -1  # every token is now older than allowed
    response = client.get(f"/api/v3/preview/{topic.pk}/", {"token": token})
    assert response.status_code == 403
    assert "Entwurf" not in response.content.decode()


def test_token_is_rejected_for_any_other_page(admin_client, client, topic, topic_index):
    other = TopicPageFactory(parent=topic_index, title="Anderes Thema", intro="Anders")
    token = issue_token(admin_client, topic, intro="Entwurf")

    for page_id in (other.pk, topic_index.pk, topic.pk + 1000):
        response = client.get(f"/api/v3/preview/{page_id}/", {"token": token})
        assert response.status_code == 403, page_id
        assert "Entwurf" not in response.content.decode()


def test_forged_or_missing_token_is_rejected(client, topic):
    assert client.get(f"/api/v3/preview/{topic.pk}/", {"token": "abc:def"}).status_code == 403
    assert client.get(f"/api/v3/preview/{topic.pk}/").status_code == 422
