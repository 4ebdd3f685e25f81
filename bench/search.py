"""Benchmark of the site search on PostgreSQL, side by side with Wagtail's stock search.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/paritaet_bench_search \
        .venv/bin/python bench/search.py

Builds its own database (created if missing, emptied first): the demo content, then one tenth of
the full size (1,000 pages, 2,000 publications, 100 persons), measures, grows to the full size
(10,000 pages, 20,000 publications, 1,000 persons), measures again. Each measurement sends 20
realistic German queries several times and prints p50 and p95 latency in milliseconds of:

- the project's search through /api/v3/search/ (all five types, their counts, excerpts and URLs,
  JSON; also the second page and /api/v3/search/autocomplete/);
- Wagtail's stock database backend (``wagtail.search.backends.database`` with the same
  ``SEARCH_CONFIG``) on the same index, as ``Page.objects.live().public().search(q)`` runs it:
  the first 10 pages and their count (pages only, no HTTP, no excerpts).

It ends with a table of both at both sizes and the growth from one tenth to full size.
Data is generated with bulk inserts and the search index is rebuilt once per size
(``update_index``), as an import would; page tree paths are computed like treebeard does.
"""

import argparse
import io
import os
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/paritaet_bench_search"

FULL = {"pages": 10_000, "publications": 20_000, "persons": 1_000}

QUERIES = [
    "Beratung",
    "Geflüchtete",
    "Schuldnerberatung",
    "Kindertagesbetreuung",
    "Pflege Angehörige",
    "Eingliederungshilfe",
    "Jugendhilfe Schule",
    "Wohnungslosenhilfe",
    "Suchthilfe",
    "Migration",
    "Ehrenamt stärken",
    "Inklusion",
    "Frauenhäuser",
    "Förderprogramm",
    "Stellungnahme Landeshaushalt",
    "Arbeitsmarktintegration",
    "Asylverfahren",
    "Psychosoziale Zentren",
    "Kinderarmut",
    "Teilhabe Menschen mit Behinderung",
]

# Each generated page or publication is about one or two fields of work: their words appear only
# there. Everything else comes from a general vocabulary drawn with Zipf-like frequencies, so
# common words ("Menschen") match most documents and rarer ones ("Landeshaushalt") only some.
FIELDS = {
    "Flüchtlingsarbeit": ["Geflüchtete", "geflüchteten", "Asylverfahren", "Aufenthaltsrecht"],
    "Schuldnerberatung": ["Schuldnerberatung", "Überschuldung", "Insolvenz", "Pfändung"],
    "Kindertagesbetreuung": ["Kindertagesbetreuung", "Kita", "Erzieherinnen", "Betreuungsplätze"],
    "Pflege": ["Pflege", "Angehörige", "Pflegekräfte", "Pflegeheime"],
    "Eingliederungshilfe": ["Eingliederungshilfe", "Behinderung", "Bundesteilhabegesetz"],
    "Jugendhilfe": ["Jugendhilfe", "Jugendliche", "Schule", "Jugendamt"],
    "Wohnungslosenhilfe": ["Wohnungslosenhilfe", "Wohnungslosigkeit", "Notunterkunft"],
    "Suchthilfe": ["Suchthilfe", "Suchtberatung", "Drogenkonsum", "Substitution"],
    "Migration": ["Migration", "Zugewanderte", "Integrationskurse", "Sprachförderung"],
    "Ehrenamt": ["Ehrenamt", "Ehrenamtliche", "Engagement", "Freiwilligenagentur"],
    "Inklusion": ["Inklusion", "Barrierefreiheit", "inklusive", "Schule"],
    "Frauenhäuser": ["Frauenhäuser", "Gewaltschutz", "Frauen", "Schutzplätze"],
    "Arbeitsmarktintegration": ["Arbeitsmarktintegration", "Ausbildung", "Jobcenter"],
    "Psychiatrie": ["Psychosoziale", "Zentren", "psychische", "Traumatisierte"],
    "Kinderarmut": ["Kinderarmut", "Kindergrundsicherung", "Familien", "Armut"],
    "Selbsthilfe": ["Selbsthilfe", "Selbsthilfegruppen", "Gesundheit"],
    "Altenhilfe": ["Altenhilfe", "Senioren", "Quartier", "Einsamkeit"],
    "Straffälligenhilfe": ["Straffälligenhilfe", "Haftentlassene", "Resozialisierung"],
    "Schulsozialarbeit": ["Schulsozialarbeit", "Schule", "Schülerinnen", "Bildung"],
    "Familienbildung": ["Familienbildung", "Eltern", "Familien", "Erziehung"],
}
NAMES_FIRST = ["Anna", "Ben", "Clara", "Deniz", "Elif", "Farid", "Greta", "Hannah", "Ivan", "Jana"]
NAMES_LAST = ["Becker", "Demir", "Fischer", "Hoffmann", "Kaya", "Lange", "Müller", "Neumann"]
# Most frequent first (the weights fall with the rank).
GENERAL_TEXT = """
der die das und für mit von zu den im in auf bei nach über unter sowie auch nicht
Menschen Angebote Verband Mitgliedsorganisationen Beratung Unterstützung Land Kommunen
Förderung Finanzierung Fachkräfte Träger Qualität Praxis Teilhabe Vernetzung Zugang
Rahmenbedingungen Weiterentwicklung Qualifizierung Rechte Schutz Arbeit soziale sozialen
Hilfen Angebot Beratungsstellen Projekt Förderprogramm Richtlinie Gesetz Entwurf
Stellungnahme Positionspapier Arbeitshilfe Fachtag Dokumentation Jahresbericht Umsetzung
Landesregierung Landeshaushalt Kürzungen Bedarfe Standards Evaluation Modellprojekt
Digitalisierung Fortbildung Tarif Personal Fachkräftemangel Wohlfahrtspflege Kooperation
Sozialraum Prävention Krisen Landesförderprogramm Bundesmittel Antragstellung Fristen
"""
GENERAL = GENERAL_TEXT.split()
GENERAL_WEIGHTS = [1 / (rank + 1) for rank in range(len(GENERAL))]


