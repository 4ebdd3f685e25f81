"""Freshness under the response cache: every output that shows a changed thing changes on the
next request, and a change invalidates exactly the pages that show it.

Each test warms every output first (and checks the next read is a cache hit), makes one change
as an editor would, then reads everything again: the rendered page, the v2 and v3 detail,
both ``find`` endpoints, the page by path, and the listings.
"""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpRequest
from django.test import Client
from PIL import Image as PILImage
from wagtail.models import Collection, CollectionViewRestriction, Page, Site

from changes.events import content_changed
from documents.models import Publication
from home.models import SiteSettings
from organisation.models import Fachbereich
from people.models import ContactPerson
from topics.models import TopicPage

MARK = "Frischetest"  # ASCII: the same in HTML and JSON


@pytest.fixture(autouse=True)
def _announced_at_once(monkeypatch):
    """These tests run inside the demo's transaction, which never commits: each change is
    announced at once, as a change made outside a transaction is. (That one transaction's
    changes are merged and announced on commit: tests/changes/test_one_event.py.)"""
    from changes import events

    monkeypatch.setattr(events, "current_batch", lambda: None)


@pytest.fixture
def topic(demo):
    return TopicPage.objects.get(slug="fluechtlingsarbeit")


@pytest.fixture
def changes():
    """The changes announced while the test runs."""
    seen = []

    def receiver(sender, change, **kwargs):
        seen.append(change)

    content_changed.connect(receiver, dispatch_uid="test_freshness")
    yield seen
    content_changed.disconnect(dispatch_uid="test_freshness")


def outputs(client, page):
    path = page.get_url_parts()[2]
    reads = {
        "html": client.get(path),
        "v2": client.get(f"/api/v2/pages/{page.pk}/"),
        "v3": client.get(f"/api/v3/pages/{page.pk}/"),
        "by path": client.get("/api/v3/page-by-path/", {"html_path": path}),
    }
    if page.locale.language_code == "de":  # Wagtail's find/ routes German paths only
        reads["v2 find"] = client.get("/api/v2/pages/find/", {"html_path": path}, follow=True)
        reads["v3 find"] = client.get("/api/v3/pages/find/", {"html_path": path}, follow=True)
    return reads


LISTINGS = [
    "/api/v3/topics/",
    "/api/v3/people/contact-persons/",
    "/api/v3/people/fachbereiche/",
    "/api/v3/people/fachgruppen/",
    "/api/v3/publications/",
    "/api/v3/navigation/",
    "/api/v3/site-settings/",
    "/api/v2/documents/",
]


def listings(client):
    return {url: client.get(url) for url in LISTINGS}


def warm(client, *pages):
    for _ in range(2):
        reads = {
            f"{page.pk} {name}": r for page in pages for name, r in outputs(client, page).items()
        }
        reads.update(listings(client))
    for name, response in reads.items():
        assert response.status_code == 200, name
        if "find" not in name and not name.startswith("/api/v2/documents"):
            assert response.get("X-Response-Cache") == "hit", name


def text(response):
    return response.content.decode()


def assert_everywhere(client, pages, present=(), absent=(), urls=()):
    reads = {
        f"{page.title} {name}": r for page in pages for name, r in outputs(client, page).items()
    }
    reads.update({url: client.get(url) for url in urls})
    for name, response in reads.items():
        assert response.status_code == 200, name
        for word in present:
            assert word in text(response), (name, word)
        for word in absent:
            assert word not in text(response), (name, word)


def pages_showing(client, word):
    """The live pages whose HTML or API detail mentions ``word``."""
    found = set()
    for page in Page.objects.live().filter(depth__gt=1).specific():
        path = page.get_url_parts()[2]
        api = client.get(f"/api/v3/pages/{page.pk}/")
        if word in text(client.get(path)) or word in text(api):
            found.add(page.pk)
    return found


# -- The matrix --------------------------------------------------------------------------------


