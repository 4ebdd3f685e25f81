"""The v3 OpenAPI document: valid, complete, precise about blocks and page fields, and true to
the responses."""

import types
import typing
from contextlib import contextmanager

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from openapi_spec_validator import validate
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import get_page_models

from api.fields import PageValueField
from blocks.base import ResolvedStreamBlock
from cms.wsgi import application

EXAMPLES_PER_OPERATION = 15
# Known public reads: the document must keep offering them (the schemathesis test below covers
# whatever the document lists, so this guards against an operation silently dropping out).
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
    "/api/v3/languages/",
    "/api/v3/search/",
    "/api/v3/search/autocomplete/",
]


@pytest.fixture
def openapi(db, client):
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    return response.json()


def public_reads(openapi):
    """Paths whose GET an anonymous reader may call: no security requirement, or ``{}``."""
    paths = []
    for path, operations in openapi["paths"].items():
        get = operations.get("get")
        if get is not None and (not get.get("security") or {} in get["security"]):
            paths.append(path)
    return paths


def test_openapi_document_is_valid(openapi):
    validate(openapi)  # raises on any violation of the OpenAPI 3.1 specification


def test_openapi_document_covers_every_public_endpoint(openapi):
    assert set(PUBLIC_READ_PATHS) <= set(public_reads(openapi))


def test_no_operation_has_an_impossible_path_parameter(openapi):
    """Wagtail's snippet router typed ``{type}`` as ``const ""`` with no snippet exposed; it is
    left out of the API (``api.snippets``)."""
    for path, operations in openapi["paths"].items():
        assert not path.startswith("/api/v3/snippets/"), path
        for method, operation in operations.items():
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "path":
                    assert parameter["schema"].get("const") != "", (method, path, parameter)


def test_snippets_stay_in_the_admin_without_the_api_router(db):
    """``api.snippets`` keeps the admin half of ``wagtail.snippets``' ready(): the snippet
    view sets are registered and the extra (publish) permissions created."""
    from django.apps import apps
    from django.contrib.auth.models import Permission
    from wagtail.snippets.models import get_snippet_models

    from people.models import ContactPerson

    assert apps.get_app_config("wagtailsnippets").name == "wagtail.snippets"
    assert ContactPerson in get_snippet_models()
    assert Permission.objects.filter(codename="publish_contactperson").exists()


def test_page_schemas_must_be_registered_before_the_pages_router_is_imported():
    """Wagtail's pages router builds its unions from the registry when imported: registering
    afterwards would be silently ignored, so it is refused."""
    from django.core.exceptions import ImproperlyConfigured

    from api.fields import register_v3_page_schemas

    with pytest.raises(ImproperlyConfigured):
        register_v3_page_schemas()


def delivered_stream_blocks():
    """The stream block classes of every page type's StreamFields."""
    streams = set()
    for model in get_page_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                streams.add(type(field.stream_block))
    return sorted(streams, key=lambda stream: stream.__name__)


def test_each_block_type_has_its_own_schema(openapi):
    schemas = openapi["components"]["schemas"]
    streams = delivered_stream_blocks()
    assert {"TopicBodyBlock", "FurtherInformationBlock", "BaseStreamBlock"} <= {
        stream.__name__ for stream in streams
    }
    for stream_block in streams:
        assert issubclass(stream_block, ResolvedStreamBlock), stream_block
        union = schemas[f"{stream_block.__name__}Item"]
        assert union["discriminator"]["propertyName"] == "type"
        mapping = union["discriminator"]["mapping"]
        assert set(mapping) == set(stream_block().child_blocks)
        for block_type, ref in mapping.items():
            item = schemas[ref.rsplit("/", 1)[1]]
            assert set(item["required"]) == {"type", "value", "id"}
            assert item["properties"]["type"]["const"] == block_type
            value = item["properties"]["value"]
            if value.get("$ref"):
                target = schemas[value["$ref"].rsplit("/", 1)[1]]
                assert target["type"] == "object" and target["properties"], (block_type, target)
            else:
                assert value.get("type") == "string", (block_type, value)


