"""One page, two outputs: what a visitor sees in the HTML is what the v2 and v3 details say,
and nothing hidden appears in either (issue 9, "Must show" 1).

The data is the demo content plus a fixture of hidden things, each titled "GEHEIM-…" (their
slugs and file names contain "geheim"): a draft page, an unpublished page, login-, password- and
group-restricted pages and their children, a group-restricted topic, documents in a login- and a
password-restricted collection and in a child collection, a draft and an unpublished contact
person. Every place a page can link links all of them: link lists with and without labels (the
labels given start with "VERDECKT", as do the headings of blocks that link nothing but hidden
things), rich text in section, text and accordion blocks, calls to action, contact-persons and
publications blocks, a topic's contact persons, Fachgruppe lead and tagged publications, the home
page's featured topics, the main menu (``show_in_menus``) and the footer's legal pages. Each place
also links one public thing, so the places are shown to render at all; image, quote and embed
blocks stand beside them.

What is compared, for every live page an anonymous visitor may see:

- The page's own value: the breadcrumb trail (``nav.breadcrumbs``) and ``<main>`` against the
  v2 and v3 detail (``/api/<v>/pages/<id>/``). Compared are three sets: links as (text, URL);
  content items (the title, block headings, persons' names, publication titles, topic teasers,
  the Fachbereich/Fachgruppe assignment); image rendition URLs. A link's text in the HTML is the
  value's label or title (a document link's "(PDF, 2 KB)" suffix is presentation); where the
  template puts its own words around a value (the trail's first item is "Startseite", the
  "more publications" link, an embed's link, the assignment lines), the test says so below.
- The library page's list is not part of its value: it is the catalogue, so its first page is
  compared with ``/api/v3/publications/?limit=12`` (and every filter option's count with the
  API's count under the same filter).
- The site chrome: the header (site name and main menu) against ``/api/v3/navigation/``, the
  footer (contact and legal pages, which the footer labels with fixed words) against
  ``/api/v3/site-settings/``. The skip link ("#main") is neither.

URLs are normalised: the API's are absolute against ``WAGTAILAPI_BASE_URL`` (Wagtail's own
``meta.html_url`` against the site's root URL), the HTML's are relative.
"""

import copy
import datetime
import io
import json
import re
from dataclasses import dataclass, field

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import transaction
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    Site,
)
from wagtail.rich_text import RichText

from content.templatetags.content_tags import phone_href
from documents.catalogue import HTML_NAMES
from documents.factories import PublicationFactory, publication_pdf
from documents.models import Publication
from home.factories import EmbedFactory, StandardPageFactory
from home.models import HomePageFeaturedTopic, SiteSettings
from people.factories import ContactPersonFactory, FachgruppeFactory
from people.models import ContactPerson
from topics.factories import TopicPageFactory
from topics.models import TopicPageContactPerson, TopicPageFachgruppe

pytestmark = pytest.mark.django_db

PASSWORD = "sesam"
# Everything hidden carries one of these; neither word occurs in the demo content.
HIDDEN_MARKERS = ("geheim", "verdeckt")


# -- The fixture ----------------------------------------------------------------------------------


@dataclass
class World:
    site: Site
    pages: dict  # the demo's public pages by slug ("" for the home page)
    public_document: Publication
    public_person: ContactPerson
    image: object  # a public image of the demo
    embed_url: str  # an embed already in Wagtail's cache (no provider is asked)
    hidden_pages: dict = field(default_factory=dict)  # title -> page
    hidden_documents: dict = field(default_factory=dict)  # title -> publication
    hidden_persons: dict = field(default_factory=dict)  # full name -> person

    @property
    def hidden_urls(self):
        return [page.url for page in self.hidden_pages.values()] + [
            document.url for document in self.hidden_documents.values()
        ]

    @property
    def hidden_titles(self):
        return [*self.hidden_pages, *self.hidden_documents, *self.hidden_persons]


def restricted(parent, kind, title, slug, **restriction):
    """A live page behind a view restriction, with a live child; both are in the menus'
    reach (``show_in_menus``) so the navigation is tested too."""
    page = StandardPageFactory(parent=parent, title=title, slug=slug, show_in_menus=True)
    child = StandardPageFactory(parent=page, title=f"{title}-Kind", slug="kind", show_in_menus=True)
    view_restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, **restriction
    )
    if kind == PageViewRestriction.GROUPS:
        view_restriction.groups.add(Group.objects.get(name="Editors"))
    return page, child


def hidden_document(title, filename, collection, topics):
    return PublicationFactory(
        title=title,
        collection=collection,
        file=ContentFile(publication_pdf(title, ["Vertraulich."]), name=filename),
        # Newest of all: a leak would come first in every list.
        publication_date=datetime.date.today(),
        topics=topics,
    )