def test_a_contact_person_edited_and_published(client, topic, changes):
    person = ContactPerson.objects.get(last_name="Metelmann")
    warm(client, topic)
    person.role = f"Fachreferentin {MARK}"
    person.save_revision().publish()
    assert_everywhere(client, [topic], present=[MARK], urls=["/api/v3/people/contact-persons/"])
    assert MARK in text(client.get(f"/api/v3/people/contact-persons/{person.pk}/"))


def test_editing_a_contact_person_invalidates_exactly_the_pages_that_show_it(
    client, topic, changes
):
    person = ContactPerson.objects.get(last_name="Metelmann")
    showing = pages_showing(client, "Metelmann")
    assert topic.pk in showing
    changes.clear()
    person.role = f"Fachreferentin {MARK}"
    person.save_revision().publish()
    affected = {page_id for change in changes for page_id in change.affected.pages}
    assert affected == showing
    [change] = [c for c in changes if c.model == "people.contactperson"]
    assert change.event == "snippet.saved"
    path = topic.get_url_parts()[2]
    assert path in change.affected.paths
    assert f"/api/v3/pages/{topic.pk}/" in change.affected.api_urls
    assert "/api/v3/people/contact-persons/" in change.affected.api_urls


def test_a_fachgruppes_lead(client, topic):
    group = topic.fachgruppe_links.get().fachgruppe
    new_lead = ContactPerson.objects.get(last_name="Steffen")
    new_lead.first_name = MARK
    new_lead.save_revision().publish()
    warm(client, topic)
    group.lead = new_lead
    group.save()
    html = text(client.get(topic.url))
    assert MARK in html
    assert_everywhere(client, [topic], present=[MARK], urls=["/api/v3/people/fachgruppen/"])


def test_a_fachbereichs_name(client, topic):
    warm(client, topic)
    fachbereich = topic.fachbereich
    fachbereich.name = f"Migration {MARK}"
    fachbereich.save()
    assert_everywhere(client, [topic], present=[MARK], urls=["/api/v3/people/fachbereiche/"])


def test_a_documents_title(client, topic):
    publication = Publication.objects.filter(topics=topic).first()
    home = Site.objects.get(is_default_site=True).root_page.specific
    library = Page.objects.get(slug="publikationen").specific
    warm(client, topic, home, library)
    publication.title = f"Arbeitshilfe {MARK}"
    publication.save()
    # The library's page value has no list (that is /api/v3/publications/); its HTML has.
    assert MARK in text(client.get(library.url))
    assert_everywhere(
        client, [topic], present=[MARK], urls=["/api/v3/publications/", "/api/v2/documents/"]
    )
    if publication.pk in [p.pk for p in Publication.objects.order_by("-publication_date")[:3]]:
        assert MARK in text(client.get(home.url))


def test_a_document_moved_into_a_private_collection_is_gone_everywhere_at_once(client, topic):
    publication = Publication.objects.filter(topics=topic).first()
    title = publication.title
    library = Page.objects.get(slug="publikationen").specific
    home = Site.objects.get(is_default_site=True).root_page.specific
    private = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    warm(client, topic, library, home)
    assert title in text(client.get(library.url))
    publication.collection = private
    publication.save()
    assert_everywhere(
        client,
        [topic, library, home],
        absent=[title, publication.file.name],  # the name is in any URL of the file
        urls=["/api/v3/publications/", "/api/v2/documents/"],
    )


