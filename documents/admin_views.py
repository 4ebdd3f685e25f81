"""The admin's document upload views, unchanged except when the file storage is away: a German
form error instead of a server error, nothing half-saved (ops/uploads.py)."""

from wagtail.documents.views import documents, multiple

from ops.uploads import StorageSafeCreateMixin, StorageSafeMultipleAddMixin


class CreateView(StorageSafeCreateMixin, documents.CreateView):
    pass


class MultipleAddView(StorageSafeMultipleAddMixin, multiple.AddView):
    pass
