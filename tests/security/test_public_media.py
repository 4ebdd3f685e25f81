"""Public media served by the app (security/media.py): images only, with cache headers."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def media(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "bild.width-160.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "alt.pdf").write_bytes(b"%PDF-1.4")
    return tmp_path


def test_images_are_served_with_cache_headers(client, media, settings):
    settings.MEDIA_CACHE_MAX_AGE = 1234
    response = client.get("/media/images/bild.width-160.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "max-age=1234" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


@pytest.mark.parametrize(
    "path",
    [
        "/media/documents/alt.pdf",
        "/media/images/../documents/alt.pdf",
        "/media/images/%2e%2e/documents/alt.pdf",
        "/media/images/fehlt.png",
    ],
)
def test_nothing_but_images(client, media, path):
    assert client.get(path).status_code == 404


def test_serve_media_off_leaves_media_to_the_web_server():
    script = (
        "import django; django.setup(); from django.urls import NoReverseMatch, reverse\n"
        "try: print(reverse('media', args=['images/x.png']))\n"
        "except NoReverseMatch: print('none')"
    )

    def media_url(**env):
        environment = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
        environment.update(DJANGO_SETTINGS_MODULE="cms.settings.dev", **env)
        return subprocess.run(  # noqa: S603
            [sys.executable, "-c", script],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()

    assert media_url() == "/media/images/x.png"
    assert media_url(SERVE_MEDIA="false") == "none"
    assert media_url(AWS_STORAGE_BUCKET_NAME="paritaet-media") == "none"


@pytest.mark.parametrize("folder", ["images", "original_images"])
@pytest.mark.parametrize("length", [256, 300, 1000])
def test_an_overlong_file_name_is_404_not_500(client, media, folder, length):
    response = client.get(f"/media/{folder}/{'a' * length}.jpg")
    assert response.status_code == 404
