"""Video files (MP4, WebM, uploaded for the sign-language video block) are documents but not
publications: the library page, its v3 API, the home and topic pages' publication lists and the
site search leave them out. Wagtail's v2 ``documents`` endpoint and the download, which the page
playing the video needs, keep them."""

from datetime import date

import pytest
from django.core.files.base import ContentFile

from documents.factories import PublicationFactory
from documents.validators import WEBM_MAGIC
from topics.models import TopicPage

WORD = "Zauberwortgebaerde"


@pytest.fixture
def video_and_brochure(demo):
    """A WebM video and a PDF brochure, alike in everything but the file: the newest
    publications, tagged with the seed page's topic, the same word in their titles."""
    topic = TopicPage.objects.get(slug="fluechtlingsarbeit", locale__language_code="de")
    newest = date(2099, 1, 1)
    video = PublicationFactory(
        title=f"Video {WORD}",
        file=ContentFile(WEBM_MAGIC + b"\x00" * 64, name="dgs-video.webm"),
        publication_date=newest,
        topics=[topic],
    )
    brochure = PublicationFactory(
        title=f"Broschüre {WORD}", publication_date=newest, topics=[topic]
    )
    return video, brochure, topic


def test_the_library_and_its_api_list_no_video(client, video_and_brochure):
    video, brochure, _topic = video_and_brochure
    html = client.get("/publikationen/").content.decode()
    assert brochure.title in html and video.title not in html
    listing = client.get("/api/v3/publications/", {"limit": 100}).json()
    ids = {item["id"] for item in listing["items"]}
    assert brochure.pk in ids and video.pk not in ids
    assert listing["count"] == len(ids)
    assert client.get(f"/api/v3/publications/{brochure.pk}/").status_code == 200
    assert client.get(f"/api/v3/publications/{video.pk}/").status_code == 404


def test_home_and_topic_pages_list_no_video(client, video_and_brochure):
    video, brochure, topic = video_and_brochure
    for url in ("/", topic.url):
        html = client.get(url).content.decode()
        assert brochure.title in html and video.title not in html, url
    data = client.get(f"/api/v3/pages/{topic.pk}/").json()
    assert brochure.title in str(data) and video.title not in str(data)


def test_the_search_finds_no_video_as_a_publication(client, video_and_brochure):
    video, brochure, _topic = video_and_brochure
    html = client.get("/suche/", {"q": WORD}).content.decode()
    assert brochure.title in html and video.title not in html
    data = client.get("/api/v3/search/", {"q": WORD}).json()
    assert brochure.title in str(data) and video.title not in str(data)


def test_the_video_stays_a_document(client, video_and_brochure):
    """What a page playing it needs: v2's document detail and the download."""
    video, _brochure, _topic = video_and_brochure
    data = client.get(f"/api/v2/documents/{video.pk}/").json()
    assert data["title"] == video.title
    download = client.get(data["meta"]["download_url"].replace("http://testserver", ""))
    assert download.status_code == 200
