"""Contact cards on a topic page: photo or initials, name, role, mailto: and tel: links."""

import re

import pytest
from wagtail.images.tests.utils import get_test_image_file
from wagtail_factories import ImageFactory

from organisation.factories import FachbereichFactory
from people.factories import ContactPersonFactory, FachgruppeFactory
from topics.factories import (
    TopicPageContactPersonFactory,
    TopicPageFachgruppeFactory,
    TopicPageFactory,
)


@pytest.fixture
def topic_html(client, topic_index):
    photo = ImageFactory(title="Porträt", file=get_test_image_file(size=(400, 400)))
    with_photo = ContactPersonFactory(
        first_name="Janine",
        last_name="Metelmann",
        role="Fachreferentin Migration und Flüchtlingsarbeit",
        email="metelmann@example.org",
        phone="+49 (0)202 2822-123",
        photo=photo,
    )
    without_photo = ContactPersonFactory(
        academic_title="Dr.", first_name="Sarah", last_name="Steffen", email="", phone=""
    )
    fachbereich = FachbereichFactory(name="Migration und Flüchtlingsarbeit")
    fachgruppe = FachgruppeFactory(
        name="Migration, Frauen",
        fachbereich=fachbereich,
        lead=ContactPersonFactory(first_name="David Alexander", last_name="Konrad"),
    )
    topic = TopicPageFactory(parent=topic_index, slug="thema", fachbereich=fachbereich)
    TopicPageFachgruppeFactory(page=topic, fachgruppe=fachgruppe, sort_order=0)
    for order, person in enumerate((with_photo, without_photo)):
        TopicPageContactPersonFactory(page=topic, person=person, sort_order=order)
    response = client.get("/themen/thema/")
    assert response.status_code == 200
    return response.content.decode()


def cards(html):
    return re.findall(
        r'<li class="contact-card">(.*?)</li>\s*(?=<li class="contact-card">|</ul>)', html, re.S
    )


def test_card_with_photo_shows_rendition_name_role_and_links(topic_html):
    card = cards(topic_html)[0]
    img = re.search(r"<img [^>]+>", card).group(0)
    assert 'alt=""' in img  # the name follows as text
    assert 'loading="lazy"' in img
    assert re.search(r'width="160"', img) and re.search(r'height="160"', img)
    assert "fill-160x160" in img and "fill-320x320" in img and 'sizes="5rem"' in img
    assert '<h3 class="contact-card__name">Janine Metelmann</h3>' in card
    assert "Fachreferentin Migration und Flüchtlingsarbeit" in card
    assert '<a href="mailto:metelmann@example.org">metelmann@example.org</a>' in card
    assert '<a href="tel:+492022822123">+49 (0)202 2822-123</a>' in card


def test_card_without_photo_shows_initials_and_no_empty_links(topic_html):
    card = cards(topic_html)[1]
    assert "<img" not in card
    assert '<span class="contact-card__initials" aria-hidden="true">SS</span>' in card
    assert "Dr. Sarah Steffen" in card
    assert "mailto:" not in card and "tel:" not in card


def test_topic_assignment_box_names_fachbereich_fachgruppe_and_lead(topic_html):
    box = re.search(r'<section class="topic-assignment".*?</section>', topic_html, re.S).group(0)
    assert "Zuordnung des Themas im Verband" in box
    assert "Fachbereich Migration und Flüchtlingsarbeit" in box
    assert "Fachgruppe Migration, Frauen (Fachgruppenleitung: David Alexander Konrad)" in box


def test_preview_shows_the_card_with_a_valid_outline(rf, home_page):
    person = ContactPersonFactory(first_name="Janine", last_name="Metelmann", phone="0202 1")
    response = person.serve_preview(rf.get("/"), person.default_preview_mode)
    html = response.rendered_content
    levels = [int(level) for level in re.findall(r"<h([1-6])[ >]", html)]
    assert levels[:3] == [1, 2, 3]
    assert '<h3 class="contact-card__name">Janine Metelmann</h3>' in html
    assert '<a href="tel:02021">0202 1</a>' in html
