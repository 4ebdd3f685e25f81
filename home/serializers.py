"""The bridge from the apps' representation functions to ``APIField(serializer=...)``.

v2 (DRF) calls ``to_representation`` with the request in the serializer context. Wagtail's v3
generates the page schemas from the same ``api_fields`` and types each such field by the
return annotation of ``to_representation``, so the annotation is the field's precise schema.
"""

from rest_framework import serializers


def representation_field(schema, represent, *, source=None):
    """A read-only DRF field returning ``represent(value, request)``, typed as ``schema``."""

    class RepresentationField(serializers.Field):
        def __init__(self, **kwargs):
            kwargs["read_only"] = True
            super().__init__(**kwargs)

        def to_representation(self, value) -> schema:
            return represent(value, self.context.get("request"))

    kwargs = {"source": source} if source else {}
    return RepresentationField(**kwargs)


def stream_field(schema):
    """A StreamField whose blocks are resolved by their own ``get_api_representation``."""

    def represent(value, request):
        return value.stream_block.get_api_representation(value, {"request": request})

    return representation_field(schema, represent)
