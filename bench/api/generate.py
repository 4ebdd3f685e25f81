"""Generates the benchmark data set (run by ``bench/api/run.py``; needs DJANGO_SETTINGS_MODULE).

1,000 topic pages with 10 sections each (plus a contact-persons and a publications block),
200 contact persons, 2,000 publications, 10 Fachbereiche and 20 Fachgruppen. Prints the id of
the topic page the benchmark requests.
"""

import datetime
import io
import itertools
import os
import sys

import django

django.setup()

from django.core.files.base import ContentFile  # noqa: E402
from django.core.files.storage import default_storage  # noqa: E402
from django.db import transaction  # noqa: E402
from PIL import Image as PILImage  # noqa: E402
from wagtail.images import get_image_model  # noqa: E402
from wagtail.models import Collection, Site  # noqa: E402
from wagtail.rich_text import RichText  # noqa: E402

from documents.models import Publication, PublicationType  # noqa: E402
from organisation.models import Fachbereich  # noqa: E402
from people.models import ContactPerson, Fachgruppe  # noqa: E402
from topics.models import (  # noqa: E402
    TopicIndexPage,
    TopicPage,
    TopicPageContactPerson,
    TopicPageFachgruppe,
)

TOPICS = int(os.environ.get("BENCH_TOPICS", 1000))
SECTIONS = 10
PERSONS = 200
PUBLICATIONS = 2000
IMAGES = 40
PARAGRAPH = (
    "Viele Mitgliedsorganisationen des Paritätischen NRW beraten Menschen mit Fluchterfahrung "
    "vor Ort zu ihren Anliegen im Asyl-, Aufenthalts- und Sozialrecht und helfen bei sozialen, "
    "schulischen, beruflichen und gesundheitlichen Fragen. "
) * 3


def image(i):
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), (40 + i * 5 % 200, 90, 140)).save(buffer, "JPEG")
    img = get_image_model()(title=f"Bild {i}", description=f"Beschreibung {i}")
    img.file = ContentFile(buffer.getvalue(), name=f"bench-{i}.jpg")
    img._set_image_file_metadata()
    img.save()
    return img


@transaction.atomic
def generate():
    images = [image(i) for i in range(IMAGES)]
    fachbereiche = Fachbereich.objects.bulk_create(
        Fachbereich(name=f"Fachbereich {i}") for i in range(10)
    )
    persons = ContactPerson.objects.bulk_create(
        ContactPerson(
            first_name=f"Vorname{i}",
            last_name=f"Nachname{i}",
            role="Fachreferentin",
            email=f"person{i}@example.org",
            phone="0202 0000-000",
            photo=images[i % IMAGES],
            fachbereich=fachbereiche[i % 10],
            live=True,
        )
        for i in range(PERSONS)
    )
    fachgruppen = Fachgruppe.objects.bulk_create(
        Fachgruppe(name=f"Fachgruppe {i}", fachbereich=fachbereiche[i % 10], lead=persons[i])
        for i in range(20)
    )
    pdf = default_storage.save("documents/bench.pdf", ContentFile(b"%PDF-1.4\n" + b"0" * 20000))
    root_collection = Collection.get_first_root_node()
    types = itertools.cycle(PublicationType.values)
    publications = Publication.objects.bulk_create(
        Publication(
            title=f"Publikation {i}",
            description="Eine Beispielpublikation.",
            file=pdf,
            file_size=20009,
            collection=root_collection,
            publication_type=next(types),
            publication_date=datetime.date(2015, 1, 1) + datetime.timedelta(days=i),
            language="de",
            page_count=12,
        )
        for i in range(PUBLICATIONS)
    )

    home = Site.objects.get(is_default_site=True).root_page
    index = TopicIndexPage(title="Themen", slug="themen", live=True, show_in_menus=True)
    home.add_child(instance=index)
    pages = []
    for i in range(TOPICS):
        body = [
            ("section", {"heading": f"Abschnitt {s}", "text": RichText(f"<p>{PARAGRAPH}</p>")})
            for s in range(SECTIONS)
        ]
        body.append(
            (
                "contact_persons",
                {"heading": "Ansprechpersonen", "persons": persons[i % 190 : i % 190 + 3]},
            )
        )
        body.append(
            ("publications", {"heading": "Publikationen", "publications": publications[i : i + 3]})
        )
        page = TopicPage(
            title=f"Thema {i}",
            slug=f"thema-{i}",
            intro=PARAGRAPH,
            hero_image=images[i % IMAGES],
            hero_image_alt="Ein Beispielbild",
            body=body,
            fachbereich=fachbereiche[i % 10],
            live=True,
            show_in_menus=i < 12,
        )
        index.add_child(instance=page)
        pages.append(page)
    TopicPageContactPerson.objects.bulk_create(
        TopicPageContactPerson(page=page, person=persons[(i + k) % PERSONS], sort_order=k)
        for i, page in enumerate(pages)
        for k in range(2)
    )
    TopicPageFachgruppe.objects.bulk_create(
        TopicPageFachgruppe(page=page, fachgruppe=fachgruppen[i % 20], sort_order=0)
        for i, page in enumerate(pages)
    )
    Publication.topics.through.objects.bulk_create(
        Publication.topics.through(publication=publications[(i * 2 + k) % PUBLICATIONS], page=page)
        for i, page in enumerate(pages)
        for k in range(4)
    )
    return pages[len(pages) // 2]  # thema-500, found again by run.py --reuse-data


if __name__ == "__main__":
    target = generate()
    sys.stdout.write(f"{target.pk}\n")
