"""Frontend preview: editors see unsaved changes rendered by the decoupled frontend.

Why not wagtail-headless-preview: its token is signed but never checked for age (snapshots
are only garbage-collected by date), and its mixin replaces Wagtail's own preview, which this
project still needs for the server-rendered site. Why not v3's ``version=draft``: it needs a
long-lived API token of a user with edit rights in the frontend, and it shows the last saved
revision, not what the editor is typing. Here the admin's preview gets one more mode,
"Frontend": it stores a snapshot of the editor's form and hands the frontend a short-lived
token, signed with SECRET_KEY, naming that snapshot and that page only.
"""

import json

from django.conf import settings
from django.core import signing
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

SALT = "paritaet.frontend-preview"
FRONTEND_MODE = "frontend"


class FrontendPreview(models.Model):
    """A snapshot of an editor's unsaved page, readable with its token until it expires."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    content = models.JSONField(encoder=DjangoJSONEncoder)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("Frontend-Vorschau")
        verbose_name_plural = _("Frontend-Vorschauen")

    def __str__(self):
        return f"Vorschau von Seite {self.page_id} ({self.created_at:%Y-%m-%d %H:%M})"

    @classmethod
    def max_age(cls):
        return settings.FRONTEND_PREVIEW_MAX_AGE

    @classmethod
    def issue(cls, page):
        """Store ``page`` (unsaved changes included) and return a token for it."""
        cls.objects.filter(
            created_at__lt=timezone.now() - timezone.timedelta(seconds=cls.max_age())
        ).delete()
        content = json.loads(json.dumps(page.serializable_data(), cls=DjangoJSONEncoder))
        preview = cls.objects.create(page_id=page.pk, content=content)
        return signing.dumps({"preview": preview.pk, "page": page.pk}, salt=SALT, compress=True)

    @classmethod
    def page_for_token(cls, token, page_id):
        """The previewed page, or ``None`` for a bad, expired or other page's token."""
        try:
            data = signing.loads(token, salt=SALT, max_age=cls.max_age())
        except signing.BadSignature:  # includes SignatureExpired
            return None
        if data.get("page") != page_id:
            return None
        preview = cls.objects.filter(pk=data.get("preview"), page_id=page_id).first()
        if preview is None:
            return None
        return preview.page.specific.with_content_json(preview.content)


class FrontendPreviewMixin:
    """Adds the "Frontend" preview mode to a page type when FRONTEND_PREVIEW_URL is set."""

    @property
    def preview_modes(self):
        modes = super().preview_modes
        if settings.FRONTEND_PREVIEW_URL and self.pk:
            modes = [*modes, (FRONTEND_MODE, _("Frontend"))]
        return modes

    def serve_preview(self, request, mode_name):
        if mode_name != FRONTEND_MODE or not settings.FRONTEND_PREVIEW_URL or not self.pk:
            return super().serve_preview(request, mode_name)
        token = FrontendPreview.issue(self)
        query = urlencode(
            {
                "token": token,
                "page_id": self.pk,
                "type": self._meta.label,
                "path": self.get_url_parts()[2] if self.get_url_parts() else "",
            }
        )
        return HttpResponseRedirect(f"{settings.FRONTEND_PREVIEW_URL}?{query}")
