"""The v2 API's router: apps register their v2 endpoints on ``v2_router`` from ``ready()``."""

from django.db.models import QuerySet
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from .fields import deliver_together
from .params import v2_checked


class StrictAPIRouter(WagtailAPIRouter):
    """Wagtail's v2 router; every view answers bad query values with 400 (:mod:`.params`)."""

    def wrap_view(self, func):
        return super().wrap_view(v2_checked(func))


class DeliveredPagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's v2 pages endpoint; a listing's items are resolved together (one resolution
    per listing, see :func:`api.fields.deliver_together`), with their locales."""

    def paginate_queryset(self, queryset):
        if isinstance(queryset, QuerySet):
            # Each page's URL names its locale (i18n): loaded with the pages, not one by one.
            queryset = queryset.select_related("locale")
        pages = super().paginate_queryset(queryset)
        return None if pages is None else deliver_together(list(pages))


v2_router = StrictAPIRouter("wagtailapi")