def test_a_collection_made_private_hides_its_documents_at_once(client, topic):
    publication = Publication.objects.filter(topics=topic).first()
    library = Page.objects.get(slug="publikationen").specific
    warm(client, topic, library)
    CollectionViewRestriction.objects.create(
        collection=publication.collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    assert_everywhere(
        client, [topic, library], absent=[publication.title], urls=["/api/v3/publications/"]
    )


def test_an_images_alt_text(client, topic):
    image = topic.hero_image
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = topic.get_parent().specific
    warm(client, topic, index, home)
    topic.hero_image_alt = ""
    topic.save_revision().publish()
    image.description = f"Drei Menschen {MARK}"
    image.save()
    assert_everywhere(client, [topic], present=[MARK])
    for page in (index, home):  # their topic teasers show the hero image
        if image.file.name.split("/")[-1].split(".")[0] in text(client.get(page.url)):
            assert MARK in text(client.get(page.url)) or 'alt=""' in text(client.get(page.url))


def test_a_page_unpublished_is_gone_everywhere(client, topic):
    index = topic.get_parent().specific
    path = topic.get_url_parts()[2]
    topic.show_in_menus = True
    topic.save_revision().publish()
    warm(client, topic, index)
    topic.unpublish()
    assert client.get(path).status_code == 404
    assert client.get(f"/api/v2/pages/{topic.pk}/").status_code == 404
    assert client.get(f"/api/v3/pages/{topic.pk}/").status_code == 404
    assert client.get("/api/v3/pages/find/", {"html_path": path}).status_code == 404
    assert client.get("/api/v2/pages/find/", {"html_path": path}).status_code == 404
    assert client.get("/api/v3/page-by-path/", {"html_path": path}).status_code == 404
    for response in (client.get(index.url), client.get("/api/v3/topics/")):
        assert path not in text(response)
        assert topic.title not in text(response)
    assert f"/api/v2/pages/{topic.pk}/" not in text(client.get(f"/api/v2/pages/{index.pk}/"))


def test_a_page_moved_or_its_slug_changed(client, topic):
    index = topic.get_parent().specific
    old_path = topic.get_url_parts()[2]
    warm(client, topic, index)
    topic.slug = "gefluechtete"
    topic.save_revision().publish()
    new_path = old_path.replace("fluechtlingsarbeit", "gefluechtete")
    old = client.get(old_path)  # Wagtail's redirects app may send the old path on
    assert old.status_code == 404 or (old.status_code == 301 and old.url == new_path)
    assert client.get("/api/v3/page-by-path/", {"html_path": old_path}).status_code == 404
    assert client.get(new_path).status_code == 200
    assert client.get("/api/v3/page-by-path/", {"html_path": new_path}).status_code == 200
    assert new_path in text(client.get(index.url))
    assert old_path not in text(client.get(index.url))

    home = Site.objects.get(is_default_site=True).root_page
    topic.refresh_from_db()
    warm(client, topic, index)
    topic.move(home, pos="last-child")
    moved_path = f"/{topic.slug}/"
    old = client.get(new_path)  # Wagtail's redirects app may send the old path on
    assert old.status_code == 404 or (old.status_code == 301 and old.url == moved_path)
    assert client.get(moved_path).status_code == 200
    assert new_path not in text(client.get(index.url))


def test_site_settings_changed_show_in_every_footer(client, topic):
    pages = [p.specific for p in Page.objects.live().filter(depth__gt=1)]
    warm(client, *pages)
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.organisation_name = f"Der Paritaetische {MARK}"
    settings.save()
    for page in pages:
        assert MARK in text(client.get(page.get_url_parts()[2])), page
    assert MARK in text(client.get("/api/v3/site-settings/"))


def test_a_new_menu_page_shows_in_every_navigation(client, topic):
    home = Site.objects.get(is_default_site=True).root_page.specific
    warm(client, topic, home)
    from home.models import StandardPage

    page = home.add_child(
        instance=StandardPage(title=f"Neu {MARK}", slug="neu", show_in_menus=True)
    )
    page.save_revision().publish()
    assert MARK in text(client.get(topic.url))
    assert MARK in text(client.get("/api/v3/navigation/"))


def test_a_change_in_a_transaction_that_rolls_back_leaves_the_cache_intact(client, topic):
    from django.db import transaction

    warm(client, topic)
    person = ContactPerson.objects.get(last_name="Metelmann")
    with pytest.raises(RuntimeError), transaction.atomic():
        person.role = MARK
        person.save()
        raise RuntimeError
    assert MARK not in text(client.get(topic.url))


def test_a_pages_text_changes_only_its_own_outputs_a_title_also_the_pages_below(topic, changes):
    index = topic.get_parent().specific
    index.intro = f"Neue Einleitung {MARK}"
    index.save_revision().publish()
    [change] = [c for c in changes if c.object_id == index.pk]
    assert index.pk in change.affected.pages
    assert topic.pk not in change.affected.pages  # its breadcrumbs show only the title
    changes.clear()
    index.title = f"Themen {MARK}"
    index.save_revision().publish()
    [change] = [c for c in changes if c.object_id == index.pk]
    assert topic.pk in change.affected.pages


def test_a_renamed_fachbereich_shows_on_the_home_page_and_the_topics_overview(client, topic):
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = topic.get_parent().specific
    warm(client, home, index, topic)
    fachbereich = Fachbereich.objects.get(pk=topic.fachbereich_id)
    fachbereich.name = f"Migration {MARK}"
    fachbereich.save()
    assert_everywhere(client, [home, index, topic], present=[MARK])


def test_a_new_topic_shows_on_the_home_page_without_featured_topics(client, topic):
    home = Site.objects.get(is_default_site=True).root_page.specific
    home.featured_topics.all().delete()  # the cards are now the automatic choice
    home.save_revision().publish()
    index = topic.get_parent().specific
    warm(client, home, index)
    new = TopicPage(title=f"Thema {MARK}", slug="frischetest", intro="Neu.")
    index.add_child(instance=new)
    new.save_revision().publish()
    assert_everywhere(client, [home, index], present=[MARK])


def png(colour):
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), colour).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def automatic_card(client, topic):
    """The home page without featured topics, warm, and a topic on one of its automatic cards
    that is not the seed page (so the editors never chose it) with a hero image of its own."""
    home = Site.objects.get(is_default_site=True).root_page.specific
    home.featured_topics.all().delete()
    home.save_revision().publish()
    cards = client.get(f"/api/v3/pages/{home.pk}/").json()["featured_topics"]
    card = TopicPage.objects.filter(pk__in=[c["id"] for c in cards]).exclude(pk=topic.pk).first()
    assert card.hero_image is not None
    assert not TopicPage.objects.exclude(pk=card.pk).filter(hero_image=card.hero_image).exists()
    warm(client, home)
    return home, card


