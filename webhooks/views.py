"""Admin (Einstellungen → Webhooks, Webhook-Protokoll): endpoints, and the delivery log.

Both use Django's model permissions through Wagtail's permission policies: superusers have
them all; other groups get them in the group settings ("Webhook", "Zustellung").
"""

import json

from django.contrib.auth import get_permission_codename
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin import messages
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.views.generic import InspectView, PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet

from .forms import WebhookEndpointForm
from .models import WebhookDelivery, WebhookEndpoint
from .sending import attempt


class WebhookEndpointViewSet(ModelViewSet):
    model = WebhookEndpoint
    name = "webhooks"
    icon = "globe"
    menu_label = gettext_lazy("Webhooks")
    add_to_settings_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    list_display = ["name", "url", BooleanColumn("is_active", label=gettext_lazy("Aktiv"))]

    def get_form_class(self, for_update=False):
        return WebhookEndpointForm


class DeliveryInspectView(InspectView):
    """A delivery with every attempt, the body sent, and the redelivery button."""

    redeliver_url_name = None

    # In the editor's time zone, as in the listing (the generic view would show UTC).
    def get_created_at_display_value(self):
        return _local(self.object.created_at)

    def get_next_attempt_at_display_value(self):
        return _local(self.object.next_attempt_at)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["attempts"] = self.object.attempt_log.all()
        context["payload"] = json.dumps(
            json.loads(self.object.payload), indent=2, ensure_ascii=False
        )
        if self.user_has_permission("change"):
            context["redeliver_url"] = reverse(self.redeliver_url_name, args=[self.object.pk])
        return context


def _local(value):
    return date_format(localtime(value), "DATETIME_FORMAT") if value else "–"


class RedeliverView(PermissionCheckedMixin, View):
    """Sends a delivery again, now, whatever its status: one more attempt in its log."""

    model = WebhookDelivery
    permission_required = "change"
    inspect_url_name = None

    def post(self, request, pk):
        delivery = get_object_or_404(WebhookDelivery.objects.select_related("endpoint"), pk=pk)
        made = attempt(delivery)
        if made.succeeded:
            messages.success(
                request, _("Erneut zugestellt (Antwort %(code)s).") % {"code": made.status_code}
            )
        else:
            messages.error(
                request,
                _("Die erneute Zustellung ist fehlgeschlagen: %(reason)s")
                % {"reason": made.status_code or made.error},
            )
        return redirect(self.inspect_url_name, pk)


class WebhookDeliveryViewSet(ModelViewSet):
    """The delivery log: deliveries are written by the system, never added or edited here."""

    model = WebhookDelivery
    name = "webhook_deliveries"
    url_prefix = "webhooks/deliveries"
    icon = "list-ul"
    menu_label = gettext_lazy("Webhook-Protokoll")
    add_to_settings_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = DeliveryInspectView
    inspect_template_name = "webhooks/delivery_inspect.html"
    list_display = ["event", "endpoint", "status", "attempts", "created_at", "next_attempt_at"]
    inspect_view_fields = list_display
    list_filter = ["status", "endpoint", "event"]

    def get_common_view_kwargs(self, **kwargs):
        # No add, edit, delete, history or usage views: their buttons and links disappear.
        return super().get_common_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            usage_url_name=None,
            **kwargs,
        )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=WebhookDelivery.objects.select_related("endpoint"), **kwargs
        )

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            redeliver_url_name=self.get_url_name("redeliver"), **kwargs
        )

    def get_urlpatterns(self):
        redeliver_view = self.construct_view(
            RedeliverView, inspect_url_name=self.get_url_name("inspect")
        )
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<uuid:pk>/", self.inspect_view, name="inspect"),
            path("redeliver/<uuid:pk>/", redeliver_view, name="redeliver"),
        ]

    def get_permissions_to_register(self):
        codenames = [get_permission_codename(a, self.model._meta) for a in ("view", "change")]
        return super().get_permissions_to_register().filter(codename__in=codenames)
