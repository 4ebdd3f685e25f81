"""Rich text as display HTML, with links only to what the reader may see, and nothing else.

Wagtail stores internal links as ``<a linktype="page" id="3">`` and expands them when the
text is shown. Here the same rewriting runs with the resolution's bulk-loaded pages and
documents: a link to a visible target gets its URL, a link to a hidden or deleted one keeps
its text but loses its ``href`` (in the HTML and in the API alike).

Stored markup is not trusted: the editor only writes what its features allow, but an import, a
script or a write API can put anything into the database. So every rich text, stored URL and
embed is cleaned on output here, through an allow-list (nh3, the Ammonia sanitiser), for both
outputs at once: only the editor's elements survive, and links only to ``http``, ``https``,
``mailto``, ``tel`` and the site's own paths.
"""

import re

import nh3
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
    return clean_html(rewriter(source or ""))


# -- Sanitising ---------------------------------------------------------------------------------

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

# What the rich text features (``RICH_TEXT_FEATURES``) produce, and headings and line breaks.
RICH_TEXT_TAGS = frozenset(
    {"p", "br", "h2", "h3", "h4", "h5", "h6", "b", "strong", "i", "em", "ol", "ul", "li", "a"}
)
_rich_text_cleaner = nh3.Cleaner(
    tags=set(RICH_TEXT_TAGS),
    attributes={"a": {"href"}},
    url_schemes=set(SAFE_SCHEMES),
    link_rel=None,
    strip_comments=True,
)

# Providers' embed players: an iframe over https, and the plain markup around it.
_embed_cleaner = nh3.Cleaner(
    tags={"iframe", "div", "p", "a", "blockquote", "br", "span"},
    attributes={
        "iframe": {
            "src",
            "width",
            "height",
            "title",
            "allow",
            "allowfullscreen",
            "frameborder",
            "referrerpolicy",
            "loading",
        },
        "a": {"href"},
    },
    url_schemes={"https"},
    link_rel=None,
    strip_comments=True,
)

# A scheme is letters, digits, "+", "-", "." before the first ":"; browsers ignore ASCII
# whitespace and control characters anywhere in it ("java\tscript:").
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_IGNORED = re.compile(r"[\x00-\x20\x7f]")


def clean_html(html):
    """Rich text display HTML reduced to the editor's elements and safe links."""
    return _rich_text_cleaner.clean(html) if html else ""


def clean_embed_html(html):
    """A provider's embed HTML reduced to an https iframe (no scripts, no handlers)."""
    return _embed_cleaner.clean(html) if html else ""


def safe_url(url):
    """``url`` when it is ``http``, ``https``, ``mailto``, ``tel`` or a path of the site;
    ``""`` for anything else (``javascript:``, ``data:``, ``vbscript:``, …)."""
    url = (url or "").strip()
    match = _SCHEME.match(_IGNORED.sub("", url))
    if match and match[1].lower() not in SAFE_SCHEMES:
        return ""
    return url
