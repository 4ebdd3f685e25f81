"""The two OpenAPI documents: the read document holds every anonymous read and nothing else,
each answering anonymously on the demo content; the token document holds the write and admin
operations; every operation documents its errors; the page detail union has a discriminator
that the responses honour."""

import pytest
from openapi_spec_validator import validate

from preview.models import FrontendPreview

READ_DOCUMENT = "/api/v3/openapi.json"
TOKEN_DOCUMENT = "/api/v3/openapi-admin.json"
SEED = "/themen/fluechtlingsarbeit/"


def operations(document):
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


@pytest.fixture
def read(db, client):
    response = client.get(READ_DOCUMENT)
    assert response.status_code == 200
    return response.json()


@pytest.fixture
def token(db, client):
    response = client.get(TOKEN_DOCUMENT)
    assert response.status_code == 200
    return response.json()


def test_both_documents_are_valid_openapi(read, token):
    validate(read)
    validate(token)


def test_read_document_has_only_anonymous_gets(read):
    for path, method, operation in operations(read):
        assert method == "get", (method, path)
        security = operation.get("security")
        assert not security or {} in security, (path, security)


def test_token_document_has_every_write_and_says_it_needs_a_token(read, token):
    assert "BearerTokenAuth" in token["components"]["securitySchemes"]
    write_methods = set()
    for path, method, operation in operations(token):
        write_methods.add(method)
        assert operation["security"] == [{"BearerTokenAuth": []}], (method, path)
        assert {"401", "403"} <= set(operation["responses"]), (method, path)
        assert path not in read["paths"] or method not in read["paths"][path]
    assert {"post", "patch", "put", "delete"} <= write_methods
    assert "/api/v3/whoami/" in token["paths"] and "/api/v3/sites/" in token["paths"]


def test_read_document_carries_no_write_schema(read):
    names = set(read["components"]["schemas"])
    assert not {name for name in names if "Create" in name or "Patch" in name}, names


def test_every_read_documents_its_errors_as_problem_json(read):
    problem = read["components"]["schemas"]["Problem"]
    assert {"type", "title", "status"} <= set(problem["required"])
    for path, _method, operation in operations(read):
        responses = operation["responses"]
        assert {"200", "304", "400", "422", "503"} <= set(responses), path
        for status, answer in responses.items():
            if status.startswith(("4", "5")):
                content = answer["content"]
                assert list(content) == ["application/problem+json"], (path, status)
                assert content["application/problem+json"]["schema"] == {
                    "$ref": "#/components/schemas/Problem"
                }
        assert "Retry-After" in responses["503"]["headers"], path
    search = read["paths"]["/api/v3/search/"]["get"]["responses"]
    assert "Retry-After" in search["429"]["headers"]
    assert "403" in read["paths"]["/api/v3/preview/{page_id}/"]["get"]["responses"]
    assert "302" in read["paths"]["/api/v3/pages/find/"]["get"]["responses"]


def test_page_detail_union_is_discriminated_by_a_top_level_type(read):
    schemas = read["components"]["schemas"]
    union = schemas["PageDetail"]
    mapping = union["discriminator"]["mapping"]
    assert union["discriminator"]["propertyName"] == "type"
    assert "topics.TopicPage" in mapping and "home.HomePage" in mapping
    assert sorted(branch["$ref"] for branch in union["oneOf"]) == sorted(mapping.values())
    for label, ref in mapping.items():
        schema = schemas[ref.rsplit("/", 1)[1]]
        assert schema["properties"]["type"]["const"] == label
        assert "type" in schema["required"]
    for path in ("/api/v3/pages/{page_id}/", "/api/v3/page-by-path/", "/api/v3/preview/{page_id}/"):
        ok = read["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
        assert ok["schema"] == {"$ref": "#/components/schemas/PageDetail"}, path


def anonymous_request(client, path, demo_ids):
    """A real anonymous request for each operation of the read document, on the demo."""
    concrete = path
    query = {}
    for name, value in demo_ids.items():
        concrete = concrete.replace("{" + name + "}", str(value))
    if path in ("/api/v3/pages/find/", "/api/v3/page-by-path/"):
        query["html_path"] = SEED
    if path in ("/api/v3/search/", "/api/v3/search/autocomplete/"):
        query["q"] = "Beratung"
    if path == "/api/v3/redirects/find/":
        query["html_path"] = "/gibt-es-nicht/"
    if path == "/api/v3/preview/{page_id}/":
        from wagtail.models import Page

        query["token"] = FrontendPreview.issue(Page.objects.get(pk=demo_ids["page_id"]).specific)
    return client.get(concrete, query, HTTP_ACCEPT="application/json")


def first_id(client, listing):
    return client.get(listing).json()["items"][0]["id"]


def test_every_read_answers_anonymously_on_the_demo(demo, client, read):
    """Each operation of the read document, called without any credentials, answers with what
    it documents for success (the redirect finder's 404 for an unknown path is its answer
    when no redirect exists)."""
    seed = client.get("/api/v3/page-by-path/", {"html_path": SEED}).json()
    ids = {
        "page_id": seed["id"],
        "person_id": first_id(client, "/api/v3/people/contact-persons/"),
        "publication_id": first_id(client, "/api/v3/publications/"),
        "document_id": first_id(client, "/api/v3/documents/"),
        "image_id": first_id(client, "/api/v3/images/"),
        "term_id": first_id(client, "/api/v3/glossary/terms/"),
    }
    answered = {}
    for path, _method, operation in operations(read):
        if path == "/api/v3/redirects/{redirect_id}/":
            continue  # the demo has no redirect (the listing below is empty)
        response = anonymous_request(client, path, ids)
        answered[path] = response.status_code
        expected = {"200"} | ({"302"} if "302" in operation["responses"] else set())
        if path == "/api/v3/redirects/find/":
            expected = {"404"}
        assert str(response.status_code) in expected, (path, response.status_code)
    assert len(answered) == len(read["paths"]) - 1
    assert client.get("/api/v3/redirects/").json()["count"] == 0


def test_page_details_carry_their_type_at_the_top_level(demo, client):
    for item in client.get("/api/v3/pages/", {"limit": 100}).json()["items"]:
        detail = client.get(f"/api/v3/pages/{item['id']}/").json()
        assert detail["type"] == detail["meta"]["type"] == item["meta"]["type"]
    v2 = client.get("/api/v2/pages/find/", {"html_path": SEED}, follow=True).json()
    assert "type" not in v2 and v2["meta"]["type"] == "topics.TopicPage"  # v2 as Wagtail has it


def test_documents_follow_the_docs_switch(client, db, settings):
    settings.WAGTAILAPI_DOCS_ENABLED = False
    assert client.get(READ_DOCUMENT).status_code == 404
    assert client.get(TOKEN_DOCUMENT).status_code == 404
