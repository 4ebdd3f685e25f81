"""How a hit is presented, on the demo content: its type, where it lives (trail), and an excerpt
that explains the hit, from the body or the description, never a PDF's cover page."""

import re

from bs4 import BeautifulSoup

from documents.models import Publication

BROWSER = {"HTTP_ACCEPT": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
LEITFADEN = "Soziale Beratung für Geflüchtete – Leitfaden"
# What the demo PDFs' cover pages say (demo/media.py): type line, title, association's name.
COVER_WORDS = ("BROSCHÜRE", "Der Paritätische NRW", "Beispielpublikation der Demo-Installation")


def page_results(client, **params):
    response = client.get("/suche/", params, **BROWSER)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        " ".join(item.h3.get_text().split()): {
            "type": item.select_one(".search-result__type").get_text(strip=True),
            "trail": [li.get_text(strip=True) for li in item.select(".search-result__trail li")],
            "excerpt": item.select_one(".search-result__excerpt").decode_contents()
            if item.select_one(".search-result__excerpt")
            else "",
        }
        for item in soup.select("li.search-result")
    }


def api_results(client, **params):
    response = client.get("/api/v3/search/", params)
    assert response.status_code == 200
    return {item["title"]: item for item in response.json()["items"]}


def test_a_hit_in_a_publications_body_shows_the_sentence_around_the_word(demo, client):
    publication = Publication.objects.get(title=LEITFADEN)
    cover, body = publication.full_text.split("\f", 1)
    assert "Der Paritätische NRW" in cover and "Sozialrecht" in body  # the file has both

    shown = page_results(client, q="Sozialrecht")[LEITFADEN]
    said = api_results(client, q="Sozialrecht")[LEITFADEN]
    assert shown["excerpt"] == said["excerpt"]
    excerpt = said["excerpt"]
    assert "<mark>Sozialrecht</mark>" in excerpt
    # The words around the hit are the body's sentence, in the body's order ...
    plain = " ".join(re.sub(r"</?mark>", "", excerpt).strip("… ").split())
    assert "Aufenthalts- und Sozialrecht begleiten." in plain
    assert plain in " ".join(body.split())
    # ... and nothing of the cover: no type line, no repeated title, no association's name.
    for words in (*COVER_WORDS, "Soziale Beratung für"):
        assert words not in excerpt


def test_a_hit_only_in_the_title_shows_the_description_not_the_cover(demo, client):
    # "Geflüchtete" is in the title (on the cover and as the body page's heading), not in the
    # description or the body's sentences: the description explains the hit.
    publication = Publication.objects.get(title=LEITFADEN)
    said = api_results(client, q="Geflüchtete", type="publication")[LEITFADEN]
    assert said["excerpt"] == publication.description
    shown = page_results(client, q="Geflüchtete", type="publication")[LEITFADEN]
    assert shown["excerpt"] == publication.description
    for words in COVER_WORDS:
        assert words not in said["excerpt"]


def test_every_hit_has_a_type_badge_and_the_trail_to_where_it_lives(demo, client):
    shown = page_results(client, q="Flüchtlingsarbeit")
    said = api_results(client, q="Flüchtlingsarbeit")
    topic = shown["Flüchtlingsarbeit"]
    assert topic["type"] == "Thema"
    assert topic["trail"] == ["Startseite", "Themen"]
    # A contact person's trail ends at the topic page that shows them.
    person = shown["Janine Metelmann"]
    assert person["type"] == "Ansprechperson"
    assert person["trail"] == ["Startseite", "Themen", "Flüchtlingsarbeit"]
    # A publication lives in the library (its link is the file).
    publications = page_results(client, q="Geflüchtete", type="publication")
    assert publications and all(
        hit["trail"] == ["Startseite", "Publikationen"] and hit["type"] == "Publikation"
        for hit in publications.values()
    )
    # The API says the same.
    for title, hit in shown.items():
        assert said[title]["trail"] == hit["trail"], title
        assert said[title]["type_label"] == hit["type"], title


def test_types_without_hits_are_not_offered_as_filters(demo, client):
    response = client.get("/suche/", {"q": "Sozialrecht"}, **BROWSER)
    soup = BeautifulSoup(response.content, "html.parser")
    filters = [" ".join(a.get_text().split()) for a in soup.select(".search-filter a")]
    assert filters and not any(label.endswith("(0)") for label in filters), filters
    # A type chosen by its link stays offered (and marked) even without hits.
    response = client.get("/suche/", {"q": "Sozialrecht", "type": "person"}, **BROWSER)
    soup = BeautifulSoup(response.content, "html.parser")
    current = soup.select_one(".search-filter a[aria-current]")
    assert " ".join(current.get_text().split()) == "Ansprechpersonen (0)"
