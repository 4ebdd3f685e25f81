"""The seed topic page, fetched anonymously as a frontend would: find by path, follow the
redirect to the detail, and render everything from that one response."""

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.files.storage import default_storage

from demo import content
from topics.models import TopicPage

SEED = Path(__file__).resolve().parents[2] / "demo" / "topic-page-fluechtlingsarbeit.txt"
# Lines of the seed that are the site's chrome or labels of the page layout, not content.
NOT_CONTENT = {
    "Der Paritätische NRW",
    "Navigation",
    "Zuordnung des Themas im Verband",
    "Ansprechpersonen",
}
FIND = {
    "v2": "/api/v2/pages/find/?html_path=/themen/fluechtlingsarbeit/",
    "v3": "/api/v3/pages/find/?html_path=/themen/fluechtlingsarbeit/",
}


def follow(client, url):
    """GET ``url`` and follow one redirect (find/ answers with the detail's address)."""
    response = client.get(url)
    assert response.status_code == 302, response.content
    location = urlsplit(response["Location"])
    return client.get(location.path, query_string=location.query)


def texts(data):
    """Every string in a JSON document, HTML tags removed."""
    if isinstance(data, dict):
        return [t for value in data.values() for t in texts(value)]
    if isinstance(data, list):
        return [t for value in data for t in texts(value)]
    return [re.sub(r"<[^>]+>", "", data)] if isinstance(data, str) else []


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_find_then_detail_renders_the_whole_seed_page(demo, client, version):
    response = follow(client, FIND[version])
    assert response.status_code == 200
    page = response.json()
    assert page["id"] == TopicPage.objects.get(slug="fluechtlingsarbeit").pk
    all_text = "\n".join(texts(page))

    fachbereich_line, fachgruppe_line = None, None
    for line in SEED.read_text(encoding="utf-8").splitlines():
        line = line.strip().rstrip(":")
        if not line or line in NOT_CONTENT:
            continue
        if line.startswith("Fachbereich "):
            fachbereich_line = line
        elif line.startswith("Fachgruppe "):
            fachgruppe_line = line
        else:
            assert line in all_text, f"seed text missing from the {version} response: {line!r}"

    # "Fachbereich Migration und Flüchtlingsarbeit"
    assert fachbereich_line == f"Fachbereich {page['fachbereich']['name']}"
    # "Fachgruppe Migration, … (Fachgruppenleitung: David Alexander Konrad)"
    [fachgruppe] = page["fachgruppen"]
    assert fachgruppe_line == (
        f"Fachgruppe {fachgruppe['name']} (Fachgruppenleitung: {fachgruppe['lead']['name']})"
    )
    assert fachgruppe["fachbereich"]["name"] == content.FACHBEREICH

    hero = page["hero"]
    assert hero["alt"] == "Drei junge Männer, einer lacht in die Kamera"
    assert [r["width"] for r in hero["renditions"]] == [640, 1024, 1600]
    for rendition in hero["renditions"]:
        assert rendition["url"].startswith("http://testserver/media/")
        assert rendition["height"] == rendition["width"] * hero["height"] // hero["width"]
        assert default_storage.exists(urlsplit(rendition["url"]).path.removeprefix("/media/"))

    persons = [(p["name"], p["role"]) for p in page["contact_persons"]]
    assert persons == [(f"{first} {last}", role) for first, last, role in content.CONTACT_PERSONS]
    for person in page["contact_persons"]:
        assert person["photo"]["alt"] == person["name"]
        assert {r["spec"] for r in person["photo"]["renditions"]} == {
            "fill-160x160",
            "fill-320x320",
        }

    titles = {p["title"] for p in page["publications"]}
    assert titles == {title for title, *_ in content.PUBLICATIONS}
    for publication in page["publications"]:
        assert publication["type_label"] and publication["date"] and publication["file_size"]
        download = client.get(urlsplit(publication["download_url"]).path)
        assert download.status_code == 200
        assert b"".join(download.streaming_content).startswith(b"%PDF-")

    # No reference is a bare id: every dict that has an id carries more than the id.
    def check(value):
        if isinstance(value, dict):
            assert set(value) - {"id", "type"} or "value" in value, value
            for item in value.values():
                check(item)
        elif isinstance(value, list):
            for item in value:
                check(item)

    check(page)


def test_v2_and_v3_resolve_the_same_content(demo, client):
    v2 = follow(client, FIND["v2"]).json()
    v3 = follow(client, FIND["v3"]).json()
    fields = ["intro", "hero", "body", "fachbereich", "fachgruppen", "contact_persons"]
    fields += ["publications", "further_information"]
    for field in fields:
        assert json.dumps(v2[field], sort_keys=True) == json.dumps(v3[field], sort_keys=True)
