"""A topic page costs one fixed number of queries, in the HTML and in both APIs, whatever it
contains: measured with one and with ten references of each kind (sections with page and
document links, images, contact persons in the sidebar and in blocks, Fachgruppen with their
lead, hand-picked and tagged publications, link lists)."""

import pytest
from wagtail.rich_text import RichText
from wagtail_factories import ImageFactory

from documents.factories import PublicationFactory, PublicationIndexPageFactory
from httpcache import cache
from organisation.factories import FachbereichFactory
from people.factories import ContactPersonFactory, FachgruppeFactory
from topics.factories import TopicPageContactPersonFactory, TopicPageFactory
from topics.models import TopicPageFachgruppe

# The budgets: v3 detail at most 12, the rendered page at most 15. Wagtail's v2 detail itself
# costs 7 queries for any page (two privacy checks, its parent), so its budget is 14.
# Each includes the response cache's two reads of the shared versions on a miss (without
# Redis they are in the database): the lookup and the versions to store the answer with.
# With Wagtail's i18n on, its public page queryset also reads the home page's translations (the
# other languages' trees): one query more per use, which v2's detail makes twice.
BUDGET = {"v2": 18, "v3": 15, "html": 17}


@pytest.fixture
def library(home_page):
    return PublicationIndexPageFactory(parent=home_page)


def build_topic(topic_index, n):
    persons = [ContactPersonFactory(photo=ImageFactory()) for _ in range(n)]
    chosen = [PublicationFactory() for _ in range(n)]
    tagged = [PublicationFactory() for _ in range(n)]
    body = []
    for i in range(n):
        link = f'<a linktype="page" id="{topic_index.pk}">Themen</a>'
        doc = f'<a linktype="document" id="{chosen[i].pk}">PDF</a>'
        body.append(
            ("section", {"heading": f"Abschnitt {i}", "text": RichText(f"<p>{link} {doc}</p>")})
        )
        body.append(
            (
                "image",
                {
                    "image": {"image": ImageFactory(), "alt_text": "Bild", "decorative": False},
                    "caption": "",
                },
            )
        )
    body.append(("contact_persons", {"heading": "Ansprechpersonen", "persons": persons}))
    body.append(("publications", {"heading": "Publikationen", "publications": chosen}))
    further = [
        (
            "link_list",
            {
                "heading": "Links",
                "links": [{"label": "", "page": topic_index, "document": None, "url": ""}]
                + [{"label": "", "page": None, "document": p, "url": ""} for p in chosen],
            },
        ),
    ]
    page = TopicPageFactory(
        parent=topic_index,
        slug=f"thema-{n}",
        hero_image=ImageFactory(),
        hero_image_alt="Ein Bild",
        fachbereich=FachbereichFactory(),
        body=body,
        further_information=further,
    )
    for i, person in enumerate(persons):
        TopicPageContactPersonFactory(page=page, person=person, sort_order=i)
    TopicPageFachgruppe.objects.bulk_create(
        TopicPageFachgruppe(
            page=page,
            fachgruppe=FachgruppeFactory(lead=ContactPersonFactory(photo=ImageFactory())),
            sort_order=i,
        )
        for i in range(n)
    )
    for publication in chosen + tagged:
        publication.topics.add(page)
    page.save_revision().publish()
    return page


URLS = {
    "v2": lambda page: f"/api/v2/pages/{page.pk}/",
    "v3": lambda page: f"/api/v3/pages/{page.pk}/",
    "html": lambda page: page.url,
}


LARGE = 10  # references of each kind on the large page (enough to show growth: 1 vs 10)


def test_topic_page_queries_do_not_grow_with_content(
    topic_index, library, client, django_assert_max_num_queries
):
    small, large = build_topic(topic_index, 1), build_topic(topic_index, LARGE)
    for page in (small, large):
        client.get(URLS["html"](page))  # the first request creates the renditions
    for output in ("v2", "v3", "html"):
        counts = []
        for page in (small, large):
            cache.forget_everything()  # measure the resolution, not the response cache
            with django_assert_max_num_queries(BUDGET[output]) as queries:
                response = client.get(URLS[output](page))
            assert response.status_code == 200, output
            counts.append(len(queries))
        assert counts[0] == counts[1], (output, counts)
        with django_assert_max_num_queries(1):  # then from the response cache: one read
            assert client.get(URLS[output](large)).content == response.content, output

        if output == "html":
            html = response.content.decode()
            assert html.count('class="contact-card"') == 2 * LARGE  # sidebar and block
            assert html.count('class="block-section"') == LARGE
            continue
        data = response.json()
        assert len(data["contact_persons"]) == LARGE and len(data["fachgruppen"]) == LARGE
        assert len(data["body"]) == 2 * LARGE + 2
        assert len(data["publications"]) == 6 and data["more_publications_url"]
        assert 'href="http://testserver/themen/"' in data["body"][0]["value"]["text"]
        assert data["body"][0]["value"]["text"].count("/documents/") == 1
