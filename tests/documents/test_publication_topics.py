"""A publication's topics ("Themen"): topic pages only, chosen in the admin, kept as chosen."""

from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import Collection, Page

from documents.factories import PublicationFactory
from governance.roles import REDAKTION_GROUP
from home.factories import StandardPageFactory
from topics.factories import TopicPageFactory


def redaktion(django_user_model):
    """A member of the central Redaktion, who edits publications."""
    user = django_user_model.objects.create_user("zentral", "zentral@example.org", "pw")
    user.groups.add(Group.objects.get(name=REDAKTION_GROUP))
    client = Client()
    client.force_login(user)
    return client


def form_data(publication, topics):
    return {
        "title": publication.title,
        "collection": Collection.get_first_root_node().pk,
        "description": "",
        "publication_type": "broschuere",
        "publication_date": "",
        "language": "de",
        "topics": [page.pk for page in topics],
        "tags": "",
    }


def test_the_form_offers_topic_pages_only(home_page, topic_index, django_user_model):
    topic = TopicPageFactory(parent=topic_index, title="Flüchtlingsarbeit", slug="flucht")
    StandardPageFactory(parent=home_page, title="Impressum", slug="impressum")
    publication = PublicationFactory()

    response = redaktion(django_user_model).get(f"/admin/documents/edit/{publication.pk}/")

    field = response.context["form"].fields["topics"]
    assert field.label == "Themen"
    assert list(field.queryset) == [Page.objects.get(pk=topic.pk)]
    assert ">Flüchtlingsarbeit</option>" in response.content.decode()
    assert ">Impressum</option>" not in response.content.decode()


def test_chosen_topics_are_saved_and_other_pages_refused(home_page, topic_index, django_user_model):
    topic = TopicPageFactory(parent=topic_index, slug="flucht")
    other_topic = TopicPageFactory(parent=topic_index, slug="pflege")
    legal = StandardPageFactory(parent=home_page, slug="impressum")
    publication = PublicationFactory()
    client = redaktion(django_user_model)
    url = f"/admin/documents/edit/{publication.pk}/"

    response = client.post(url, form_data(publication, [topic, other_topic]))
    assert response.status_code == 302
    assert set(publication.topics.values_list("pk", flat=True)) == {topic.pk, other_topic.pk}

    response = client.post(url, form_data(publication, [legal]))
    assert response.status_code == 200
    assert "topics" in response.context["form"].errors
    assert set(publication.topics.values_list("pk", flat=True)) == {topic.pk, other_topic.pk}
