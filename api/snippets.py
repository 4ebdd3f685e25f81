"""Wagtail's snippets app without its v3 API router.

``wagtail.snippets``' own ``AppConfig.ready()`` unconditionally mounts a ``/snippets/{type}/``
router on Wagtail's v3 API (Wagtail 8.0 offers no setting to leave it out). No snippet model of
this site is exposed there: the public API delivers contact persons, Fachbereiche and
Fachgruppen through the ``people`` endpoints, already narrowed to what the reader may see. With
no snippet registered for the API, Wagtail types the router's ``type`` path parameter as
``const ""``, so the OpenAPI document described a dozen operations that no request can reach.

:class:`SnippetsConfig` replaces ``wagtail.snippets`` in ``INSTALLED_APPS`` (same app, same
label): its ``ready()`` does what Wagtail 8.0's does for the admin (register the snippet
view sets, create the extra permissions after migrating) and leaves out the two API steps
(registering snippet content types and mounting the router). A copy, on the list of borrowed
internals (``cms/borrowed.py``): its test fails when Wagtail's ``ready()`` changes.
"""

from django.db.models.signals import post_migrate
from wagtail.snippets.apps import WagtailSnippetsAppConfig


class SnippetsConfig(WagtailSnippetsAppConfig):
    # Borrowed: see cms/borrowed.py (wagtail WagtailSnippetsAppConfig.ready, half a copy)
    def ready(self):
        from wagtail.snippets.models import create_extra_permissions, register_deferred_snippets

        register_deferred_snippets()
        post_migrate.connect(create_extra_permissions, sender=self)
