"""Images are public files, so the admin does not offer private collections for them: the
image forms (upload, multiple upload, edit) leave out collections with a view restriction, say
why, and refuse them. Tried as an editor of Wagtail's "Editors" group (image permissions on the
root collection), the least-privileged role that uploads images."""

import io
import json

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

pytestmark = pytest.mark.django_db

HELP = "Bilder sind immer öffentlich"


def png(name="foto.png"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def collections():
    root = Collection.get_first_root_node()
    public = root.add_child(name="Fotos")
    private = root.add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    below = private.add_child(name="Intern – Vorstand")  # restricted through its parent
    return public, private, below


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("redakteurin", "r@example.org", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    client = Client()
    client.force_login(user)
    return client


def test_the_upload_form_does_not_offer_restricted_collections_and_says_why(editor, collections):
    public, private, below = collections
    response = editor.get("/admin/images/add/")
    assert response.status_code == 200
    choices = dict(response.context["form"].fields["collection"].choices)
    assert public.pk in {getattr(k, "value", k) for k in choices}
    offered = {getattr(k, "value", k) for k in choices}
    assert private.pk not in offered and below.pk not in offered
    assert HELP in response.content.decode()


@pytest.mark.parametrize("which", [1, 2])
def test_an_upload_into_a_restricted_collection_is_refused(editor, collections, which):
    collection = collections[which]
    response = editor.post(
        "/admin/images/add/", {"title": "Vorstandsfoto", "file": png(), "collection": collection.pk}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["collection"]
    assert not get_image_model().objects.filter(title="Vorstandsfoto").exists()


def test_the_multiple_uploader_refuses_a_restricted_collection(editor, collections):
    _public, private, _below = collections
    response = editor.post(
        "/admin/images/multiple/add/", {"files[]": png(), "collection": private.pk}
    )
    assert response.status_code == 200
    answer = json.loads(response.content)
    # Wagtail keeps the file as an unfinished upload and asks for the fields that failed: the
    # form it sends does not offer the restricted collection, and no image exists.
    assert "uploaded_file_id" in answer
    assert ">Intern<" not in answer["form"] and ">Fotos<" in answer["form"]
    assert HELP in answer["form"]
    assert not get_image_model().objects.exists()


def test_an_image_already_in_a_restricted_collection_must_move(editor, collections):
    public, private, _below = collections
    image = get_image_model().objects.create(title="Altbestand", file=png(), collection=private)
    url = f"/admin/images/{image.pk}/"
    form = {"title": "Altbestand", "collection": private.pk, "tags": ""}
    response = editor.post(url, form)
    assert response.status_code == 200
    [error] = response.context["form"].errors["collection"]
    assert "„Intern“ ist zugriffsbeschränkt, Bilder sind aber immer öffentlich" in error
    response = editor.post(url, {**form, "collection": public.pk})
    assert response.status_code == 302
    image.refresh_from_db()
    assert image.collection == public


def test_a_public_collection_still_takes_images(editor, collections):
    public, _private, _below = collections
    response = editor.post(
        "/admin/images/add/", {"title": "Teamfoto", "file": png(), "collection": public.pk}
    )
    assert response.status_code == 302
    assert get_image_model().objects.get(title="Teamfoto").collection == public
