"""The v3 OpenAPI document: valid, complete, precise about blocks, and true to the responses."""

import pytest
import schemathesis
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from openapi_spec_validator import validate
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from cms.wsgi import application
from delivery.blocks import BaseStreamBlock
from topics.blocks import FurtherInformationBlock, TopicBodyBlock

EXAMPLES_PER_ENDPOINT = 30
PUBLIC_READ_PATHS = [
    "/api/v3/pages/",
    "/api/v3/pages/find/",
    "/api/v3/pages/{page_id}/",
    "/api/v3/people/contact-persons/",
    "/api/v3/people/contact-persons/{person_id}/",
    "/api/v3/people/fachbereiche/",
    "/api/v3/people/fachgruppen/",
    "/api/v3/publications/",
    "/api/v3/publications/{publication_id}/",
    "/api/v3/topics/",
    "/api/v3/navigation/",
    "/api/v3/site-settings/",
    "/api/v3/search/",
    "/api/v3/search/autocomplete/",
]


@pytest.fixture
def openapi(db, client):
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_openapi_document_is_valid(openapi):
    validate(openapi)  # raises on any violation of the OpenAPI 3.1 specification


def test_openapi_document_covers_every_public_endpoint(openapi):
    for path in PUBLIC_READ_PATHS:
        assert "get" in openapi["paths"].get(path, {}), path
        security = openapi["paths"][path]["get"].get("security")
        assert not security or {} in security, f"{path} must be readable anonymously"


def test_no_operation_has_an_impossible_path_parameter(openapi):
    """Wagtail's snippet router typed ``{type}`` as ``const ""`` with no snippet exposed; it is
    left out of the API (``delivery.snippets``)."""
    for path, operations in openapi["paths"].items():
        assert not path.startswith("/api/v3/snippets/"), path
        for method, operation in operations.items():
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "path":
                    assert parameter["schema"].get("const") != "", (method, path, parameter)


@pytest.mark.parametrize("stream_block", [TopicBodyBlock, FurtherInformationBlock, BaseStreamBlock])
def test_each_block_type_has_its_own_schema(openapi, stream_block):
    schemas = openapi["components"]["schemas"]
    union = schemas[f"{stream_block.__name__}Item"]
    assert union["discriminator"]["propertyName"] == "type"
    mapping = union["discriminator"]["mapping"]
    assert set(mapping) == set(stream_block().child_blocks)
    for block_type, ref in mapping.items():
        item = schemas[ref.rsplit("/", 1)[1]]
        assert item["properties"]["type"]["const"] == block_type
        value = item["properties"]["value"]
        assert value.get("$ref") or value.get("type") == "string", (block_type, value)


def test_topic_page_fields_reference_the_stream_unions(openapi):
    topic = openapi["components"]["schemas"]["TopicPageSchema"]["properties"]
    refs = [branch.get("items", {}).get("$ref") for branch in topic["body"]["anyOf"]]
    assert "#/components/schemas/TopicBodyBlockItem" in refs


@pytest.fixture
def keep_connection():
    """Schemathesis calls the WSGI app directly; like Django's test client, keep the test's
    database connection (and its transaction) open across those requests."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def demo(db, monkeypatch):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "demo-passwort-123")
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_public_endpoints_honour_their_schema(demo, keep_connection):
    """Schemathesis generates requests (valid and invalid) from the document for each public
    endpoint: never a 5xx, never a response that its schema does not describe."""
    schema = schemathesis.openapi.from_wsgi("/api/v3/openapi.json", application)
    operations = [
        result.ok()
        for result in schema.include(method="GET", path=PUBLIC_READ_PATHS).get_all_operations()
    ]
    assert {operation.path for operation in operations} == set(PUBLIC_READ_PATHS)
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_ENDPOINT,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])

        check()
