"""Downloads go through Wagtail's permission-checked serve view; private ones never leak."""

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from demo.media import publication_pdf
from documents.factories import PublicationFactory, PublicationIndexPageFactory
from topics.factories import TopicPageFactory


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_public_document_downloads_and_honours_its_etag(client, db):
    publication = PublicationFactory(title="Öffentlich")
    publication._set_document_file_metadata()
    publication.save()
    response = client.get(publication.url)
    assert response.status_code == 200
    assert body(response).startswith(b"%PDF-")
    cached = client.get(publication.url, HTTP_IF_NONE_MATCH=f'"{publication.file_hash}"')
    assert cached.status_code == 304


def test_private_document_refuses_anonymous_also_with_the_file_hash(
    client, django_user_model, private_collection
):
    publication = PublicationFactory(title="Intern", collection=private_collection)
    publication._set_document_file_metadata()
    publication.save()
    assert publication.url.startswith(f"/documents/{publication.pk}/")  # the serve view

    for headers in ({}, {"HTTP_IF_NONE_MATCH": f'"{publication.file_hash}"'}):
        response = client.get(publication.url, **headers)
        assert response.status_code == 302, headers
        assert response["Location"].startswith("/_util/login/?next=")
        assert b"%PDF" not in body(response)
    # The redirect leads to Wagtail's own front-end login form, not to a dead end.
    assert client.get(response["Location"]).status_code == 200

    client.force_login(django_user_model.objects.create_user("mitglied", password="x"))
    response = client.get(publication.url)
    assert response.status_code == 200
    assert body(response).startswith(b"%PDF-")
    # The member's copy is theirs: an ETag for their browser, no shared cache may keep it.
    assert response["ETag"] and "private" in response["Cache-Control"]
    assert client.get(publication.url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_private_document_is_absent_from_listings_and_sitemap(
    client, home_page, topic_index, private_collection
):
    PublicationIndexPageFactory(parent=home_page)
    topic = TopicPageFactory(parent=topic_index, slug="flucht")
    public = PublicationFactory(title="Öffentliche Broschüre", topics=[topic])
    private = PublicationFactory(
        title="Vertrauliche Arbeitshilfe", collection=private_collection, topics=[topic]
    )
    for path in ("/publikationen/", "/publikationen/?thema=flucht", "/themen/flucht/"):
        html = client.get(path).content.decode()
        assert public.title in html, path
        assert private.title not in html and private.url not in html, path
    assert "1 Publikation gefunden" in client.get("/publikationen/?thema=flucht").content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/publikationen/" in sitemap
    assert private.url not in sitemap and f"/documents/{private.pk}/" not in sitemap


def test_replacing_the_file_keeps_the_old_download_url_working(admin_client, client, db):
    publication = PublicationFactory(
        title="Leitfaden", file=ContentFile(publication_pdf("Alt", ["alt"]), name="leitfaden.pdf")
    )
    old_url = publication.url
    new_pdf = publication_pdf("Neu", ["Die überarbeitete Fassung."])
    response = admin_client.post(
        reverse("wagtaildocs:edit", args=(publication.pk,)),
        {
            "title": "Leitfaden",
            "file": SimpleUploadedFile("leitfaden-2026.pdf", new_pdf),
            "collection": publication.collection_id,
            "publication_type": "broschuere",
            "language": "de",
        },
    )
    assert response.status_code == 302, response.content.decode()[:1000]
    publication.refresh_from_db()
    assert publication.url != old_url

    redirect = client.get(old_url)
    assert redirect.status_code == 302
    assert redirect["Location"] == publication.url
    assert body(client.get(publication.url)) == new_pdf

    # A second replacement: the oldest URL leads straight to the newest file.
    response = admin_client.post(
        reverse("wagtaildocs:edit", args=(publication.pk,)),
        {
            "title": "Leitfaden",
            "file": SimpleUploadedFile("leitfaden-2027.pdf", new_pdf),
            "collection": publication.collection_id,
            "publication_type": "broschuere",
            "language": "de",
        },
    )
    publication.refresh_from_db()
    assert client.get(old_url)["Location"] == publication.url


def test_private_document_is_absent_from_wagtails_document_api(anonymous, private_collection):
    PublicationFactory(title="Öffentliche Broschüre")
    PublicationFactory(title="Vertrauliche Arbeitshilfe", collection=private_collection)
    listing = anonymous.get("/api/v2/documents/").json()
    assert [item["title"] for item in listing["items"]] == ["Öffentliche Broschüre"]
    assert listing["meta"]["total_count"] == 1
    found = anonymous.get("/api/v2/documents/?search=Broschüre").json()
    assert found["meta"]["total_count"] == 1  # search works …
    found = anonymous.get("/api/v2/documents/?search=Vertrauliche").json()
    assert found["items"] == [] and found["meta"]["total_count"] == 0  # … but not for this one
