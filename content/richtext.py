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
from collections.abc import Callable
from dataclasses import dataclass

import nh3
from django.utils.html import escape
from wagtail.rich_text import features
from wagtail.rich_text.rewriters import EmbedRewriter, LinkRewriter, MultiRuleRewriter

_LINK_TAGS = LinkRewriter()


@dataclass(frozen=True)
class LinkType:
    """A further link type of rich text (``<a linktype="name" id="…">``), registered by the app
    that owns its model (e.g. glossary terms). Its objects are loaded with the resolution's
    other objects of that model (one query, narrowed by visibility); ``want(res)`` may want
    more at collect time (the page the link goes to); ``href(obj, res)`` is the link's URL for
    a visible object, or ``None`` (then the text stays, without a link). The display HTML
    names the target as ``data-linktype`` and ``data-id``, so a frontend can find it."""

    name: str
    model: type
    href: Callable
    want: Callable | None = None


LINK_TYPES = {}


def register_link_type(link_type):
    LINK_TYPES[link_type.name] = link_type


def referenced_ids(source):
    """``{"page": {ids}, "document": {ids}, …}`` linked from one rich text source (with
    the registered link types' names)."""
    found = {"page": set(), "document": set(), **{name: set() for name in LINK_TYPES}}
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


def _typed_anchor(name, pk, url):
    if not url:
        return "<a>"
    return f'<a href="{escape(url)}" data-linktype="{escape(name)}" data-id="{pk}">'


def _typed_rule(name, link_url):
    def rule(attrs):
        pks = [_int(a.get("id")) for a in attrs]
        return [_typed_anchor(name, pk, link_url(name, pk) if pk else None) for pk in pks]

    return rule


def expand(source, page_url, document_url, link_url=None):
    """Display HTML for ``source``; ``page_url(id)`` / ``document_url(id)`` (and
    ``link_url(link_type, id)`` for the registered link types) give the URL of a visible
    target, or ``None`` for a hidden one."""
    embed_rules = features.get_embed_types()
    typed = {name: _typed_rule(name, link_url) for name in LINK_TYPES if link_url is not None}
    rewriter = MultiRuleRewriter(
        [
            LinkRewriter(
                bulk_rules={
                    "page": lambda attrs: [_anchor(page_url(_int(a.get("id")))) for a in attrs],
                    "document": lambda attrs: [
                        _anchor(document_url(_int(a.get("id")))) for a in attrs
                    ],
                    **typed,
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


def _link_attribute(element, attribute, value):
    """A registered link type's name and a numeric id only (the rest of stored data-…
    attributes is dropped, so a frontend can trust them)."""
    if attribute == "data-linktype":
        return value if value in LINK_TYPES else None
    if attribute == "data-id":
        return value if value.isdigit() else None
    return value


_rich_text_cleaner = nh3.Cleaner(
    tags=set(RICH_TEXT_TAGS),
    attributes={"a": {"href", "data-linktype", "data-id"}},
    attribute_filter=_link_attribute,
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
