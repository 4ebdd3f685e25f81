"""v2's ``images`` endpoint (imported from ``DeliveryConfig.ready()``: Wagtail's v2
serializers need the app registry)."""

from wagtail.images.api.v2.serializers import ImageDownloadUrlField, ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet

from content.values import absolute_url


class AbsoluteImageDownloadUrlField(ImageDownloadUrlField):
    def to_representation(self, image):
        return absolute_url(super().to_representation(image))


class AbsoluteImageSerializer(ImageSerializer):
    download_url = AbsoluteImageDownloadUrlField(read_only=True)


class AbsoluteImagesAPIViewSet(ImagesAPIViewSet):
    """v2 ``images``: Wagtail's endpoint, its ``download_url`` absolute like every API URL
    (Wagtail gives the storage's URL, a bare path with local files)."""

    base_serializer_class = AbsoluteImageSerializer