def build_hidden(world):
    home, themen, topic = world.pages[""], world.pages["themen"], world.pages["fluechtlingsarbeit"]
    pages = world.hidden_pages

    draft = TopicPageFactory(
        parent=themen, title="GEHEIM-Entwurf", slug="geheim-entwurf", live=False, show_in_menus=True
    )
    draft_imprint = StandardPageFactory(
        parent=home, title="GEHEIM-Impressum-Entwurf", slug="geheim-impressum", live=False
    )
    unpublished = StandardPageFactory(
        parent=home, title="GEHEIM-Zurückgezogen", slug="geheim-zurueckgezogen", show_in_menus=True
    )
    unpublished.save_revision().publish()
    unpublished.unpublish()
    login, login_child = restricted(home, PageViewRestriction.LOGIN, "GEHEIM-Login", "geheim-login")
    password, password_child = restricted(
        home, PageViewRestriction.PASSWORD, "GEHEIM-Passwort", "geheim-passwort", password=PASSWORD
    )
    group, group_child = restricted(
        home, PageViewRestriction.GROUPS, "GEHEIM-Gruppe", "geheim-gruppe"
    )
    group_topic = TopicPageFactory(
        parent=themen, title="GEHEIM-Thema-Gruppe", slug="geheim-thema-gruppe", show_in_menus=True
    )
    restriction = PageViewRestriction.objects.create(
        page=group_topic, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Editors"))
    for page in (
        draft,
        draft_imprint,
        unpublished,
        login,
        login_child,
        password,
        password_child,
        group,
        group_child,
        group_topic,
    ):
        pages[page.title] = page

    root = Collection.get_first_root_node()
    private = root.add_child(name="GEHEIM-Sammlung")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    below = private.add_child(name="GEHEIM-Untersammlung")
    locked = root.add_child(name="GEHEIM-Passwortsammlung")
    CollectionViewRestriction.objects.create(
        collection=locked, restriction_type=CollectionViewRestriction.PASSWORD, password=PASSWORD
    )
    tagged = [topic, world.pages["pflege"]]
    for title, filename, collection in (
        ("GEHEIM-Dokument", "geheim-dokument.pdf", private),
        ("GEHEIM-Dokument-Unterordner", "geheim-unterordner.pdf", below),
        ("GEHEIM-Dokument-Passwort", "geheim-passwort.pdf", locked),
    ):
        world.hidden_documents[title] = hidden_document(title, filename, collection, tagged)
    # A public publication tagged with the hidden topic: the topic filter must not offer it.
    world.public_document.topics.add(group_topic)

    draft_person = ContactPersonFactory(
        first_name="GEHEIM-Person",
        last_name="Entwurf",
        email="geheim-entwurf@example.org",
        phone="0202 0000-001",
        live=False,
    )
    withdrawn_person = ContactPersonFactory(
        first_name="GEHEIM-Person",
        last_name="Zurückgezogen",
        email="geheim-zurueckgezogen@example.org",
    )
    withdrawn_person.save_revision().publish()
    withdrawn_person.unpublish()
    for person in (draft_person, withdrawn_person):
        world.hidden_persons[person.full_name] = person


def rich_text(targets):
    """A paragraph linking every target (pages and documents) with neutral words."""
    anchors = []
    for number, target in enumerate(targets, 1):
        link_type = "page" if isinstance(target, Page) else "document"
        anchors.append(f'<a linktype="{link_type}" id="{target.pk}">Verweis {number}</a>')
    return RichText(f"<p>Im Text: {', '.join(anchors)}.</p>")


def link(target, label=""):
    kind = "page" if isinstance(target, Page) else "document"
    return {"label": label, kind: target}


def shared_blocks(world, prefix):
    """Blocks every content page offers, linking every hidden page and document and one
    public page and document each."""
    hidden = [*world.hidden_pages.values(), *world.hidden_documents.values()]
    public = [world.pages["publikationen"], world.public_document]
    return [
        (
            "link_list",
            {
                "heading": f"{prefix}: Links mit Beschriftung",
                "links": [link(t, f"VERDECKT {n}") for n, t in enumerate(hidden, 1)]
                + [link(t, f"Öffentlich {n}") for n, t in enumerate(public, 1)],
            },
        ),
        (
            "link_list",
            {
                "heading": f"{prefix}: Links ohne Beschriftung",
                "links": [link(t) for t in [*hidden, *public]],
            },
        ),
        # Only hidden targets: the block goes whole, heading and all.
        ("link_list", {"heading": "VERDECKT-Linkliste", "links": [link(t) for t in hidden]}),
        ("section", {"heading": f"{prefix}: Abschnitt", "text": rich_text([*hidden, *public])}),
        ("text", rich_text([*hidden, *public])),
        (
            "accordion",
            {
                "heading": f"{prefix}: Aufklappliste",
                "items": [{"title": "Eintrag", "text": rich_text([*hidden, *public])}],
            },
        ),
        *[
            (
                "call_to_action",
                {"heading": f"{prefix}: Aufruf {n}", "text": "Bitte folgen.", "link": link(t)},
            )
            for n, t in enumerate([*hidden, *public], 1)
        ],
        # Blocks that link nothing hidden, for the parity of their images and links.
        (
            "image",
            {
                "image": {"image": world.image, "alt_text": "Bild im Text", "decorative": False},
                "caption": f"{prefix}: Bildunterschrift",
            },
        ),
        ("quote", {"quote": "Für uns stehen die Menschen im Mittelpunkt.", "attribution": ""}),
        ("embed", {"title": f"{prefix}: Video", "embed": world.embed_url}),
        (
            "call_to_action",
            {
                "heading": f"{prefix}: Aufruf mit Beschriftung",
                "text": "",
                "link": link(world.hidden_pages["GEHEIM-Passwort-Kind"], "VERDECKT Aufruf"),
            },
        ),
    ]


def topic_blocks(world, prefix):
    persons = [*world.hidden_persons.values(), world.public_person]
    documents = [*world.hidden_documents.values(), world.public_document]
    return [
        *shared_blocks(world, prefix),
        ("contact_persons", {"heading": f"{prefix}: Kontakte", "persons": persons}),
        (
            "contact_persons",
            {"heading": "VERDECKT-Kontakte", "persons": list(world.hidden_persons.values())},
        ),
        ("publications", {"heading": f"{prefix}: Downloads", "publications": documents}),
        (
            "publications",
            {
                "heading": "VERDECKT-Downloads",
                "publications": list(world.hidden_documents.values()),
            },
        ),
    ]


def further_information_blocks(world):
    hidden = [*world.hidden_pages.values(), *world.hidden_documents.values()]
    public = [world.pages["publikationen"], world.public_document]
    documents = [*world.hidden_documents.values(), world.public_document]
    return [
        ("link_list", {"heading": "Mehr: Links", "links": [link(t) for t in [*hidden, *public]]}),
        ("call_to_action", {"heading": "Mehr: Aufruf", "text": "", "link": link(hidden[0])}),
        ("publications", {"heading": "Mehr: Downloads", "publications": documents}),
    ]


def link_everything(world):
    """Put links to every hidden thing on the demo's public pages, and publish them."""
    topic = world.pages["fluechtlingsarbeit"]
    for item in topic_blocks(world, "Thema"):
        topic.body.append(item)
    for item in further_information_blocks(world):
        topic.further_information.append(item)
    draft_person = world.hidden_persons["GEHEIM-Person Entwurf"]
    withdrawn_person = world.hidden_persons["GEHEIM-Person Zurückgezogen"]
    topic.contact_person_links.add(TopicPageContactPerson(person=draft_person, sort_order=-1))
    topic.contact_person_links.add(TopicPageContactPerson(person=withdrawn_person, sort_order=9))
    led_by_draft = FachgruppeFactory(
        name="Fachgruppe mit Entwurfsleitung", fachbereich=topic.fachbereich, lead=draft_person
    )
    topic.fachgruppe_links.add(TopicPageFachgruppe(fachgruppe=led_by_draft, sort_order=9))
    topic.save_revision().publish()

    standard_page = world.pages["datenschutz"]
    for item in shared_blocks(world, standard_page.title):
        standard_page.body.append(item)
    standard_page.save_revision().publish()

    home = world.pages[""]
    for item in shared_blocks(world, "Start"):
        home.body.append(item)
    home.featured_topics = [
        HomePageFeaturedTopic(topic=world.hidden_pages["GEHEIM-Entwurf"], sort_order=0),
        HomePageFeaturedTopic(topic=topic, sort_order=1),
        HomePageFeaturedTopic(topic=world.hidden_pages["GEHEIM-Thema-Gruppe"], sort_order=2),
    ]
    home.save_revision().publish()

    # The password page links its own child (followable once the password is given) and a
    # login-restricted page (never followable with a page password).
    password = world.hidden_pages["GEHEIM-Passwort"]
    child = world.hidden_pages["GEHEIM-Passwort-Kind"]
    login = world.hidden_pages["GEHEIM-Login"]
    password.body.append(("link_list", {"heading": "Unterseiten", "links": [link(child)]}))
    password.body.append(("section", {"heading": "Im Text", "text": rich_text([child, login])}))
    password.save_revision().publish()

    settings_ = SiteSettings.for_site(world.site)
    settings_.imprint_page = world.hidden_pages["GEHEIM-Impressum-Entwurf"]
    settings_.privacy_page = world.hidden_pages["GEHEIM-Passwort-Kind"]
    settings_.save()  # the accessibility statement stays public: the footer still links it

    # Unpublished changes to public things are hidden too: the live versions are shown.
    pflege = world.pages["pflege"]
    pflege.title = "GEHEIM-Revision"
    pflege.intro = "GEHEIM-Revision: noch nicht freigegeben."
    pflege.save_revision()
    pflege.refresh_from_db()
    world.public_person.role = "GEHEIM-Rolle"
    world.public_person.save_revision()
    world.public_person.refresh_from_db()


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The demo content plus the hidden things, built once for the module and rolled back."""
    with (
        django_db_blocker.unblock(),
        transaction.atomic(),
        pytest.MonkeyPatch.context() as env,
    ):
        env.setenv("DEMO_ADMIN_PASSWORD", "demo-admin-password")
        call_command("load_demo_content", stdout=io.StringIO())
        site = Site.objects.get(is_default_site=True)
        home = site.root_page.specific
        pages = {"": home}
        for page in home.get_descendants().specific():
            pages[page.slug] = page
        world = World(
            site=site,
            pages=pages,
            public_document=Publication.objects.order_by("pk").first(),
            public_person=ContactPerson.objects.get(last_name="Steffen"),
            image=pages["fluechtlingsarbeit"].hero_image,
            embed_url=EmbedFactory().url,
        )
        build_hidden(world)
        link_everything(world)
        yield world
        transaction.set_rollback(True)


# -- Reading the outputs --------------------------------------------------------------------------


def normal_url(url, base=None):
    """A URL as the HTML writes it: relative to the site for its own pages and files."""
    if url is None:
        return None
    for prefix in (base, settings.WAGTAILAPI_BASE_URL):
        if prefix and url.startswith(prefix.rstrip("/") + "/"):
            return url[len(prefix.rstrip("/")) :]
    return url


def text_of(element):
    return " ".join(element.get_text().split())


def link_text(anchor):
    """The words of a link (an image in it counts with its alt text, as in its accessible
    name: the header's wordmark); a document link's format and size ("PDF, 2 KB") are left out."""
    anchor = copy.copy(anchor)
    for meta in anchor.select(".link__meta"):
        meta.decompose()
    for image in anchor.find_all("img"):
        image.replace_with(image.get("alt", ""))
    return text_of(anchor)


@dataclass
class View:
    """What a visitor sees of a part of a page: links, content items and images."""

    links: set = field(default_factory=set)
    items: set = field(default_factory=set)
    images: set = field(default_factory=set)

    def differences(self, other):
        """``{part: (only here, only there)}`` for the parts that differ."""
        return {
            name: (mine - theirs, theirs - mine)
            for name in ("links", "items", "images")
            if (mine := getattr(self, name)) != (theirs := getattr(other, name))
        }


def html_view(*elements):
    view = View()
    for element in elements:
        if element is None:
            continue
        for anchor in element.find_all("a"):
            view.links.add((link_text(anchor), normal_url(anchor.get("href"))))
        for image in element.find_all("img"):
            # (An image without renditions, the header's static wordmark, counts by its src.)
            entries = [e for e in image.get("srcset", "").split(",") if e.strip()]
            view.images |= {normal_url(entry.split()[0]) for entry in entries} or {
                normal_url(image.get("src", ""))
            }
        for selector, kind in (
            ("h1", "title"),
            (".contact-card__name", "person"),
            (".publication-item__title", "publication"),
            (".topic-card :is(h2, h3)", "topic"),
            (".topic-assignment__list li", "assignment"),
        ):
            view.items |= {(kind, text_of(found)) for found in element.select(selector)}
        # A block's own heading (the template's fixed headings carry an id; a section's
        # heading carries its anchor).
        for heading in element.select(
            "section[class*='block-'] > h2:not([id]), section.block-section > h2"
        ):
            view.items.add(("heading", text_of(heading)))
    return view


def rich_text_links(html):
    return html_view(BeautifulSoup(html, "html.parser")).links


def api_walk(node, view):
    """Collect what the HTML shows of a delivered value, by the value's shape."""
    if isinstance(node, str):
        if "<a" in node:  # rich text: the same HTML as in the page
            view.links |= rich_text_links(node)
        return
    if isinstance(node, list):
        for item in node:
            api_walk(item, view)
        return
    if not isinstance(node, dict):
        return
    keys = node.keys()
    if "renditions" in keys:  # an image
        view.images |= {normal_url(rendition["url"]) for rendition in node["renditions"]}
    elif {"label", "url", "page", "document"} <= keys:  # a link: the HTML shows its label
        view.links.add((node["label"], normal_url(node["url"])))
    elif "download_url" in keys:  # a publication
        view.links.add((node["title"], normal_url(node["download_url"])))
        view.items.add(("publication", node["title"]))
        api_walk(node["cover"], view)
    elif "initials" in keys:  # a contact person's card
        view.items.add(("person", node["name"]))
        if node["email"]:
            view.links.add((node["email"], f"mailto:{node['email']}"))
        if node["phone"]:
            view.links.add((node["phone"], f"tel:{phone_href(node['phone'])}"))
        api_walk(node["photo"], view)
    elif {"id", "title", "type", "url"} <= keys:  # a page link or a topic teaser
        view.links.add((node["title"], normal_url(node["url"])))
        if "intro" in keys:
            view.items.add(("topic", node["title"]))
            api_walk(node["hero"], view)
    elif set(keys) == {"id", "name", "name_language", "url"}:  # a way into a Fachbereich
        view.links.add((node["name"], normal_url(node["url"])))
    elif set(keys) == {"heading", "anchor"}:  # an entry of the table of contents
        view.links.add((node["heading"], f"#{node['anchor']}"))
    elif set(keys) == {"type", "value", "id"}:  # one block of a stream
        value = node["value"]
        if isinstance(value, dict) and value.get("heading"):
            view.items.add(("heading", value["heading"]))
        if node["type"] == "embed":  # the template's words around the embed's title
            view.links.add((f"„{value['title']}“ beim Anbieter ansehen", normal_url(value["url"])))
        else:
            api_walk(value, view)
    else:
        for value in node.values():
            api_walk(value, view)


def api_view(detail, value_fields):
    """What the HTML's ``<main>`` should show of a page's detail (without the trail)."""
    view = View(items={("title", detail["title"])})
    for name in value_fields:
        value = detail[name]
        if name == "breadcrumbs":
            continue
        if name == "fachbereich":  # the template's words: "Fachbereich <name>"
            if value:
                view.items.add(("assignment", f"Fachbereich {value['name']}"))
        elif name == "fachgruppen":  # "Fachgruppe <name> (Fachgruppenleitung: <lead>)"
            for group in value:
                lead = f" (Fachgruppenleitung: {group['lead']['name']})" if group["lead"] else ""
                view.items.add(("assignment", f"Fachgruppe {group['name']}{lead}"))
        elif name == "more_publications_url":  # "Alle Publikationen zum Thema <title>"
            if value:
                text = f"Alle Publikationen zum Thema {detail['title']}"
                view.links.add((text, normal_url(value)))
        else:
            api_walk(value, view)
    return view


def html_trail(soup):
    trail = soup.select_one("nav.breadcrumbs")
    if trail is None:
        return []
    return [(link_text(a), normal_url(a.get("href"))) for a in trail.find_all("a")]


def api_trail(detail, site):
    """The trail of a detail: its breadcrumbs, the first labelled "Startseite" by the
    template, then the page itself (none on the home page, which is its own start)."""
    crumbs = detail["breadcrumbs"]
    if not crumbs:
        return []
    trail = [
        ("Startseite" if number == 0 else crumb["title"], normal_url(crumb["url"]))
        for number, crumb in enumerate(crumbs)
    ]
    return [*trail, (detail["title"], normal_url(detail["meta"]["html_url"], site.root_url))]


def soup_of(response):
    assert response.status_code == 200, response
    return BeautifulSoup(response.content.decode(), "html.parser")


def page_value_elements(soup):
    """The parts of ``<main>`` that render the page's value (the library page's list and
    filters are the catalogue, compared on their own)."""
    main = copy.copy(soup.find("main"))
    for catalogue in main.select("form.publication-filters, section.publication-results"):
        catalogue.decompose()
    return main


def public_pages(world):
    """Every page of the site an anonymous visitor may see, by Wagtail's own rules (not the
    delivery's): live, and no view restriction on it or above it."""
    root = world.site.root_page
    return list(Page.objects.live().public().descendant_of(root, inclusive=True).specific())


def json_text(response):
    return json.dumps(response.json(), ensure_ascii=False)


def assert_refused(response):
    """Not found, sent to the login, or asked for the password: never the thing itself."""
    if response.status_code == 200:
        assert "<h1>Passwort erforderlich</h1>" in response.content.decode()
    else:
        assert response.status_code in (302, 404)


# -- The fixture is what it says ------------------------------------------------------------------


def test_the_hidden_things_are_hidden_by_wagtails_own_rules(client, world):
    public = {page.pk for page in public_pages(world)}
    assert not public & {page.pk for page in world.hidden_pages.values()}
    for page in world.hidden_pages.values():
        assert_refused(client.get(page.url))
    for document in world.hidden_documents.values():
        assert document.collection.get_view_restrictions().exists()
        assert_refused(client.get(document.url))
    assert not any(person.live for person in world.hidden_persons.values())
    # The demo's pages are all public, each one once.
    assert {page.url_path for page in public_pages(world)} == {
        "/home/",
        "/home/themen/",
        "/home/themen/fluechtlingsarbeit/",
        "/home/themen/pflege/",
        "/home/themen/kinder-und-jugendhilfe/",
        "/home/themen/teilhabe/",
        "/home/publikationen/",
        "/home/impressum/",
        "/home/datenschutz/",
        "/home/barrierefreiheit/",
    }


def test_the_places_that_link_hidden_things_are_shown(client, world):
    """Each place also links something public: the place itself is rendered (so the parity
    below is not the parity of two empty pages), and the hidden links in rich text keep their
    words but lose their address."""
    soup = soup_of(client.get("/themen/fluechtlingsarbeit/"))
    view = html_view(soup.find("main"))
    public_document = world.public_document
    for expected in (
        ("Öffentlich 1", "/publikationen/"),
        ("Öffentlich 2", public_document.url),
        ("Publikationen", "/publikationen/"),
        (public_document.title, public_document.url),
        ("Verweis 1", None),
        ("„Thema: Video“ beim Anbieter ansehen", world.embed_url),
    ):
        assert expected in view.links
    assert any("width-960" in url for url in view.images)  # the image block's renditions
    for expected in (
        ("heading", "Thema: Links ohne Beschriftung"),
        ("heading", "Thema: Aufruf 1"),
        ("heading", "Thema: Kontakte"),
        ("heading", "Thema: Downloads"),
        ("heading", "Mehr: Links"),
        ("person", "Sarah Steffen"),
        ("assignment", "Fachgruppe Fachgruppe mit Entwurfsleitung"),
    ):
        assert expected in view.items
    home = html_view(soup_of(client.get("/")).find("main"))
    assert {item for item in home.items if item[0] == "topic"} == {("topic", "Flüchtlingsarbeit")}
    assert ("heading", "Start: Links ohne Beschriftung") in home.items
    footer = html_view(soup.select_one("footer"))
    assert ("Erklärung zur Barrierefreiheit", "/barrierefreiheit/") in footer.links


# -- Parity ---------------------------------------------------------------------------------------


def test_every_public_page_is_served_and_in_the_sitemap(client, world):
    pages = public_pages(world)
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert b"Passwort erforderlich" not in response.content
    sitemap = client.get("/sitemap.xml").content.decode()
    locations = {
        normal_url(loc, world.site.root_url) for loc in re.findall(r"<loc>(.*?)</loc>", sitemap)
    }
    # The sitemap also lists every other language's pages (tests/home/test_languages.py).
    translated = Page.objects.live().public().filter(depth__gt=1)
    translated = {p.url for p in translated.exclude(locale__language_code="de")}
    assert locations == {page.url for page in pages} | translated


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_every_public_page_shows_what_its_api_detail_says(client, world, version):
    mismatches = []
    for page in public_pages(world):
        soup = soup_of(client.get(page.url))
        response = client.get(f"/api/{version}/pages/{page.pk}/")
        assert response.status_code == 200, page.url
        detail = response.json()
        if html_trail(soup) != api_trail(detail, world.site):
            mismatches.append((page.url, "trail", html_trail(soup), api_trail(detail, world.site)))
        shown = html_view(page_value_elements(soup))
        said = api_view(detail, type(page).value_type.model_fields)
        for part, (only_html, only_api) in shown.differences(said).items():
            mismatches.append(
                (page.url, part, sorted(only_html, key=str), sorted(only_api, key=str))
            )
    assert not mismatches, "\n".join(
        f"{url} {part}:\n  only in the HTML: {html}\n  only in the API: {api}"
        for url, part, html, api in mismatches
    )


def test_v2_and_v3_name_the_same_parent_and_it_answers(client, world):
    """``meta.parent`` is the parent only where the API serves it: the home page's parent, the
    tree's root, which no site serves, is ``null`` in both versions (Wagtail's v3 would link
    ``/api/v3/pages/1/``, a 404)."""
    for page in public_pages(world):
        v2 = client.get(f"/api/v2/pages/{page.pk}/").json()["meta"]["parent"]
        v3 = client.get(f"/api/v3/pages/{page.pk}/").json()["meta"]["parent"]
        if page.depth == 2:
            assert v2 is None and v3 is None, page.url
            continue
        assert v2 is not None and v3 is not None, page.url
        assert v2["id"] == v3["id"] == page.get_parent().pk, page.url
        assert v2["meta"]["html_url"] == v3["meta"]["html_url"], page.url
        assert client.get(v3["meta"]["detail_url"]).status_code == 200, page.url
        assert client.get(v2["meta"]["detail_url"]).status_code == 200, page.url


def chrome_views(client):
    navigation = client.get("/api/v3/navigation/").json()
    footer = client.get("/api/v3/site-settings/").json()
    header = View()
    # The site name (from the settings) links the root of the navigation.
    header.links.add((footer["organisation_name"], normal_url(navigation["root"]["url"])))
    header.links |= {(item["title"], normal_url(item["url"])) for item in navigation["items"]}
    # The "Leichte Sprache" link: that language's home page, as the languages endpoint names it.
    languages = client.get("/api/v3/languages/").json()
    easy_read = next(item for item in languages if item["code"] == "de-x-ls")
    if easy_read["home"]:
        header.links.add(("Leichte Sprache", normal_url(easy_read["home"]["url"])))
    contact = View()
    if footer["email"]:
        contact.links.add((footer["email"], f"mailto:{footer['email']}"))
    if footer["phone"]:
        contact.links.add((footer["phone"], f"tel:{phone_href(footer['phone'])}"))
    # The footer names the legal pages with fixed words, not with their titles.
    for name, words in (
        ("imprint_page", "Impressum"),
        ("privacy_page", "Datenschutz"),
        ("accessibility_page", "Erklärung zur Barrierefreiheit"),
    ):
        if footer[name]:
            contact.links.add((words, normal_url(footer[name]["url"])))
    return header, contact


def test_every_public_pages_chrome_is_the_navigation_and_the_site_settings(client, world):
    header, footer = chrome_views(client)
    for page in public_pages(world):
        soup = soup_of(client.get(page.url))
        assert html_view(soup.select_one("header.site-header")).links == header.links, page.url
        assert html_view(soup.select_one("footer.site-footer")).links == footer.links, page.url


def test_the_library_page_lists_the_first_page_of_the_catalogue(client, world):
    library = world.pages["publikationen"]
    soup = soup_of(client.get(library.url))
    listing = client.get("/api/v3/publications/", {"limit": 12}).json()
    said = View()
    api_walk(listing["items"], said)
    shown = html_view(soup.select_one("section.publication-results"))
    assert shown.differences(said) == {}
    count = text_of(soup.select_one("#publication-results-heading"))
    assert count == f"{listing['count']} Publikationen"

    # Every filter option counts what the API lists under the same filter.
    for select in soup.select("form.publication-filters select"):
        for option in select.select("option[value!='']"):
            html_count = int(re.search(r"\((\d+)\)$", text_of(option)).group(1))
            query = {HTML_NAMES[select["name"]]: option["value"], "limit": 1}
            api_count = client.get("/api/v3/publications/", query).json()["count"]
            assert html_count == api_count, (select["name"], option["value"])


# -- Nothing hidden anywhere ----------------------------------------------------------------------


def assert_nothing_hidden(world, where, text):
    lowered = text.lower()
    for marker in HIDDEN_MARKERS:
        assert marker not in lowered, f"{where} mentions {marker!r}"
    for needle in [*world.hidden_urls, *world.hidden_titles]:
        assert needle.lower() not in lowered, f"{where} mentions {needle!r}"
    for page in world.hidden_pages.values():
        for version in ("v2", "v3"):
            assert f"/api/{version}/pages/{page.pk}/" not in text, f"{where} finds {page.title}"


def test_no_public_page_mentions_anything_hidden(client, world):
    for page in public_pages(world):
        assert_nothing_hidden(world, page.url, client.get(page.url).content.decode())
        for version in ("v2", "v3"):
            response = client.get(f"/api/{version}/pages/{page.pk}/")
            assert_nothing_hidden(world, f"{version} detail of {page.url}", json_text(response))
            assert hidden_ids_in(response.json(), hidden_ids(world)) == []


def hidden_ids(world):
    return {
        "page": {page.pk for page in world.hidden_pages.values()},
        "document": {document.pk for document in world.hidden_documents.values()},
        "person": {person.pk for person in world.hidden_persons.values()},
    }


def hidden_ids_in(node, kind_ids):
    """Ids of hidden objects in link-shaped JSON (a page, document or person by id)."""
    found = []
    if isinstance(node, list):
        for item in node:
            found += hidden_ids_in(item, kind_ids)
    elif isinstance(node, dict):
        keys = node.keys()
        kind = (
            "page"
            if {"id", "title", "type", "url"} <= keys
            else "document"
            if "file_extension" in keys
            else "person"
            if "initials" in keys
            else None
        )
        if kind and node["id"] in kind_ids[kind]:
            found.append((kind, node["id"]))
        for value in node.values():
            found += hidden_ids_in(value, kind_ids)
    return found


LISTINGS = [
    ("/api/v2/pages/", {"limit": 100}),
    ("/api/v2/pages/", {"limit": 100, "type": "topics.TopicPage"}),
    ("/api/v2/documents/", {"limit": 100}),
    ("/api/v3/pages/", {"limit": 100}),
    ("/api/v3/navigation/", {}),
    ("/api/v3/site-settings/", {}),
    ("/api/v3/topics/", {"limit": 100}),
    ("/api/v3/publications/", {"limit": 100}),
    ("/api/v3/publications/", {"limit": 100, "topic": "fluechtlingsarbeit"}),
    ("/api/v3/people/contact-persons/", {"limit": 100}),
    ("/api/v3/people/fachgruppen/", {"limit": 100}),
    ("/api/v3/people/fachbereiche/", {"limit": 100}),
]


@pytest.mark.parametrize(("url", "query"), LISTINGS)
def test_no_listing_mentions_or_counts_anything_hidden(client, world, url, query):
    response = client.get(url, query)
    assert response.status_code == 200
    body = response.json()
    assert_nothing_hidden(world, url, json_text(response))
    assert hidden_ids_in(body, hidden_ids(world)) == []
    if "count" in body:  # v3 listings
        assert body["count"] == len(body["items"])
    if "meta" in body:  # v2 listings
        assert body["meta"]["total_count"] == len(body["items"])


def test_no_detail_or_sitemap_gives_away_anything_hidden(client, world):
    assert_nothing_hidden(world, "sitemap.xml", client.get("/sitemap.xml").content.decode())
    for document in world.hidden_documents.values():
        assert client.get(f"/api/v2/documents/{document.pk}/").status_code == 404
        assert client.get(f"/api/v3/publications/{document.pk}/").status_code == 404
    for person in world.hidden_persons.values():
        assert client.get(f"/api/v3/people/contact-persons/{person.pk}/").status_code == 404
    for page in world.hidden_pages.values():
        for version in ("v2", "v3"):
            assert client.get(f"/api/{version}/pages/{page.pk}/").status_code == 404
        path = page.url
        for version in ("v2", "v3"):
            response = client.get(f"/api/{version}/pages/find/", {"html_path": path})
            assert response.status_code == 404, (version, path)


# "VERDECKT": the labels of links to hidden things and the headings of blocks that link
# nothing but hidden things, which no page shows.
@pytest.mark.parametrize("query", ["GEHEIM", "geheim-entwurf", "VERDECKT"])
def test_search_finds_and_counts_nothing_hidden(client, world, query):
    queries = [query] if query != "GEHEIM" else ["GEHEIM", *world.hidden_titles]
    for q in queries:
        body = client.get("/api/v3/search/", {"q": q, "limit": 50}).json()
        assert body["count"] == 0 and body["items"] == [], (q, body["items"])
        assert all(count["count"] == 0 for count in body["counts"]), (q, body["counts"])
        assert client.get("/api/v3/search/autocomplete/", {"q": q}).json()["items"] == []
        response = client.get("/suche/", {"q": q})
        for url in world.hidden_urls:
            assert url not in response.content.decode(), (q, url)
        soup = soup_of(response)
        assert text_of(soup.select_one("#search-summary")).startswith("0 Ergebnisse"), q
        assert soup.select(".search-result") == [], q
        counts = [text_of(a) for a in soup.select(".search-filter a")]
        assert counts and all(count.endswith("(0)") for count in counts), (q, counts)
        for version in ("v2", "v3"):
            listing = client.get(f"/api/{version}/pages/", {"search": q}).json()
            assert listing["items"] == [], (version, q)
    # The search itself works on this data: public words are found.
    found = client.get("/api/v3/search/", {"q": "Flüchtlingsarbeit"}).json()
    assert found["count"] > 0


# -- The reader of the request ---------------------------------------------------------------------


def test_with_the_password_the_restricted_page_links_its_restricted_child(client, world):
    page = world.hidden_pages["GEHEIM-Passwort"]
    child = world.hidden_pages["GEHEIM-Passwort-Kind"]
    login = world.hidden_pages["GEHEIM-Login"]
    page_url, child_url = page.url, child.url

    form = soup_of(client.get(page_url)).select_one("main form")
    client.post(form["action"], {"password": PASSWORD, "return_url": page_url})

    soup = soup_of(client.get(page_url))
    assert text_of(soup.find("h1")) == "GEHEIM-Passwort"
    links = html_view(soup.find("main")).links
    assert ("GEHEIM-Passwort-Kind", child_url) in links  # a list link without a label
    assert ("Verweis 1", child_url) in links  # rich text
    assert ("Verweis 2", None) in links  # the login-restricted page stays unlinked
    assert not any(url and url.startswith(login.url) for _text, url in links)

    child_soup = soup_of(client.get(child_url))
    assert text_of(child_soup.find("h1")) == "GEHEIM-Passwort-Kind"
    assert ("GEHEIM-Passwort", page_url) in html_trail(child_soup)
