"""Every block of the shared vocabulary and every page type resolves its references in the API;
navigation and site settings are readable anonymously."""

import pytest
from wagtail.models import Site
from wagtail.rich_text import RichText
from wagtail_factories import ImageFactory

from documents.factories import PublicationFactory
from home.factories import StandardPageFactory
from home.models import HomePageFeaturedTopic, SiteSettings
from topics.factories import TopicPageFactory


@pytest.fixture
def standard_page(home_page, topic_index):
    publication = PublicationFactory(title="Leitfaden")
    image = ImageFactory(description="Beschreibung aus der Mediathek")
    link_to_page = {"label": "", "page": topic_index, "document": None, "url": ""}
    link_to_document = {"label": "Download", "page": None, "document": publication, "url": ""}
    body = [
        (
            "section",
            {
                "heading": "Abschnitt",
                "text": RichText(
                    f'<p>Siehe <a linktype="page" id="{topic_index.pk}">Themen</a>.</p>'
                ),
            },
        ),
        ("text", RichText("<p>Nur Text</p>")),
        (
            "image",
            {
                "image": {"image": image, "alt_text": "Ein Bild", "decorative": False},
                "caption": "Foto: Verband",
            },
        ),
        ("quote", {"quote": "Menschen im Mittelpunkt.", "attribution": "Verband"}),
        ("call_to_action", {"heading": "Mehr", "text": "Lesen", "link": link_to_page}),
        ("link_list", {"heading": "Links", "links": [link_to_page, link_to_document]}),
        (
            "accordion",
            {"heading": "FAQ", "items": [{"title": "Frage", "text": RichText("<p>Antwort</p>")}]},
        ),
        ("embed", {"title": "Video", "embed": "https://www.youtube.com/watch?v=abc"}),
    ]
    return StandardPageFactory(parent=home_page, title="Impressum", body=body)


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_every_shared_block_is_resolved(client, standard_page, topic_index, version):
    response = client.get(f"/api/{version}/pages/{standard_page.pk}/")
    assert response.status_code == 200
    blocks = {block["type"]: block["value"] for block in response.json()["body"]}

    # Links in rich text are absolute in the API, like every URL there.
    assert (
        blocks["section"]["text"] == '<p>Siehe <a href="http://testserver/themen/">Themen</a>.</p>'
    )
    assert blocks["text"] == "<p>Nur Text</p>"
    image = blocks["image"]["image"]
    assert image["alt"] == "Ein Bild" and blocks["image"]["caption"] == "Foto: Verband"
    # Renditions never upscale: the factory's image is 100 px wide.
    assert [r["spec"] for r in image["renditions"]] == ["width-480", "width-960", "width-1600"]
    assert {(r["width"], r["height"]) for r in image["renditions"]} == {(100, 100)}
    assert blocks["quote"] == {"quote": "Menschen im Mittelpunkt.", "attribution": "Verband"}
    cta_link = blocks["call_to_action"]["link"]
    assert cta_link["label"] == "Themen" and cta_link["page"]["id"] == topic_index.pk
    assert cta_link["url"].endswith("/themen/")
    page_link, document_link = blocks["link_list"]["links"]
    assert page_link["page"]["type"] == "topics.TopicIndexPage"
    assert document_link["document"]["title"] == "Leitfaden"
    assert document_link["url"] == document_link["document"]["url"]
    assert document_link["url"].startswith("http://testserver/documents/")
    assert blocks["accordion"]["items"] == [{"title": "Frage", "text": "<p>Antwort</p>"}]
    # Never read from the provider here (no network): the address, no player HTML.
    assert blocks["embed"] == {
        "title": "Video",
        "url": "https://www.youtube.com/watch?v=abc",
        "provider": "",
        "html": "",
    }


