"""Edit form panels shown only for content in Leichte Sprache."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import MultiFieldPanel, Panel


def _easy_read(instance):
    from .models import is_easy_read

    return is_easy_read(instance)


class EasyReadPanel(MultiFieldPanel):
    """The Leichte Sprache fields: shown for pages in that locale only (their fields exist on
    every page of the type and stay empty elsewhere)."""

    class BoundPanel(MultiFieldPanel.BoundPanel):
        def is_shown(self):
            return _easy_read(self.instance) and super().is_shown()


class EasyReadChecksPanel(Panel):
    """The rules of Leichte Sprache checked on the text as last saved (``easyread.rules``):
    a list of warnings, never a blocker."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Hinweise zur Leichten Sprache"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "easyread/panels/checks.html"

        def is_shown(self):
            return _easy_read(self.instance)

        def get_context_data(self, parent_context=None):
            from .rules import MAX_SENTENCE_WORDS, MAX_WORD_LETTERS, check

            context = super().get_context_data(parent_context)
            context["findings"] = check(self.instance)
            context["max_sentence_words"] = MAX_SENTENCE_WORDS
            context["max_word_letters"] = MAX_WORD_LETTERS
            return context