def test_an_automatic_home_card_shows_its_topics_new_hero_image(client, automatic_card):
    home, card = automatic_card
    other = TopicPage.objects.exclude(pk=card.pk).exclude(hero_image=None).first().hero_image
    old_name = card.hero_image.file.name.rsplit("/", 1)[-1].split(".")[0]
    new_name = other.file.name.rsplit("/", 1)[-1].split(".")[0]
    card.hero_image = other
    card.save_revision().publish()
    assert_everywhere(client, [home], present=[new_name], absent=[old_name])


def test_an_automatic_home_card_shows_its_hero_images_new_file(client, automatic_card):
    """The editor replaces the file of the topic's hero image in the image library (the topic
    itself is not touched): the home page's card shows a rendition of the new file."""
    home, card = automatic_card
    image = card.hero_image
    old_name = image.file.name.rsplit("/", 1)[-1].split(".")[0]
    editor = Client()
    assert editor.login(request=HttpRequest(), username="admin", password="demo-passwort-123")
    response = editor.post(
        f"/admin/images/{image.pk}/",
        {
            "title": image.title,
            "collection": image.collection_id,
            "tags": "",
            "description": image.description,
            "file": SimpleUploadedFile("frischetest-titelbild.png", png("#00559b"), "image/png"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert_everywhere(client, [home], present=["frischetest-titelbild"], absent=[old_name])