def is_nullable(property_schema):
    branches = property_schema.get("anyOf", [property_schema])
    return any(branch.get("type") == "null" for branch in branches)


def admits_none(annotation):
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return type(None) in typing.get_args(annotation)
    return annotation is None or annotation is type(None)


def test_page_fields_are_required_and_null_only_where_the_value_says_so(openapi):
    """Every delivered page field is always in the response: required, and nullable only where
    the page's value type allows null (e.g. a topic without a hero image)."""
    schemas = openapi["components"]["schemas"]
    checked = 0
    for model in get_page_models():
        fields = [
            field
            for field in APIField.get_fields_for_model(model)
            if isinstance(field.serializer, PageValueField)
        ]
        if not fields:
            continue
        schema = schemas[f"{model._meta.object_name}Schema"]
        assert {"meta", "id", "title"} <= set(schema["required"])
        for field in fields:
            assert field.name in schema["required"], (model, field.name)
            nullable = admits_none(field.serializer.annotation)
            assert is_nullable(schema["properties"][field.name]) == nullable, (model, field.name)
            checked += 1
    assert checked >= 20


def test_topic_page_fields_reference_the_stream_unions(openapi):
    topic = openapi["components"]["schemas"]["TopicPageSchema"]["properties"]
    assert topic["body"]["items"]["$ref"] == "#/components/schemas/TopicBodyBlockItem"
    assert topic["hero"]["anyOf"] == [{"$ref": "#/components/schemas/ImageValue"}, {"type": "null"}]


# -- The responses honour the document ------------------------------------------------------


@contextmanager
def connection_kept():
    """Schemathesis calls the WSGI app directly; like Django's test client, keep the test's
    database connection (and its transaction) open across those requests. (The test client
    reconnects Django's handlers after each of its own requests, so this wraps only the
    schemathesis calls.)"""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def existing_ids(client, operation):
    """For ``…/{x}/``, the ids its sibling listing ``…/`` returns (real objects to read)."""
    if len(operation.path_parameters) != 1:
        return []
    listing = operation.path.rsplit("{", 1)[0]
    response = client.get(listing, {"limit": 100})
    if response.status_code != 200 or "items" not in response.json():
        return []
    return [item["id"] for item in response.json()["items"]]


def test_public_operations_honour_their_schema(demo, openapi, client):
    """For every operation an anonymous reader may call, as the document lists them:
    schemathesis generates requests from the document (valid ones, and invalid ones where the
    operation has parameters), and each object of the operation's listing is read once. Never
    a 5xx, never a status code, content type, header or body that the document does not
    describe."""
    paths = public_reads(openapi)
    with connection_kept():
        schema = schemathesis.openapi.from_wsgi("/api/v3/openapi.json", application)
    operations = [
        result.ok() for result in schema.include(method="GET", path=paths).get_all_operations()
    ]
    assert sorted(operation.path for operation in operations) == sorted(paths)
    ids = {operation.path: existing_ids(client, operation) for operation in operations}
    assert ids["/api/v3/pages/{page_id}/"] and ids["/api/v3/publications/{publication_id}/"]
    checks = [
        not_a_server_error,
        status_code_conformance,
        content_type_conformance,
        response_headers_conformance,
        response_schema_conformance,
    ]
    for operation in operations:
        modes = [GenerationMode.POSITIVE]
        if len(operation.path_parameters) or len(operation.query):
            modes.append(GenerationMode.NEGATIVE)
        for mode in modes:

            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(
                max_examples=EXAMPLES_PER_OPERATION,
                deadline=None,
                derandomize=True,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            def check(case):
                case.call_and_validate(checks=checks)

            with connection_kept():
                check()

        for pk in ids[operation.path]:
            (parameter,) = operation.path_parameters
            case = operation.Case(path_parameters={parameter.name: pk})
            with connection_kept():
                case.call_and_validate(checks=checks)
