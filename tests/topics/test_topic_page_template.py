"""Topic page images: renditions with srcset, fixed size, alt text, lazy below the fold."""

import re

import pytest
from wagtail.images.tests.utils import get_test_image_file
from wagtail_factories import ImageFactory

from topics.factories import TopicPageFactory


def img_tags(html):
    """The page's own images, in order (the header's wordmark comes before <main>)."""
    return re.findall(r"<img [^>]+>", html[html.index("<main") :])


@pytest.fixture
def topic(topic_index):
    hero = ImageFactory(title="Drei", file=get_test_image_file(size=(1600, 800)))
    inline = ImageFactory(title="Beratung", file=get_test_image_file())
    return TopicPageFactory(
        parent=topic_index,
        slug="bilder",
        hero_image=hero,
        hero_image_alt="Drei junge Männer, einer lacht in die Kamera",
        # Raw StreamField data, as the page editor saves it.
        body=[
            {
                "type": "image",
                "value": {
                    "image": {
                        "image": inline.pk,
                        "decorative": False,
                        "alt_text": "Eine Beraterin im Gespräch",
                    },
                    "caption": "Foto: Demo",
                },
            },
            {
                "type": "image",
                "value": {"image": {"image": inline.pk, "decorative": True, "alt_text": ""}},
            },
        ],
    )


def test_hero_is_responsive_sized_eager_and_described(client, topic):
    hero = img_tags(client.get("/themen/bilder/").content.decode())[0]
    assert 'alt="Drei junge Männer, einer lacht in die Kamera"' in hero
    assert 'width="640"' in hero and 'height="320"' in hero
    assert all(f"fill-{size}" in hero for size in ("640x320", "1024x512", "1600x800"))
    assert "sizes=" in hero and 'fetchpriority="high"' in hero
    assert "loading=" not in hero  # above the fold: never lazy


def test_decorative_hero_has_empty_alt(client, topic):
    topic.hero_image_decorative = True
    topic.save_revision().publish()
    hero = img_tags(client.get("/themen/bilder/").content.decode())[0]
    assert 'alt=""' in hero


def test_body_image_is_lazy_with_srcset_and_its_alt_text(client, topic):
    html = client.get("/themen/bilder/").content.decode()
    image = img_tags(html)[1]
    assert 'loading="lazy"' in image
    assert 'alt="Eine Beraterin im Gespräch"' in image
    assert "width-480" in image and "width-960" in image and "sizes=" in image
    assert re.search(r'width="\d+"', image) and re.search(r'height="\d+"', image)
    assert "<figcaption>Foto: Demo</figcaption>" in html


def test_decorative_body_image_has_empty_alt(client, topic):
    image = img_tags(client.get("/themen/bilder/").content.decode())[2]
    assert 'alt=""' in image and 'loading="lazy"' in image
