"""Glossary terms inline in rich text: ``<a linktype="glossary" id="…">Wort</a>``.

In the editor a Draftail entity ("Wort erklären") marks the selected text and chooses its term
from the glossary (Wagtail's snippet chooser). In both outputs the word links to its
explanation on the glossary page of the term's language (``…/woerterbuch/#wort-…``), with
``data-linktype="glossary"`` and ``data-id`` for a frontend that shows the explanation
in place (the term from ``/api/v3/glossary/terms/{id}/``). Wagtail's reference index records
which pages use a term (through the link handler's model), so changing a term changes them.
"""

from django.db.models import Q
from draftjs_exporter.dom import DOM
from wagtail.admin.rich_text.converters.html_to_contentstate import LinkElementHandler
from wagtail.rich_text import LinkHandler

from content import richtext

FEATURE = "glossary"
ENTITY = "GLOSSARY"


class GlossaryLinkHandler(LinkHandler):
    identifier = "glossary"

    @staticmethod
    def get_model():
        from .models import GlossaryTerm

        return GlossaryTerm

    @classmethod
    def extract_references(cls, attrs):
        # (model, id, model path, content path): Wagtail's reference index records the use.
        yield cls.get_model(), attrs["id"], "", ""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        # Wagtail's own rendering (``|richtext``) is not how the site shows rich text
        # (``content.richtext.expand``): a plain anchor keeps the text.
        return ["<a>" for _attrs in attrs_list]


def glossary_entity(props):
    """Contentstate → database: ``<a linktype="glossary" id="…">``."""
    return DOM.create_element(
        "a", {"linktype": "glossary", "id": props.get("id")}, props["children"]
    )


# Borrowed: see cms/borrowed.py (wagtail LinkElementHandler)
class GlossaryElementHandler(LinkElementHandler):
    """Database → contentstate: the entity with the term's id and word (for the editor)."""

    def get_attribute_data(self, attrs):
        from .models import GlossaryTerm

        try:
            pk = int(attrs["id"])
        except (KeyError, TypeError, ValueError):
            return {}
        term = GlossaryTerm.objects.filter(pk=pk).values_list("term", flat=True).first()
        return {"id": pk, "term": term or ""}


CONVERSION_RULE = {
    "from_database_format": {'a[linktype="glossary"]': GlossaryElementHandler(ENTITY)},
    "to_database_format": {"entity_decorators": {ENTITY: glossary_entity}},
}


def glossary_link_type():
    """How the resolution delivers a glossary link (``content.richtext.LinkType``)."""
    from .models import GlossaryPage, GlossaryTerm

    def want(res):
        res.want_pages_where("glossary_pages", Q(pk__in=GlossaryPage.objects.values("pk")))

    def href(term, res):
        pages = [p for p in res.page_tags["glossary_pages"] if p.locale_id == term.locale_id]
        if not pages:
            return None
        return f"{res.page_url(pages[0])}#{term.anchor}"

    return richtext.LinkType(name="glossary", model=GlossaryTerm, href=href, want=want)
