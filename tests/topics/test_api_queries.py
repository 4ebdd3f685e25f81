"""A topic page detail costs one fixed number of queries, whatever it contains."""

import pytest
from wagtail.rich_text import RichText
from wagtail_factories import ImageFactory

from documents.factories import PublicationFactory
from people.factories import ContactPersonFactory, FachgruppeFactory
from topics.factories import TopicPageContactPersonFactory, TopicPageFactory
from topics.models import TopicPageFachgruppe

# Measured (warm renditions): v2 31, v3 30 queries, for 1 and for 30 of everything.
BUDGET = {"v2": 31, "v3": 30}


def build_topic(topic_index, n):
    """A topic page with ``n`` of everything: sections with internal links, images, persons
    (with photos) in the sidebar and in body blocks, publications tagged and chosen."""
    persons = [ContactPersonFactory(photo=ImageFactory()) for _ in range(n)]
    publications = [PublicationFactory() for _ in range(n)]
    body = []
    for i in range(n):
        link = f'<a linktype="page" id="{topic_index.pk}">Themen</a>'
        doc = f'<a linktype="document" id="{publications[i].pk}">PDF</a>'
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
    body.append(("publications", {"heading": "Publikationen", "publications": publications}))
    further = [
        (
            "link_list",
            {
                "heading": "Links",
                "links": [{"label": "", "page": topic_index, "document": None, "url": ""}]
                + [{"label": "", "page": None, "document": p, "url": ""} for p in publications],
            },
        ),
    ]
    page = TopicPageFactory(parent=topic_index, body=body, further_information=further)
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
    for publication in publications:
        publication.topics.add(page)
    page.save_revision().publish()
    return page


URLS = {"v2": "/api/v2/pages/{}/", "v3": "/api/v3/pages/{}/"}


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_topic_detail_queries_do_not_grow_with_content(
    topic_index, client, version, django_assert_max_num_queries, django_assert_num_queries
):
    small = build_topic(topic_index, 1)
    large = build_topic(topic_index, 30)
    small_url, large_url = (URLS[version].format(page.pk) for page in (small, large))
    client.get(small_url)  # the first request creates the renditions
    client.get(large_url)

    with django_assert_max_num_queries(BUDGET[version]) as small_queries:
        assert client.get(small_url).status_code == 200
    with django_assert_num_queries(len(small_queries)):
        response = client.get(large_url)

    large_data = response.json()

    assert len(large_data["contact_persons"]) == 30
    assert len(large_data["publications"]) == 30
    assert len(large_data["fachgruppen"]) == 30
    assert len(large_data["body"]) == 62
    assert 'href="/themen/"' in large_data["body"][0]["value"]["text"]
    assert large_data["body"][0]["value"]["text"].count("/documents/") == 1
