"""Editors create and publish topic pages through Wagtail's own admin form."""

import pytest
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from organisation.factories import FachbereichFactory
from people.factories import ContactPersonFactory, FachgruppeFactory
from topics.models import TopicPage


def topic_form(**overrides):
    person = overrides.pop("person", None)
    fachgruppen = overrides.pop("fachgruppen", [])
    data = {
        "title": "Wohnungslosenhilfe",
        "slug": "wohnungslosenhilfe",
        "intro": "Eine Einleitung zur Wohnungslosenhilfe.",
        "hero_image": "",
        "hero_image_alt": "",
        "body": streamfield(
            [
                (
                    "section",
                    {
                        "heading": "Beratung vor Ort",
                        "text": rich_text("<p>Beratungsstellen helfen weiter.</p>"),
                    },
                )
            ]
        ),
        "contact_person_links": inline_formset([{"person": person.pk}] if person else []),
        "fachgruppe_links": inline_formset([{"fachgruppe": pk} for pk in fachgruppen]),
        "further_information": streamfield([]),
    }
    data.update(overrides)
    return nested_form_data(data)


@pytest.fixture
def add_url(topic_index):
    return f"/admin/pages/add/topics/topicpage/{topic_index.pk}/"


def test_draft_is_not_on_the_site_and_published_page_is(admin_client, client, add_url):
    person = ContactPersonFactory(first_name="Erika", last_name="Beispiel", role="Referentin")
    response = admin_client.post(add_url, topic_form(person=person))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = TopicPage.objects.get(slug="wohnungslosenhilfe")
    assert not page.live
    assert client.get("/themen/wohnungslosenhilfe/").status_code == 404

    edit_url = f"/admin/pages/{page.pk}/edit/"
    response = admin_client.post(edit_url, topic_form(person=person, **{"action-publish": "1"}))
    assert response.status_code == 302
    html = client.get("/themen/wohnungslosenhilfe/").content.decode()
    assert "<h1>Wohnungslosenhilfe</h1>" in html
    assert "Beratung vor Ort" in html
    assert "Erika Beispiel" in html and "Referentin" in html


def test_publishing_assigns_fachbereich_and_fachgruppe(admin_client, client, add_url):
    fachbereich = FachbereichFactory(name="Familie")
    fachgruppe = FachgruppeFactory(name="Kinder", fachbereich=fachbereich)
    form = topic_form(
        fachbereich=fachbereich.pk, fachgruppen=[fachgruppe.pk], **{"action-publish": "1"}
    )
    assert admin_client.post(add_url, form).status_code == 302
    html = client.get("/themen/wohnungslosenhilfe/").content.decode()
    assert "Fachbereich Familie" in html
    assert f"Fachgruppe Kinder (Fachgruppenleitung: {fachgruppe.lead.full_name})" in html


@pytest.fixture
def image_without_alt(db):
    return get_image_model().objects.create(
        title="Foto ohne Beschreibung", file=get_test_image_file(), description=""
    )


def test_hero_without_alt_text_cannot_be_published(admin_client, add_url, image_without_alt):
    form = topic_form(hero_image=image_without_alt.pk, **{"action-publish": "1"})
    response = admin_client.post(add_url, form)
    assert response.status_code == 200  # the form comes back with errors
    assert "Bitte einen Alternativtext für das Titelbild eingeben" in response.content.decode()
    assert not TopicPage.objects.filter(slug="wohnungslosenhilfe").exists()


def test_hero_without_alt_text_can_be_saved_as_draft(admin_client, add_url, image_without_alt):
    response = admin_client.post(add_url, topic_form(hero_image=image_without_alt.pk))
    assert response.status_code == 302
    assert not TopicPage.objects.get(slug="wohnungslosenhilfe").live


@pytest.mark.parametrize(
    "extra",
    [
        {"hero_image_alt": "Eine Beraterin im Gespräch"},
        {"hero_image_decorative": "on"},
    ],
)
def test_hero_with_alt_text_or_decorative_can_be_published(
    admin_client, client, add_url, image_without_alt, extra
):
    form = topic_form(hero_image=image_without_alt.pk, **extra, **{"action-publish": "1"})
    assert admin_client.post(add_url, form).status_code == 302
    html = client.get("/themen/wohnungslosenhilfe/").content.decode()
    expected_alt = extra.get("hero_image_alt", "")
    assert f'alt="{expected_alt}"' in html
