"""The Leichte Sprache blocks every content page offers: a picture-with-text row (picture at
the start, a short text, its credit) and a video in German Sign Language (a video file of the
document library, poster, duration, size, download), in the HTML and both APIs."""

import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.rich_text import RichText
from wagtail_factories import ImageFactory

from blocks.shared import SignLanguageVideoBlock
from documents.factories import PublicationFactory
from documents.models import Publication
from home.factories import StandardPageFactory

# The first bytes of an MP4 file: a box of type "ftyp" (enough for the upload check).
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64


@pytest.fixture
def video(db):
    # The size as the upload records it (the factory saves the file without the form).
    return PublicationFactory(
        title="Gebärdensprache-Video",
        file=ContentFile(MP4, name="dgs-willkommen.mp4"),
        file_size=len(MP4),
    )


@pytest.fixture
def page(home_page, video):
    picture = ImageFactory(title="Piktogramm", description="Sprechblase")
    poster = ImageFactory(title="Vorschau")
    return StandardPageFactory(
        parent=home_page,
        title="Gebärdensprache",
        slug="gebaerdensprache",
        body=[
            (
                "picture_text",
                {
                    "image": {
                        "image": picture,
                        "alt_text": "Eine Sprechblase",
                        "decorative": False,
                    },
                    "text": RichText("<p>Haben Sie Fragen?</p><p>Wir helfen Ihnen.</p>"),
                    "credit": "Bild: Beispiel",
                },
            ),
            (
                "sign_language_video",
                {
                    "title": "Willkommen in Gebärdensprache",
                    "video": video,
                    "poster": {"image": poster, "alt_text": "", "decorative": True},
                    "duration": "3:20",
                    "caption": "Es gebärdet eine Dolmetscherin.",
                },
            ),
        ],
    )


def test_picture_row_and_video_in_the_html(client, page, video):
    html = client.get("/gebaerdensprache/").content.decode()
    row = re.search(r'<div class="block-picture-text">.*?</div>\s*</div>', html, re.S).group(0)
    assert 'alt="Eine Sprechblase"' in row
    assert '<figcaption class="block-picture-text__credit">Bild: Beispiel</figcaption>' in row
    assert "<p>Haben Sie Fragen?</p><p>Wir helfen Ihnen.</p>" in row
    player = re.search(r"<video .*?</video>", html, re.S).group(0)
    assert " controls " in player and 'preload="none"' in player
    assert 'aria-label="Willkommen in Gebärdensprache (Video in Deutscher Gebärdensprache)"' in (
        player
    )
    assert re.search(r'poster="/media/images/[^"]+"', player)
    assert f'<source src="{video.url}" type="video/mp4">' in player
    assert "Dauer 3:20 Minuten" in html
    assert "Es gebärdet eine Dolmetscherin." in html
    download = re.search(r'<a class="block-dgs-video__download"[^>]*>([^<]*)</a>', html)
    assert f'href="{video.url}" download' in download.group(0)
    assert download.group(1).startswith("Video herunterladen (MP4, ")
    # The video is served by the document view, to anonymous visitors too.
    assert client.get(video.url).status_code == 200


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_picture_row_and_video_in_both_apis(client, page, video, version):
    body = client.get(f"/api/{version}/pages/{page.pk}/").json()["body"]
    row, film = (item["value"] for item in body)
    assert [item["type"] for item in body] == ["picture_text", "sign_language_video"]
    assert row["image"]["alt"] == "Eine Sprechblase"
    assert [r["spec"] for r in row["image"]["renditions"]] == ["width-160", "width-320"]
    assert row["text"] == "<p>Haben Sie Fragen?</p><p>Wir helfen Ihnen.</p>"
    assert row["credit"] == "Bild: Beispiel"
    assert film["title"] == "Willkommen in Gebärdensprache"
    assert film["mime_type"] == "video/mp4"
    assert film["duration"] == "3:20" and film["caption"] == "Es gebärdet eine Dolmetscherin."
    assert film["video"]["file_extension"] == "mp4"
    assert film["video"]["file_size"] == video.file_size == len(MP4)
    assert film["video"]["url"] == f"http://testserver{video.url}"
    assert film["poster"]["decorative"] is True and film["poster"]["alt"] == ""


def test_a_video_in_a_private_collection_is_left_out(client, page, video):
    private = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    Publication.objects.filter(pk=video.pk).update(collection=private)
    html = client.get("/gebaerdensprache/").content.decode()
    assert "<video" not in html and "Willkommen in Gebärdensprache" not in html
    for version in ("v2", "v3"):
        body = client.get(f"/api/{version}/pages/{page.pk}/").json()["body"]
        assert [item["type"] for item in body] == ["picture_text"]


def test_the_video_block_refuses_a_document_that_is_no_video(db):
    block = SignLanguageVideoBlock()
    pdf = PublicationFactory(title="Broschüre")
    value = block.to_python({"title": "Film", "video": pdf.pk, "duration": "1:00"})
    with pytest.raises(Exception) as error:
        block.clean(value)
    assert "Bitte eine Videodatei wählen" in str(error.value.block_errors["video"])


@pytest.mark.parametrize("duration", ["3", "3:2", "3:60", "abc"])
def test_the_duration_is_minutes_and_seconds(db, video, duration):
    block = SignLanguageVideoBlock()
    value = block.to_python({"title": "Film", "video": video.pk, "duration": duration})
    with pytest.raises(Exception) as error:
        block.clean(value)
    assert "duration" in error.value.block_errors


def upload(client, name, content):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Video",
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
            "publication_type": "broschuere",
            "language": "de",
        },
    )


def test_mp4_and_webm_uploads_are_checked_by_their_content(admin_client):
    assert upload(admin_client, "dgs.mp4", MP4).status_code == 302
    assert upload(admin_client, "dgs.webm", b"\x1a\x45\xdf\xa3" + b"\x00" * 64).status_code == 302
    refused = upload(admin_client, "dgs2.mp4", b"<!DOCTYPE html><script>alert(1)</script>")
    assert refused.status_code == 200
    assert "passt nicht zur Endung „.mp4“" in " ".join(refused.context["form"].errors["file"])
