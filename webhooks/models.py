"""Change webhooks: the endpoints frontends register, and the outbox of deliveries to them.

A delivery is written in the same transaction as the change it reports (see
``signal_handlers``), so it exists exactly when the change does. Sending it is separate
(``sending``): each try is a :class:`WebhookAttempt`, and a delivery stays ``pending`` with a
``next_attempt_at`` until it succeeds or runs out of attempts.
"""

import secrets
import uuid

from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from changes.events import EVENTS

ALL_EVENTS = "*"

EVENT_LABELS = {
    "page.published": _("Seite veröffentlicht"),
    "page.unpublished": _("Veröffentlichung einer Seite aufgehoben"),
    "page.deleted": _("Seite gelöscht"),
    "page.moved": _("Seite verschoben"),
    "page.privacy_changed": _("Privatsphäre einer Seite geändert"),
    "snippet.saved": _("Snippet gespeichert (Ansprechperson, Fachbereich, Fachgruppe …)"),
    "snippet.deleted": _("Snippet gelöscht"),
    "document.saved": _("Dokument gespeichert"),
    "document.deleted": _("Dokument gelöscht"),
    "image.saved": _("Bild gespeichert"),
    "image.deleted": _("Bild gelöscht"),
    "collection.privacy_changed": _("Privatsphäre einer Sammlung geändert"),
    "settings.saved": _("Einstellungen oder Navigation gespeichert"),
}

EVENT_CHOICES = [
    (ALL_EVENTS, _("Alle Ereignisse (auch künftig hinzukommende)")),
    *((event, EVENT_LABELS.get(event, event)) for event in EVENTS),
]


def generate_secret():
    return secrets.token_urlsafe(32)


def all_events():
    return [ALL_EVENTS]


class WebhookEndpoint(models.Model):
    """A URL (e.g. a Next.js revalidation route) that is told about content changes."""

    name = models.CharField(_("Name"), max_length=100)
    url = models.URLField(
        _("URL"),
        max_length=500,
        validators=[
            URLValidator(
                schemes=["http", "https"], message=_("Bitte eine http- oder https-Adresse angeben.")
            )
        ],
        help_text=_("Die Adresse, an die jede Änderung per POST gemeldet wird."),
    )
    secret = models.CharField(
        _("Geheimer Schlüssel"),
        max_length=200,
        default=generate_secret,
        help_text=_(
            "Jede Zustellung wird mit diesem Schlüssel signiert (HMAC-SHA256). Geben Sie ihn "
            "dem Empfänger, damit er die Signatur prüfen kann."
        ),
    )
    events = models.JSONField(
        _("Ereignisse"),
        default=all_events,
        help_text=_("Bei welchen Änderungen der Empfänger benachrichtigt wird."),
    )
    is_active = models.BooleanField(
        _("Aktiv"), default=True, help_text=_("Inaktive Empfänger erhalten nichts.")
    )

    class Meta:
        verbose_name = _("Webhook")
        verbose_name_plural = _("Webhooks")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def wants(self, event):
        return ALL_EVENTS in self.events or event in self.events


class WebhookDelivery(models.Model):
    """One event for one endpoint: the exact body, and where its delivery stands."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Ausstehend")
        SUCCEEDED = "succeeded", _("Zugestellt")
        FAILED = "failed", _("Fehlgeschlagen")

    # A UUID, so that receivers can recognise an event they have already handled.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    endpoint = models.ForeignKey(
        WebhookEndpoint,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("Webhook"),
    )
    event = models.CharField(_("Ereignis"), max_length=50)
    # The JSON text itself, not a JSONField: PostgreSQL's jsonb would reorder the keys, and
    # every attempt must send (and sign) the same bytes.
    payload = models.TextField(_("Inhalt (JSON)"))
    created_at = models.DateTimeField(_("Erstellt"), auto_now_add=True, db_index=True)
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    next_attempt_at = models.DateTimeField(_("Nächster Versuch"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("Versuche"), default=0)

    class Meta:
        verbose_name = _("Webhook-Zustellung")
        verbose_name_plural = _("Webhook-Zustellungen")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.get_event_display()} → {self.endpoint}"

    def get_event_display(self):
        return EVENT_LABELS.get(self.event, self.event)


class WebhookAttempt(models.Model):
    """One try to send a delivery: the receiver's answer, or why there was none."""

    delivery = models.ForeignKey(
        WebhookDelivery, on_delete=models.CASCADE, related_name="attempt_log"
    )
    attempted_at = models.DateTimeField(_("Zeitpunkt"))
    status_code = models.PositiveSmallIntegerField(_("Antwortcode"), null=True, blank=True)
    error = models.TextField(_("Fehler"), blank=True)
    duration_ms = models.PositiveIntegerField(_("Dauer (ms)"))

    class Meta:
        verbose_name = _("Zustellversuch")
        verbose_name_plural = _("Zustellversuche")
        ordering = ["attempted_at", "pk"]

    def __str__(self):
        return f"{self.attempted_at:%Y-%m-%d %H:%M:%S} {self.status_code or self.error[:40]}"

    @property
    def succeeded(self):
        return self.status_code is not None and 200 <= self.status_code < 300
