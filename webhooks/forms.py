from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import ALL_EVENTS, EVENT_CHOICES, WebhookEndpoint


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
