from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import ALL_EVENTS, EVENT_CHOICES, WebhookEndpoint
from .targets import RefusedTarget, checked_address


class WebhookEndpointForm(WagtailAdminModelForm):
    url = forms.URLField(
        label=_("URL"),
        max_length=500,
        assume_scheme="https",
        help_text=WebhookEndpoint._meta.get_field("url").help_text,
    )
    events = forms.MultipleChoiceField(
        label=_("Ereignisse"),
        choices=EVENT_CHOICES,
        initial=[ALL_EVENTS],
        widget=forms.CheckboxSelectMultiple,
        help_text=WebhookEndpoint._meta.get_field("events").help_text,
    )

    class Meta:
        model = WebhookEndpoint
        fields = ["name", "url", "secret", "events", "is_active"]

    def clean_events(self):
        events = self.cleaned_data["events"]
        return [ALL_EVENTS] if ALL_EVENTS in events else events

    def clean_url(self):
        """Refuses an endpoint on a non-public address (``webhooks/targets.py``) unless
        ``WEBHOOKS_ALLOW_PRIVATE_TARGETS`` is on; the attempts check again when they send."""
        url = self.cleaned_data["url"]
        if not settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS:
            try:
                checked_address(url)
            except RefusedTarget as exc:
                raise forms.ValidationError(
                    _("%(reason)s Webhooks dürfen nur an öffentliche Adressen gehen.")
                    % {"reason": exc}
                ) from None
        return url
