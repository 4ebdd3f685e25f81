"""Nothing unpublished or private leaks through the API: listings, counts, detail, find,
navigation and search, in v2 and v3. One test per case."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction
from wagtail.rich_text import RichText

from documents.factories import PublicationFactory
from home.factories import StandardPageFactory
from people.factories import ContactPersonFactory, FachgruppeFactory
from topics.factories import TopicPageContactPersonFactory, TopicPageFactory


def ids(items):
    return {item["id"] for item in items}


def listed_page_ids(client, search=""):
    """Ids of every page any page listing shows, checking each listing's count."""
    query = {"limit": 100, **({"search": search} if search else {})}
    v2 = client.get("/api/v2/pages/", query).json()
    assert v2["meta"]["total_count"] == len(v2["items"])
    v3 = client.get("/api/v3/pages/", query).json()
    assert v3["count"] == len(v3["items"])
    found = ids(v2["items"]) | ids(v3["items"])
    if not search:
        topics = client.get("/api/v3/topics/", {"limit": 100}).json()
        assert topics["count"] == len(topics["items"])
        found |= ids(topics["items"]) | ids(client.get("/api/v3/navigation/").json()["items"])
    return found


def assert_page_hidden(client, page):
    assert page.pk not in listed_page_ids(client)
    assert page.pk not in listed_page_ids(client, search=page.title)
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
    assert client.get(f"/api/v3/pages/{page.pk}/").status_code == 404
    path = page.url_path.removeprefix(page.get_site().root_page.url_path)
    assert client.get("/api/v2/pages/find/", {"html_path": path}).status_code == 404
    assert client.get("/api/v3/pages/find/", {"html_path": path}).status_code == 404
    assert client.get("/api/v3/pages/find/", {"id": page.pk}).status_code == 404


@pytest.fixture
def visible_topic(topic_index):
    topic_index.show_in_menus = True
    topic_index.save_revision().publish()
    return TopicPageFactory(parent=topic_index, title="Sichtbar", show_in_menus=True)


def test_the_listings_show_published_pages(client, visible_topic):
    assert visible_topic.pk in listed_page_ids(client)
    assert visible_topic.pk in listed_page_ids(client, search="Sichtbar")


def test_draft_page_is_hidden(client, visible_topic, topic_index):
    draft = TopicPageFactory(parent=topic_index, title="Entwurf", live=False, show_in_menus=True)
    assert_page_hidden(client, draft)


def test_unpublished_page_is_hidden(client, visible_topic, topic_index):
    page = TopicPageFactory(parent=topic_index, title="Zurückgezogen", show_in_menus=True)
    page.save_revision().publish()
    page.unpublish()
    assert_page_hidden(client, page)


def restricted_section(home_page, restriction_type, **restriction):
    parent = StandardPageFactory(
        parent=home_page, title="Intern", slug="intern", show_in_menus=True
    )
    child = StandardPageFactory(parent=parent, title="Intern Kind", slug="kind", show_in_menus=True)
    view_restriction = PageViewRestriction.objects.create(
        page=parent, restriction_type=restriction_type, **restriction
    )
    return parent, child, view_restriction


def test_password_protected_page_and_its_children_are_hidden(client, visible_topic, home_page):
    parent, child, _ = restricted_section(
        home_page, PageViewRestriction.PASSWORD, password="geheim"
    )
    assert_page_hidden(client, parent)
    assert_page_hidden(client, child)


def test_login_restricted_page_and_its_children_are_hidden(client, visible_topic, home_page):
    parent, child, _ = restricted_section(home_page, PageViewRestriction.LOGIN)
    assert_page_hidden(client, parent)
    assert_page_hidden(client, child)


def test_group_restricted_page_and_its_children_are_hidden(client, visible_topic, home_page):
    parent, child, restriction = restricted_section(home_page, PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name="Editors"))
    assert_page_hidden(client, parent)
    assert_page_hidden(client, child)


def topic_details(client, page):
    return [client.get(f"/api/{v}/pages/{page.pk}/").json() for v in ("v2", "v3")]


def test_draft_contact_person_is_hidden(client, topic_index):
    draft = ContactPersonFactory(last_name="Entwurf", live=False)
    shown = ContactPersonFactory(last_name="Veröffentlicht")
    page = TopicPageFactory(
        parent=topic_index,
        body=[("contact_persons", {"heading": "Kontakt", "persons": [draft, shown]})],
    )
    TopicPageContactPersonFactory(page=page, person=draft, sort_order=0)
    TopicPageContactPersonFactory(page=page, person=shown, sort_order=1)
    FachgruppeFactory(lead=draft)

    listing = client.get("/api/v3/people/contact-persons/").json()
    assert ids(listing["items"]) == {shown.pk} and listing["count"] == 1
    assert client.get(f"/api/v3/people/contact-persons/{draft.pk}/").status_code == 404
    [fachgruppe] = client.get("/api/v3/people/fachgruppen/").json()["items"]
    assert fachgruppe["lead"] is None
    for detail in topic_details(client, page):
        assert ids(detail["contact_persons"]) == {shown.pk}
        assert ids(detail["body"][0]["value"]["persons"]) == {shown.pk}
        assert "Entwurf" not in str(detail)


@pytest.mark.parametrize("where", ["private", "child of private"])
def test_publications_in_private_collections_are_hidden(client, topic_index, where):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    collection = private if where == "private" else private.add_child(name="Vorstand")
    hidden = PublicationFactory(title="Geheimpapier", collection=collection)
    shown = PublicationFactory(title="Broschüre")
    tagged_only = PublicationFactory(title="Arbeitshilfe")
    page = TopicPageFactory(
        parent=topic_index,
        body=[
            ("publications", {"heading": "Downloads", "publications": [hidden, shown]}),
            (
                "section",
                {"heading": "Text", "text": RichText("<p>Siehe Broschüre.</p>")},
            ),
        ],
        further_information=[
            (
                "link_list",
                {
                    "heading": "Links",
                    "links": [{"label": "Intern", "page": None, "document": hidden, "url": ""}],
                },
            )
        ],
    )
    for publication in (hidden, shown, tagged_only):
        publication.topics.add(page)
    public = {shown.pk, tagged_only.pk}

    listing = client.get("/api/v3/publications/").json()
    assert ids(listing["items"]) == public and listing["count"] == 2
    by_topic = client.get("/api/v3/publications/", {"topic": page.slug}).json()
    assert ids(by_topic["items"]) == public
    assert client.get(f"/api/v3/publications/{hidden.pk}/").status_code == 404
    v2_documents = client.get("/api/v2/documents/", {"limit": 100}).json()
    assert ids(v2_documents["items"]) == public
    assert v2_documents["meta"]["total_count"] == 2
    assert client.get(f"/api/v2/documents/{hidden.pk}/").status_code == 404
    for detail in topic_details(client, page):
        # Tagged, public and not already chosen by hand in a publications block.
        assert ids(detail["publications"]) == {tagged_only.pk}
        assert ids(detail["body"][0]["value"]["publications"]) == {shown.pk}
        # The link list's only link goes to the hidden document: the list is left out whole,
        # its label ("Intern") with it.
        assert detail["further_information"] == []
        assert "Geheimpapier" not in str(detail) and "Intern" not in str(detail)
