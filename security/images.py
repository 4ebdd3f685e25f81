"""Images are public, so the admin does not offer to keep them private.

Every image and rendition is a public file (``MEDIA_ROOT`` or the bucket's public prefix, linked
from cached pages and API responses), and Wagtail's collection privacy protects only documents.
An image in a collection with a view restriction would look private in the admin while its
original and renditions answer anyone. So the image forms (single upload, multiple upload, edit;
``WAGTAILIMAGES_IMAGE_FORM_BASE``) do not offer such collections, say why, and refuse them.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm
from wagtail.models import Collection, CollectionViewRestriction

HELP = _(
    "Bilder sind immer öffentlich: jede Datei und jede Bildgröße ist ohne Anmeldung "
    "erreichbar. Sammlungen mit Zugriffsbeschränkung (Datenschutz der Sammlung) gelten nur "
    "für Dokumente und stehen für Bilder nicht zur Wahl."
)


def restricted_collection_ids():
    """Collections with a view restriction of their own or on an ancestor."""
    ids = set()
    for restricted in Collection.objects.filter(
        pk__in=CollectionViewRestriction.objects.values("collection")
    ):
        ids.update(restricted.get_descendants(inclusive=True).values_list("pk", flat=True))
    return ids


class PublicImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.restricted = restricted_collection_ids()
        field = self.fields.get("collection")
        if field is not None:
            # An image already in such a collection keeps it as a choice, so that its form
            # says why it must move (below) instead of "not a valid choice".
            offered = self.restricted - {self.instance.collection_id}
            field.queryset = field.queryset.exclude(pk__in=offered)
            field.help_text = HELP

    def clean(self):
        cleaned = super().clean()
        collection = cleaned.get("collection")
        if collection is None and "collection" not in self.fields and self.instance.collection_id:
            collection = self.instance.collection
        if collection and collection.pk in self.restricted:
            error = forms.ValidationError(
                _(
                    "Die Sammlung „%(name)s“ ist zugriffsbeschränkt, Bilder sind aber immer "
                    "öffentlich. Bitte eine öffentliche Sammlung wählen."
                ),
                params={"name": collection.name},
                code="restricted_collection",
            )
            self.add_error("collection" if "collection" in self.fields else None, error)
        return cleaned
