from wagtail import hooks

from .views import WebhookDeliveryViewSet, WebhookEndpointViewSet


@hooks.register("register_admin_viewset")
def register_webhook_viewsets():
    return [WebhookEndpointViewSet(), WebhookDeliveryViewSet()]
