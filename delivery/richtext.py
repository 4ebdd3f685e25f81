"""Rich text as display HTML, with links only to what the reader may see.

Wagtail stores internal links as ``<a linktype="page" id="3">`` and expands them when the
text is shown. Here the same rewriting runs with the resolution's bulk-loaded pages and
documents: a link to a visible target gets its URL, a link to a hidden or deleted one keeps
its text but loses its ``href`` (in the HTML and in the API alike).
"""

from django.utils.html import escape
from wagtail.rich_text import features
from wagtail.rich_text.rewriters import EmbedRewriter, LinkRewriter, MultiRuleRewriter

_LINK_TAGS = LinkRewriter()


def referenced_ids(source):
    """``{"page": {ids}, "document": {ids}}`` linked from one rich text source."""
    found = {"page": set(), "document": set()}
    for link_type, matches in _LINK_TAGS.extract_tags(source or "").items():
        if link_type in found:
            for match in matches:
                pk = _int(match.attrs.get("id"))
                if pk is not None:
                    found[link_type].add(pk)
    return found


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _anchor(url):
    return f'<a href="{escape(url)}">' if url else "<a>"


def expand(source, page_url, document_url):
    """Display HTML for ``source``; ``page_url(id)`` / ``document_url(id)`` give the URL of a
    visible target, or ``None`` for a hidden one."""
    embed_rules = features.get_embed_types()
    rewriter = MultiRuleRewriter(
        [
            LinkRewriter(
                bulk_rules={
                    "page": lambda attrs: [_anchor(page_url(_int(a.get("id")))) for a in attrs],
                    "document": lambda attrs: [
                        _anchor(document_url(_int(a.get("id")))) for a in attrs
                    ],
                },
            ),
            EmbedRewriter(
                bulk_rules={
                    name: handler.expand_db_attributes_many for name, handler in embed_rules.items()
                }
            ),
        ]
    )
    return rewriter(source or "")
