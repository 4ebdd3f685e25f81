"""The v2 API's router: apps register their v2 endpoints on ``v2_router`` from ``ready()``."""

from wagtail.api.v2.router import WagtailAPIRouter

from .params import v2_checked


class StrictAPIRouter(WagtailAPIRouter):
    """Wagtail's v2 router; every view answers bad query values with 400 (:mod:`.params`)."""

    def wrap_view(self, func):
        return super().wrap_view(v2_checked(func))


v2_router = StrictAPIRouter("wagtailapi")
