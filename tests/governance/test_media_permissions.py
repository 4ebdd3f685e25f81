"""The editors' groups upload and choose images and documents, each in what its role covers,
on the demo content and through the admin's own views.

Until now neither "Redaktion" nor a Fachbereich's editors could upload a document or choose an
image, so a topic page with a hero image (the seed page's own shape) could not be made by the
people the roles were made for."""

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection

from demo.media import publication_pdf
from documents.models import Publication
from organisation.models import Fachbereich
from tests.admin_forms import edit_form_data
from topics.models import TopicPage

Image = get_image_model()


def client_as(username):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def own_collection():
    return Fachbereich.objects.get(
        name="Migration und Flüchtlingsarbeit"
    ).media_collection.collection


def upload_image(client, title, collection=None):
    png = get_test_image_file(filename=f"{title}.png").file.getvalue()
    data = {"title": title, "file": SimpleUploadedFile(f"{title}.png", png, "image/png")}
    if collection is not None:
        data["collection"] = collection.pk
    return client.post("/admin/images/add/", data)


def upload_document(client, title, collection=None):
    pdf = publication_pdf(title, ["Ein Satz über Beratung."])
    data = {
        "title": title,
        "file": SimpleUploadedFile(f"{title.lower()}.pdf", pdf, content_type="application/pdf"),
        "publication_type": "broschuere",
        "language": "de",
    }
    if collection is not None:
        data["collection"] = collection.pk
    return client.post("/admin/documents/add/", data)


def test_every_fachbereich_has_its_collection(demo):
    for fachbereich in Fachbereich.objects.all():
        collection = fachbereich.media_collection.collection
        assert collection.name == fachbereich.name
        assert collection.get_parent() == Collection.get_first_root_node()


def test_fachredaktion_uploads_an_image_into_its_collection_and_uses_it_as_hero(demo):
    client = client_as("fachredaktion")
    response = upload_image(client, "Beratungsgespraech")
    assert response.status_code == 302, response.content[:1000]
    image = Image.objects.get(title="Beratungsgespraech")
    assert image.collection == own_collection()

    chooser = client.get("/admin/images/chooser/")
    assert chooser.status_code == 200
    assert "Beratungsgespraech" in chooser.json()["html"]

    page = TopicPage.objects.get(slug="fluechtlingsarbeit")
    data = edit_form_data(client, page)
    data["hero_image"] = str(image.pk)
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, response.content[:2000]
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().hero_image_id == image.pk


def test_fachredaktion_uploads_and_chooses_a_publication(demo):
    client = client_as("fachredaktion")
    response = upload_document(client, "Arbeitshilfe Asylverfahren")
    assert response.status_code == 302, response.content[:1000]
    publication = Publication.objects.get(title="Arbeitshilfe Asylverfahren")
    assert publication.collection == own_collection()
    chooser = client.get("/admin/documents/chooser/")
    assert chooser.status_code == 200
    html = chooser.json()["html"]
    # Its own upload and the association's shared publications (the root collection).
    assert "Arbeitshilfe Asylverfahren" in html
    assert Publication.objects.exclude(pk=publication.pk).first().title in html


def test_fachredaktion_cannot_upload_into_or_change_another_fachbereichs_collection(demo):
    other = Fachbereich.objects.exclude(name="Migration und Flüchtlingsarbeit").first()
    foreign = other.media_collection.collection
    image = Image.objects.create(
        title="Fremdes Bild", file=get_test_image_file(filename="fremd.png"), collection=foreign
    )
    client = client_as("fachredaktion")
    # The upload form offers only its own collection; a forged choice is not followed.
    form = client.get("/admin/images/add/")
    assert f'value="{foreign.pk}"' not in form.content.decode()
    assert upload_image(client, "Untergeschoben", collection=foreign).status_code == 302
    assert Image.objects.get(title="Untergeschoben").collection == own_collection()
    edit = client.get(f"/admin/images/{image.pk}/")
    assert edit.status_code in (302, 403)
    # …but the image may be chosen (images are public wherever they are shown).
    assert "Fremdes Bild" in client.get("/admin/images/chooser/").json()["html"]


def test_zentralredaktion_uploads_into_any_collection(demo):
    client = client_as("zentralredaktion")
    foreign = Fachbereich.objects.exclude(name="Migration und Flüchtlingsarbeit").first()
    collection = foreign.media_collection.collection
    assert upload_image(client, "Verbandsbild", collection=collection).status_code == 302
    assert Image.objects.get(title="Verbandsbild").collection == collection
    assert upload_document(client, "Jahresbericht", collection=collection).status_code == 302
    assert Publication.objects.get(title="Jahresbericht").collection == collection
    assert client.get("/admin/images/chooser/").status_code == 200
    assert client.get("/admin/documents/chooser/").status_code == 200


def test_fachpruefung_uploads_nothing(demo):
    client = client_as("fachpruefung")
    response = upload_image(client, "Prüfbild")
    assert response.status_code in (302, 403)
    assert not Image.objects.filter(title="Prüfbild").exists()