def setup_django(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django

    django.setup()


def ensure_database(database_url):
    import psycopg

    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    admin_url = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def text(rng, words, fields):
    """About ``words`` words: general vocabulary with some words of the given fields mixed in."""
    field_words = [w for f in fields for w in (f, *FIELDS[f])]
    tokens = rng.choices(GENERAL, weights=GENERAL_WEIGHTS, k=words)
    for position in rng.sample(range(words), k=max(1, words // 25)):
        tokens[position] = rng.choice(field_words)
    sentences = [" ".join(tokens[i : i + 12]) for i in range(0, words, 12)]
    return " ".join(s[0].upper() + s[1:] + "." for s in sentences)


def fields_of(rng):
    return rng.sample(list(FIELDS), k=rng.choice([1, 1, 2]))


def child_paths(parent, count):
    """Treebeard materialised paths for ``count`` new children of ``parent``."""
    from wagtail.models import Page

    last = parent.get_last_child()
    start = int(last.path[-Page.steplen :], 36) + 1 if last else 1
    for number in range(start, start + count):
        yield parent.path + _step(number)


def _step(number):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while number:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
    return out.rjust(4, "0")


def insert_pages(rng, index_page, model, count, offset):
    """Bulk insert ``count`` live pages of ``model`` below ``index_page`` (no signals)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from wagtail.models import Locale, Page
    from wagtail.rich_text import RichText

    content_type = ContentType.objects.get_for_model(model)
    locale = Locale.get_default()
    rows = []
    topics = []
    for n, path in enumerate(child_paths(index_page, count), start=offset):
        fields = fields_of(rng)
        topics.append(fields)
        title = f"{fields[0]} {rng.choice(['in NRW', 'vor Ort', 'im Quartier', 'heute'])} {n}"
        slug = f"bench-{model._meta.model_name}-{n}"
        rows.append(
            Page(
                title=title,
                draft_title=title,
                slug=slug,
                path=path,
                depth=index_page.depth + 1,
                numchild=0,
                url_path=f"{index_page.url_path}{slug}/",
                content_type=content_type,
                locale=locale,
                live=True,
                has_unpublished_changes=False,
            )
        )
    pages = Page.objects.bulk_create(rows, batch_size=2000)
    Page.objects.filter(pk=index_page.pk).update(numchild=index_page.numchild + len(pages))
    index_page.refresh_from_db()

    from wagtail.blocks import StreamValue

    table = model._meta.db_table
    body_block = model._meta.get_field("body").stream_block
    values = []
    for page, fields in zip(pages, topics, strict=True):
        body = StreamValue(
            body_block,
            [
                (
                    "section",
                    {
                        "heading": f"{rng.choice(FIELDS[fields[0]])}: {rng.choice(GENERAL[20:])}",
                        "text": RichText(f"<p>{text(rng, 120, fields)}</p>"),
                    },
                )
                for _ in range(3)
            ],
        )
        values.append((page.pk, text(rng, 40, fields), body_block.get_prep_value(body)))
    import json

    extra = (
        ", hero_image_alt, hero_image_decorative, further_information"
        if model._meta.model_name == "topicpage"
        else ""
    )
    extra_values = ", '', false, '[]'" if extra else ""
    # The Leichte Sprache metadata (not null, empty for a standard-German page).
    extra += ", easy_read_checked_by, easy_read_seal"
    extra_values += ", '', ''"
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (page_ptr_id, intro, body{extra}) "  # noqa: S608 – fixed names
            f"VALUES (%s, %s, %s{extra_values})",
            [(pk, intro, json.dumps(body)) for pk, intro, body in values],
        )


def insert_publications(rng, count, offset):
    from wagtail.models import Collection

    from documents.models import Publication, PublicationType

    root = Collection.get_first_root_node()
    types = [choice for choice, _label in PublicationType.choices]
    rows = []
    for n in range(offset, offset + count):
        fields = fields_of(rng)
        kind = rng.choice(["Arbeitshilfe", "Broschüre", "Positionspapier", "Stellungnahme"])
        rows.append(
            Publication(
                title=f"{kind} {fields[0]} {n}",
                file=f"documents/bench-{n}.pdf",
                file_size=100_000,
                file_hash="",
                collection=root,
                description=text(rng, 30, fields),
                full_text=text(rng, 600, fields),
                publication_type=rng.choice(types),
                language="de",
            )
        )
    Publication.objects.bulk_create(rows, batch_size=1000)


def insert_persons(rng, count, offset):
    from people.models import ContactPerson

    ContactPerson.objects.bulk_create(
        [
            ContactPerson(
                first_name=rng.choice(NAMES_FIRST),
                last_name=f"{rng.choice(NAMES_LAST)}{n}",
                role=f"Fachreferentin {rng.choice(list(FIELDS))}",
                live=True,
            )
            for n in range(offset, offset + count)
        ],
        batch_size=1000,
    )


def grow_to(rng, target, have):
    from wagtail.models import Site

    from home.models import StandardPage
    from topics.models import TopicIndexPage, TopicPage

    themen = TopicIndexPage.objects.get(locale__language_code="de")
    home = Site.objects.get(is_default_site=True).root_page
    # Nine in ten pages are topic pages, the rest standard pages.
    topic_count = target["pages"] * 9 // 10 - have["pages"] * 9 // 10
    standard_count = (target["pages"] - have["pages"]) - topic_count
    insert_pages(rng, themen, TopicPage, topic_count, have["pages"])
    insert_pages(rng, home.specific, StandardPage, standard_count, have["pages"])
    insert_publications(rng, target["publications"] - have["publications"], have["publications"])
    insert_persons(rng, target["persons"] - have["persons"], have["persons"])


def rebuild_index():
    from django.core.management import call_command

    started = time.monotonic()
    call_command("update_index", stdout=io.StringIO())
    # As autovacuum would after a bulk import: the planner needs statistics on the new entries,
    # and the rows the rebuild replaced are cleared away.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    return time.monotonic() - started


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def measure(repeat):
    from django.conf import settings
    from django.test import Client
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    config = settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIG")
    stock = get_search_backend("wagtail.search.backends.database", SEARCH_CONFIG=config)

    def stock_search(q):
        found = stock.search(q, Page.objects.live().public())
        list(found[:10])
        return found.count()

    # The search itself, not the response cache: without it every repeat would be a cache hit
    # (and bulk inserts announce no change, so the one-tenth answers would stay).
    settings.MIDDLEWARE = [
        m for m in settings.MIDDLEWARE if not m.endswith("ResponseCacheMiddleware")
    ]
    client = Client()
    results = {}
    per_query = []
    for name, path, extra in (
        ("search", "/api/v3/search/", {}),
        ("search, 2nd page", "/api/v3/search/", {"offset": 10}),
        ("autocomplete", "/api/v3/search/autocomplete/", {}),
        ("Wagtail stock", None, {}),
    ):
        samples, hits = [], []
        for query in QUERIES:
            q = query if name != "autocomplete" else query.split()[0][:5]
            if path is None:
                stock_search(q)  # warm up
            else:
                client.get(path, {"q": q, **extra})  # warm up
            for _ in range(repeat):
                started = time.perf_counter()
                if path is None:
                    count = stock_search(q)
                else:
                    response = client.get(path, {"q": q, **extra})
                samples.append((time.perf_counter() - started) * 1000)
                if path is not None:
                    assert response.status_code == 200, response.content[:300]
            if name == "search":
                hits.append(response.json()["count"])
                per_query.append((statistics.median(samples[-repeat:]), q, hits[-1]))
            elif path is None:
                hits.append(count)
        results[name] = (samples, hits)
    per_query.sort(reverse=True)
    results["slowest"] = per_query[:3]
    return results


def report(label, counts, index_seconds, results):
    print(
        f"\n== {label}: {counts['pages']:,} pages, {counts['publications']:,} publications, "
        f"{counts['persons']:,} persons (index rebuilt in {index_seconds:.1f} s)"
    )
    slowest = results.pop("slowest")
    for name, (samples, hits) in results.items():
        line = (
            f"  {name:<17} n={len(samples):>3}  p50 {statistics.median(samples):7.1f} ms  "
            f"p95 {percentile(samples, 0.95):7.1f} ms  max {max(samples):7.1f} ms"
        )
        if hits:
            line += f"  (hits per query: median {int(statistics.median(hits)):,})"
        if name == "Wagtail stock":
            line += " pages only"
        print(line, flush=True)
    print(
        "  slowest queries: "
        + "; ".join(f"„{q}“ {ms:.0f} ms ({hits:,} hits)" for ms, q, hits in slowest),
        flush=True,
    )


def summary(measured):
    """Both searches at both sizes, side by side, and the growth from one tenth to full."""
    print(
        "\n== side by side (ms)" + " " * 17 + "one tenth p50/p95    full size p50/p95    growth p50"
    )
    for name, label in (
        ("search", "project: /api/v3/search/"),
        ("Wagtail stock", "Wagtail stock Page…search()"),
    ):
        tenth, full = measured["one tenth"][name][0], measured["full size"][name][0]
        t50, f50 = statistics.median(tenth), statistics.median(full)
        print(
            f"  {label:<34} {t50:7.1f} / {percentile(tenth, 0.95):7.1f}    "
            f"{f50:7.1f} / {percentile(full, 0.95):7.1f}    {f50 / t50:5.2f}×"
        )
    print("  goal for the project at full size: p50 < 30 ms, p95 < 100 ms, growth ≤ 2×")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", DEFAULT_URL))
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per query")
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full size")
    args = parser.parse_args()
    if not args.database_url.startswith("postgres"):
        parser.error("needs PostgreSQL: set DATABASE_URL or --database-url")

    ensure_database(args.database_url)
    setup_django(args.database_url)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", stdout=io.StringIO())

    rng = random.Random(2026)  # noqa: S311 – reproducible test data, not security
    full = {key: int(value * args.scale) for key, value in FULL.items()}
    tenth = {key: value // 10 for key, value in full.items()}
    have = {"pages": 0, "publications": 0, "persons": 0}
    measured = {}
    for label, target in (("one tenth", tenth), ("full size", full)):
        started = time.monotonic()
        grow_to(rng, target, have)
        have = dict(target)
        print(f"generated {label} in {time.monotonic() - started:.1f} s", flush=True)
        index_seconds = rebuild_index()
        measured[label] = measure(args.repeat)
        report(label, target, index_seconds, dict(measured[label]))
    summary(measured)


if __name__ == "__main__":
    main()
