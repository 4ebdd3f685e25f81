"""The demo library: real PDFs with text, read by the extraction, over types, topics, years."""

from django.core.management import call_command
from pypdf import PdfReader
from wagtail.images import get_image_model

from demo import content
from documents.models import Publication, publications_only


def test_demo_publications_cover_types_topics_years_and_have_extracted_metadata(demo):
    publications = publications_only(Publication.objects.all())  # not the DGS video
    assert publications.count() >= 6
    assert len({p.publication_type for p in publications}) >= 3
    assert len({p.publication_date.year for p in publications}) >= 2
    assert Publication.topics.through.objects.values("page").distinct().count() >= 2
    paragraphs = {row[0]: row[-1] for row in content.PUBLICATIONS}
    paragraphs.update({row[0]: row[-1] for row in content.DEMO_TOPIC_PUBLICATIONS})
    for publication in publications:
        assert publication.page_count == 2
        assert publication.file_size == publication.file.size
        assert publication.cover_image is not None
        # Each PDF ends its first page with a word that stands only in that file.
        keyword = paragraphs[publication.title][-1].split(": ")[1].rstrip(".")
        assert keyword in publication.full_text
        assert Publication.objects.filter(full_text__contains=keyword).count() == 1


def test_second_run_creates_no_second_cover(demo):
    covers = get_image_model().objects.filter(title__startswith="Titelbild").count()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert get_image_model().objects.filter(title__startswith="Titelbild").count() == covers


def test_demo_publications_page_filters_by_the_second_topic(demo, client):
    html = client.get("/publikationen/?thema=pflege").content.decode()
    assert "3 Publikationen gefunden" in html
    for title, *_ in content.DEMO_TOPIC_PUBLICATIONS:
        assert title in html
    assert "<h1>Pflege</h1>" in client.get("/themen/pflege/").content.decode()


def test_demo_pdfs_open_with_a_designed_cover(demo):
    for publication in publications_only(Publication.objects.all()):
        with publication.file.open("rb") as f:
            cover = PdfReader(f).pages[0].extract_text()
        assert publication.get_publication_type_display().upper() in cover, publication
        assert "Der Paritätische NRW" in cover
        assert publication.title.split()[0] in cover
