from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from governance.forms import FachbereichChoiceMixin


class TopicPageForm(FachbereichChoiceMixin, WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        # Saving a draft defers required fields (Wagtail's deferred validation); publishing
        # does not, so a page without alternative text can be drafted but never published.
        if self.is_deferred_validation:
            return cleaned_data
        image = cleaned_data.get("hero_image")
        if (
            image
            and not cleaned_data.get("hero_image_decorative")
            and not (cleaned_data.get("hero_image_alt") or "").strip()
            and not (image.description or "").strip()
        ):
            self.add_error(
                "hero_image_alt",
                ValidationError(
                    _(
                        "Bitte einen Alternativtext für das Titelbild eingeben, der beschreibt, "
                        "was darauf zu sehen ist – oder das Bild als dekorativ markieren."
                    ),
                    code="hero_alt_required",
                ),
            )
        return cleaned_data
