"""The API in every language: locale filters, each page's ``translations``, page-by-path for
prefixed paths, the anonymous language list; nothing hidden through a translation."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, PageViewRestriction

from topics.models import TopicPage

BASE = "http://testserver"
SEED_PATHS = {
    "de": "/themen/fluechtlingsarbeit/",
    "de-x-ls": "/de-x-ls/themen-leichte-sprache/hilfe-fuer-fluechtlinge/",
    "en": "/en/topics/refugee-work/",
    "ar": "/ar/mawadi/al-amal-maa-al-lajiin/",
}


def seeds():
    german = TopicPage.objects.get(slug="fluechtlingsarbeit")
    return {page.locale.language_code: page for page in german.get_translations(inclusive=True)}


def expected_translations(pages, without):
    return [
        {
            "id": pages[code].pk,
            "locale": code,
            "title": pages[code].title,
            "html_url": BASE + SEED_PATHS[code],
            "api_v2_url": f"{BASE}/api/v2/pages/{pages[code].pk}/",
            "api_v3_url": f"{BASE}/api/v3/pages/{pages[code].pk}/",
        }
        for code in ("de", "de-x-ls", "en", "ar")
        if code != without and code in pages
    ]


@pytest.mark.parametrize("code", ["de", "de-x-ls", "en", "ar"])
def test_each_seed_page_lists_exactly_its_live_translations(demo, client, code):
    pages = seeds()
    page = pages[code]
    v2 = client.get(f"/api/v2/pages/{page.pk}/").json()
    v3 = client.get(f"/api/v3/pages/{page.pk}/").json()
    assert v2["meta"]["locale"] == v3["meta"]["locale"] == code
    assert v2["translations"] == v3["translations"] == expected_translations(pages, code)


def test_listings_filter_by_locale(demo, client):
    pages = seeds()
    v2 = client.get("/api/v2/pages/", {"locale": "en", "limit": 100}).json()
    v3 = client.get("/api/v3/pages/", {"locale": "ar", "limit": 100}).json()
    english = {item["id"] for item in v2["items"]}
    arabic = {item["id"] for item in v3["items"]}
    assert pages["en"].pk in english and pages["de"].pk not in english
    assert pages["ar"].pk in arabic and pages["de"].pk not in arabic
    assert english == set(
        Page.objects.live().filter(locale__language_code="en").values_list("pk", flat=True)
    )
    assert {item["meta"]["locale"] for item in v3["items"]} == {"ar"}
    assert client.get("/api/v2/pages/", {"locale": "xx"}).status_code in (400, 404)
    assert client.get("/api/v3/pages/", {"locale": "xx"}).status_code == 404


def test_page_by_path_answers_every_prefixed_demo_path(demo, client):
    prefixed = [
        page for page in Page.objects.live().exclude(locale__language_code="de").filter(depth__gt=1)
    ]
    assert len(prefixed) >= 9
    for page in prefixed:
        path = page.get_url_parts()[2]
        assert path.startswith(("/en/", "/ar/", "/de-x-ls/")), path
        response = client.get("/api/v3/page-by-path/", {"html_path": path})
        assert response.status_code == 200, path
        assert response.json()["id"] == page.pk
    for path in ("/fa/", "/en/themen/fluechtlingsarbeit/", "/xx/topics/"):
        assert client.get("/api/v3/page-by-path/", {"html_path": path}).status_code == 404, path


def test_the_languages_list_answers_anonymously(demo, client):
    response = client.get("/api/v3/languages/")
    assert response.status_code == 200
    languages = response.json()
    assert [item["code"] for item in languages] == [
        "de",
        "de-x-ls",
        "en",
        "ar",
        "fa",
        "uk",
        "ru",
        "tr",
    ]
    by_code = {item["code"]: item for item in languages}
    assert by_code["ar"]["direction"] == by_code["fa"]["direction"] == "rtl"
    assert by_code["ar"]["own_name"] == "العربية"
    assert by_code["de-x-ls"]["name"] == "Leichte Sprache"
    assert by_code["de"]["is_default"] and not by_code["en"]["is_default"]
    assert by_code["en"]["home"]["url"] == BASE + "/en/"
    assert by_code["fa"]["home"] is None
    # Wagtail's own locale list stays the token API's.
    assert client.get("/api/v3/locales/").status_code == 401


def test_the_openapi_document_types_the_new_fields(client):
    document = client.get("/api/v3/openapi.json").json()
    schemas = document["components"]["schemas"]
    translation = schemas["TranslationValue"]
    assert set(translation["required"]) == {
        "id",
        "locale",
        "title",
        "html_url",
        "api_v2_url",
        "api_v3_url",
    }
    topic = next(
        s
        for name, s in schemas.items()
        if name.startswith("TopicPage") and "translations" in s.get("properties", {})
    )
    assert "translations" in topic["required"]
    assert "/api/v3/languages/" in document["paths"]
    assert "/api/v3/locales/" not in document["paths"]


def hide(shape, page):
    if shape == "draft":
        page.unpublish()
    elif shape == "password":
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
        )
    elif shape == "groups":
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(Group.objects.get_or_create(name="Vorstand")[0])
    else:
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


@pytest.mark.parametrize("shape", ["draft", "password", "login", "groups"])
def test_a_hidden_translation_appears_nowhere_in_the_apis(demo, client, shape):
    pages = seeds()
    hidden = pages["ar"]
    hide(shape, hidden)
    for code in ("de", "en", "de-x-ls"):
        page = pages[code]
        for url in (f"/api/v2/pages/{page.pk}/", f"/api/v3/pages/{page.pk}/"):
            body = client.get(url).json()
            assert hidden.pk not in [t["id"] for t in body["translations"]], url
            assert hidden.title not in str(body)
    for url in ("/api/v2/pages/", "/api/v3/pages/"):
        listing = client.get(url, {"locale": "ar", "limit": 100}).json()
        assert hidden.pk not in {item["id"] for item in listing["items"]}, url
    assert client.get(f"/api/v2/pages/{hidden.pk}/").status_code == 404
    assert client.get(f"/api/v3/pages/{hidden.pk}/").status_code == 404
    assert client.get("/api/v3/page-by-path/", {"html_path": SEED_PATHS["ar"]}).status_code == 404
    search = client.get("/api/v3/search/", {"q": "اللاجئين"})
    assert search.status_code == 200
    assert hidden.title not in search.content.decode()


def test_the_topics_listing_filters_by_locale(demo, client):
    pages = seeds()
    everything = client.get("/api/v3/topics/", {"limit": 100}).json()["items"]
    assert {pages[code].pk for code in pages} <= {item["id"] for item in everything}
    english = client.get("/api/v3/topics/", {"locale": "en", "limit": 100}).json()["items"]
    assert [item["id"] for item in english] == [pages["en"].pk]
    german = client.get("/api/v3/topics/", {"locale": "de", "limit": 100}).json()["items"]
    assert pages["de"].pk in {item["id"] for item in german}
    assert pages["ar"].pk not in {item["id"] for item in german}
    assert client.get("/api/v3/topics/", {"locale": "xx"}).status_code == 404


SECRET = "Geheimwortxyz"


@pytest.fixture
def private_link(demo):
    """A publication in a collection for logged-in users only, linked from the Arabic seed
    page's rich text (and tagged with it); the page itself is public."""
    from django.core.files.base import ContentFile
    from wagtail.models import Collection, CollectionViewRestriction
    from wagtail.rich_text import RichText

    from demo.media import publication_pdf
    from documents.factories import PublicationFactory

    collection = Collection.get_first_root_node().add_child(name="Intern (Übersetzungen)")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    arabic = seeds()["ar"].specific
    document = PublicationFactory(
        title=f"Internal guide {SECRET}",
        collection=collection,
        file=ContentFile(publication_pdf(SECRET, [f"{SECRET} confidential."]), name="intern.pdf"),
        topics=[arabic],
    )
    link = f'<p>داخلي: <a linktype="document" id="{document.pk}">الدليل</a>.</p>'
    arabic.body = [("text", RichText(link)), *[(c.block_type, c.value) for c in arabic.body]]
    arabic.save_revision().publish()
    return document, arabic