def test_home_page_features_only_public_topics(client, home_page, topic_index):
    shown = TopicPageFactory(parent=topic_index, title="Sichtbar", hero_image=ImageFactory())
    draft = TopicPageFactory(parent=topic_index, title="Entwurf", live=False)
    for order, topic in enumerate([shown, draft]):
        HomePageFeaturedTopic.objects.create(page=home_page, topic=topic, sort_order=order)
    PublicationFactory(title="Neu")

    data = client.get(f"/api/v3/pages/{home_page.pk}/").json()
    assert [t["title"] for t in data["featured_topics"]] == ["Sichtbar"]
    assert data["featured_topics"][0]["hero"]["renditions"]
    assert [p["title"] for p in data["latest_publications"]] == ["Neu"]


def test_topic_index_lists_its_topics_as_teasers(client, topic_index):
    TopicPageFactory(parent=topic_index, title="B-Thema", intro="Zwei")
    TopicPageFactory(parent=topic_index, title="A-Thema", intro="Eins")
    data = client.get(f"/api/v2/pages/{topic_index.pk}/").json()
    assert [(t["title"], t["intro"]) for t in data["topics"]] == [
        ("A-Thema", "Eins"),
        ("B-Thema", "Zwei"),
    ]


def test_navigation_is_the_main_menu(client, home_page, topic_index):
    topic_index.show_in_menus = True
    topic_index.save()
    in_menu = TopicPageFactory(parent=topic_index, title="Im Menü", show_in_menus=True)
    TopicPageFactory(parent=topic_index, title="Nicht im Menü", show_in_menus=False)

    data = client.get("/api/v3/navigation/").json()
    assert data["root"]["id"] == home_page.pk
    # One level, as the site's own menu: topics are reached through "Themen".
    [themen] = data["items"]
    assert themen["title"] == "Themen" and themen["url"].endswith("/themen/")
    assert in_menu.pk not in {item["id"] for item in data["items"]}


def test_site_settings_give_the_footer(client, home_page):
    imprint = StandardPageFactory(parent=home_page, title="Impressum", slug="impressum")
    privacy = StandardPageFactory(
        parent=home_page, title="Datenschutz", slug="datenschutz", live=False
    )
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.email = "info@example.org"
    settings.imprint_page = imprint
    settings.privacy_page = privacy
    settings.save()

    data = client.get("/api/v3/site-settings/").json()
    assert data["email"] == "info@example.org"
    assert data["imprint_page"]["url"].endswith("/impressum/")
    assert data["privacy_page"] is None  # not published: never linked


def parents(client, page, **headers):
    return [
        client.get(f"/api/{version}/pages/{page.pk}/", headers=headers).json()["meta"]["parent"]
        for version in ("v2", "v3")
    ]


def test_meta_parent_is_given_only_where_the_api_serves_the_parent(client, home_page, topic_index):
    topic = TopicPageFactory(parent=topic_index, slug="thema")
    assert parents(client, home_page) == [None, None]  # the tree's root: no site serves it
    v2, v3 = parents(client, topic)
    assert v2["id"] == v3["id"] == topic_index.pk
    assert client.get(v3["meta"]["detail_url"]).status_code == 200
    # A live page below a page taken off the site (its children stay live): the parent would
    # answer 404.
    topic_index.unpublish()
    topic.refresh_from_db()
    assert topic.live
    assert client.get(f"/api/v3/pages/{topic_index.pk}/").status_code == 404
    assert parents(client, topic) == [None, None]


def test_with_a_token_meta_parent_follows_what_the_token_may_read(client, home_page):
    from django.contrib.auth import get_user_model
    from wagtail.models import APIToken

    user = get_user_model().objects.create_superuser("redaktion", "r@example.org", "pw")
    _, token = APIToken.create_token(user=user, name="Eltern")
    auth = {"Authorization": f"Bearer {token}"}
    parent = client.get(f"/api/v3/pages/{home_page.pk}/", headers=auth).json()["meta"]["parent"]
    # An editor with every permission may read the tree's root, so it is named and answers.
    assert parent["id"] == home_page.get_parent().pk
    assert client.get(parent["meta"]["detail_url"], headers=auth).status_code == 200
