"""Admin for Leichte Sprache: the glossary snippets, the "Wort erklären" rich text feature and
the rules' warnings after saving."""

from django.contrib import messages
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.rich_text.editors.draftail import features as draftail_features
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import GlossaryTerm, is_easy_read
from .richtext import CONVERSION_RULE, ENTITY, FEATURE, GlossaryLinkHandler
from .rules import check


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "help"
    menu_label = _("Wörterbuch")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["term", "locale"]
    search_fields = ["term", "explanation"]


register_snippet(GlossaryTermViewSet)


@hooks.register("register_rich_text_features")
def register_glossary_feature(features):
    features.register_link_type(GlossaryLinkHandler)
    features.register_editor_plugin(
        "draftail",
        FEATURE,
        draftail_features.EntityFeature(
            {
                "type": ENTITY,
                "icon": "help",
                "description": _("Wort erklären (Wörterbuch)"),
                "chooserUrls": {
                    "glossaryChooser": reverse_lazy(
                        "wagtailsnippetchoosers_easyread_glossaryterm:choose"
                    )
                },
            },
            js=["wagtailadmin/js/chooser-modal.js", "easyread/glossary-entity.js"],
        ),
    )
    features.register_converter_rule("contentstate", FEATURE, CONVERSION_RULE)


def _warn(request, obj):
    """The rules' findings as one warning after saving (never a refusal)."""
    if not is_easy_read(obj):
        return
    findings = check(obj)
    if findings:
        messages.warning(
            request,
            _(
                "Gespeichert. Hinweise zur Leichten Sprache: %(count)s Stelle(n) prüfen, z. B. "
                "%(first)s Alle Hinweise stehen im Bearbeitungsformular."
            )
            % {"count": len(findings), "first": findings[0].message},
        )


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_after_page_save(request, page):
    _warn(request, page.get_latest_revision_as_object() if page.pk else page)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def warn_after_snippet_save(request, instance):
    if isinstance(instance, GlossaryTerm):
        _warn(request, instance)