def test_a_private_document_linked_from_a_translation_appears_nowhere_in_the_apis(
    client, private_link
):
    document, arabic = private_link
    secret = (document.title, f"/documents/{document.pk}/", SECRET)
    pages = seeds()
    for code, page in pages.items():
        for url in (f"/api/v2/pages/{page.pk}/", f"/api/v3/pages/{page.pk}/"):
            body = client.get(url).content.decode()
            assert not any(text in body for text in secret), url
            # The page with the link stays among the translations.
            if code != "ar":
                assert arabic.pk in [t["id"] for t in client.get(url).json()["translations"]]
    v3 = client.get(f"/api/v3/pages/{arabic.pk}/").json()
    assert "الدليل" in str(v3["body"])  # the link's text stays, without the link
    by_path = client.get("/api/v3/page-by-path/", {"html_path": SEED_PATHS["ar"]})
    assert by_path.status_code == 200
    assert not any(text in by_path.content.decode() for text in secret)
    for url in ("/api/v2/documents/", "/api/v3/publications/"):
        listing = client.get(url, {"limit": 100}).json()
        assert document.pk not in {item["id"] for item in listing["items"]}, url
    assert client.get(f"/api/v2/documents/{document.pk}/").status_code == 404
    assert client.get(f"/api/v3/publications/{document.pk}/").status_code == 404
    for query in (SECRET, "الدليل"):
        search = client.get("/api/v3/search/", {"q": query})
        assert search.status_code == 200
        assert not any(text in search.content.decode() for text in secret[:2]), query
