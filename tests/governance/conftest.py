"""Two Fachbereiche with their groups, one account per role, and a topic page in each."""

import pytest
from django.test import Client
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from governance.models import FachbereichRole
from governance.roles import REDAKTION_GROUP
from organisation.factories import FachbereichFactory
from topics.factories import TopicPageFactory


def topic_form(page, **overrides):
    """The page editor's form for ``page`` as Wagtail's edit view expects it."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "intro": page.intro,
        "hero_image": "",
        "hero_image_alt": "",
        "body": streamfield(
            [("section", {"heading": "Beratung", "text": rich_text("<p>Text</p>")})]
        ),
        "fachbereich": page.fachbereich_id or "",
        "contact_person_links": inline_formset([]),
        "fachgruppe_links": inline_formset([]),
        "further_information": streamfield([]),
        "responsible_editor": page.responsible_editor_id or "",
        "next_review_date": page.next_review_date.isoformat() if page.next_review_date else "",
    }
    data.update(overrides)
    return nested_form_data(data)


def group_of(fachbereich, role):
    return FachbereichRole.objects.get(fachbereich=fachbereich, role=role).group


def login(user):
    client = Client()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def migration(db):
    return FachbereichFactory(name="Migration und Flüchtlingsarbeit")


@pytest.fixture
def pflege(db):
    return FachbereichFactory(name="Pflege")


@pytest.fixture
def make_user(django_user_model):
    def make(username, *groups):
        user = django_user_model.objects.create_user(
            username, f"{username}@example.org", "pw", first_name=username.capitalize()
        )
        user.groups.add(*groups)
        return user

    return make


@pytest.fixture
def editor(make_user, migration, topic_index):
    """An editor of the Fachbereich Migration (after the topic index exists)."""
    return make_user("editorin", group_of(migration, FachbereichRole.Role.EDITORS))


@pytest.fixture
def reviewer(make_user, migration, topic_index):
    return make_user("pruefer", group_of(migration, FachbereichRole.Role.REVIEWERS))


@pytest.fixture
def other_reviewer(make_user, pflege, topic_index):
    return make_user("pflegepruefer", group_of(pflege, FachbereichRole.Role.REVIEWERS))


@pytest.fixture
def central(make_user, topic_index):
    from django.contrib.auth.models import Group

    return make_user("zentral", Group.objects.get(name=REDAKTION_GROUP))


@pytest.fixture
def own_page(topic_index, migration):
    return TopicPageFactory(
        parent=topic_index,
        title="Flüchtlingsarbeit",
        slug="fluechtlingsarbeit",
        fachbereich=migration,
    )


@pytest.fixture
def other_page(topic_index, pflege):
    return TopicPageFactory(
        parent=topic_index, title="Altenpflege", slug="altenpflege", fachbereich=pflege
    )
