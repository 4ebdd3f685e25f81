from django.urls import path
from wagtail import hooks
from wagtail.images.views import images, multiple

from .uploads import StorageSafeCreateMixin, StorageSafeMultipleAddMixin


class ImageCreateView(StorageSafeCreateMixin, images.CreateView):
    pass


class ImageMultipleAddView(StorageSafeMultipleAddMixin, multiple.AddView):
    pass


# Borrowed: see cms/borrowed.py (wagtail.images.admin_urls)
@hooks.register("register_admin_urls")
def image_uploads_that_survive_a_storage_outage():
    """Registered before wagtail.images' own URLs (INSTALLED_APPS order), so these paths
    resolve here; their names (``wagtailimages:add``, ``…:add_multiple``) still reverse to them."""
    return [
        path("images/add/", ImageCreateView.as_view()),
        path("images/multiple/add/", ImageMultipleAddView.as_view()),
    ]
