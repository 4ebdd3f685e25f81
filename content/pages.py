"""Pages that deliver themselves: resolved once per request, rendered twice.

A page type declares ``value_type`` (its delivered value) and builds it in two steps around
one :class:`~content.resolution.Resolution`: ``collect`` says what it refers to, ``build``
makes the value from what was loaded. The HTML view puts the value into the template context
as ``value``; the APIs serialise the same value (``api.fields.page_api_fields``).
"""

from typing import ClassVar

from django.conf import settings
from django.db.models import Q
from pydantic import Field
from wagtail.models import Page, PageManager, Site
from wagtail.query import PageQuerySet

from httpcache import cache

from .locales import NOT_AN_ALIAS
from .resolution import Group, Resolution, load_together
from .values import URL, PageLinkValue, SeoValue, SocialImageValue, Value
from .visibility import Reader


class TranslationValue(Value):
    """The page in another of the site's languages: a live, public translation of it."""

    id: int
    locale: str = Field(
        description="Its language code, as `meta.locale` and `/api/v3/languages/` "
        "(`de`, `de-x-ls` for Leichte Sprache, `en`, `ar`, …)."
    )
    title: str
    html_url: URL = Field(description="Where the site shows it.")
    api_v2_url: URL = Field(description="Its detail in the v2 API.")
    api_v3_url: URL = Field(description="Its detail in the v3 API.")


class PageValue(Value):
    """What every delivered page has."""

    breadcrumbs: list[PageLinkValue] = Field(
        description="The page's visible ancestors from the site's home page down, for a trail."
    )
    seo: SeoValue = Field(description="What the HTML head says: title, description, canonical.")
    # Filled for every page type by ResolvedPage.deliver (not by each type's build).
    translations: list[TranslationValue] = Field(
        default_factory=list,
        description="The page in the site's other languages: its live, public translations "
        "(drafts, unpublished and restricted ones never), in the order of the site's languages "
        "(`/api/v3/languages/`). A frontend builds its language switcher from this one list.",
    )


DESCRIPTION_LENGTH = 160


def page_description(page):
    """The editor's SEO description, else the page's intro, cut at a word for search results."""
    text = getattr(page, "search_description", "") or getattr(page, "intro", "") or ""
    text = " ".join(str(text).split())
    if len(text) <= DESCRIPTION_LENGTH:
        return text
    return text[: DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;:.–-") + "…"


class ResolvedPageQuerySet(PageQuerySet):
    # Borrowed: see cms/borrowed.py (django Query.add_select_related: query.select_related)
    def only(self, *fields):
        """Drop the relations the manager joins that ``fields`` leaves out: Django refuses a
        relation both deferred and joined (treebeard deletes with ``.only("path", …)``)."""
        clone = super().only(*fields)
        joined = clone.query.select_related
        if isinstance(joined, dict):
            wanted = {name.split("__")[0] for name in fields}
            kept = {name: more for name, more in joined.items() if name in wanted}
            clone.query.select_related = kept or False
        return clone


class ResolvedPageManager(PageManager.from_queryset(ResolvedPageQuerySet)):
    """Loads what a page type's value always needs with the page itself (``.specific`` uses
    the default manager), e.g. its Fachbereich and hero image: no query per field."""

    def get_queryset(self):
        related = getattr(self.model, "value_select_related", ())
        return super().get_queryset().select_related("locale", *related)


class ResolvedPage:
    """Mixin for page types. Subclasses set ``value_type`` and implement ``build``."""

    value_type: ClassVar[type[PageValue]] = PageValue
    value_select_related: ClassVar[tuple] = ()
    # The query parameters the page's HTML reads (e.g. its filters): a rendered answer to a
    # query with any other parameter is not kept by the response cache.
    query_parameters: ClassVar[frozenset] = frozenset()

    def collect(self, res):
        """Say what the value refers to (``res.want…``, ``res.collect``); may query child
        relations (already narrowed to what is visible)."""
        steplen = Page.steplen
        ancestors = [self.path[: steplen * depth] for depth in range(2, self.depth)]
        res.want_pages_where("ancestors", Q(path__in=ancestors))
        # Its translations (loaded with the rest, narrowed to what the reader may see).
        res.want_pages_where(
            "translations",
            Q(translation_key=self.translation_key, **NOT_AN_ALIAS) & ~Q(pk=self.pk),
        )

    def build(self, res):
        return PageValue(breadcrumbs=self.build_breadcrumbs(res), seo=self.build_seo(res))

    def deliver(self, res):
        """The page's value from a loaded resolution: its type's ``build`` and what every
        page has (its translations)."""
        value = self.build(res)
        return value.model_copy(update={"translations": self.build_translations(res)})

    def build_translations(self, res):
        """The visible translations in a configured language that the site serves."""
        order = {code: number for number, code in enumerate(settings.SITE_LANGUAGES)}
        translations = []
        for page in res.page_tags["translations"]:
            code = page.locale.language_code
            url = res.page_url(page)
            if code in order and url:
                translations.append(
                    TranslationValue(
                        id=page.pk,
                        locale=code,
                        title=page.title,
                        html_url=url,
                        api_v2_url=f"/api/v2/pages/{page.pk}/",
                        api_v3_url=f"/api/v3/pages/{page.pk}/",
                    )
                )
        return sorted(translations, key=lambda translation: order[translation.locale])

    def build_breadcrumbs(self, res):
        return [res.page_link(page) for page in res.page_tags["ancestors"]]

    def build_seo(self, res, image=None):
        """The head of the page (the HTML's ``page_meta`` renders it): canonical URL on the
        site's configured root URL (as the sitemap), ``image`` (an ``ImageValue``, the hero)
        in its largest delivered size."""
        _site_id, root_url, path = self.get_url_parts() or (None, "", "")
        largest = image.largest if image is not None else None
        return SeoValue(
            title=self.seo_title or self.title,
            description=page_description(self),
            canonical_url=f"{root_url or ''}{path or ''}",
            og_type="article" if self.depth > 2 else "website",
            image=SocialImageValue(
                url=largest.url, width=largest.width, height=largest.height, alt=image.alt
            )
            if largest is not None
            else None,
        )

    def resolve(self, reader=None, site=None):
        """This page's value for ``reader`` (anonymous by default)."""
        res = Resolution(reader or Reader(), site, resolved_page=self)
        self.collect(res)
        return self.deliver(res.load())

    @staticmethod
    def resolve_together(pages, reader=None, site=None):
        """The values of ``pages`` (a listing's items) for ``reader``, resolved together: each
        page collects into its own resolution, and what they all want is loaded at once (one
        query per kind, child rows one query per relation and page type), so a listing costs
        the same queries for 5 pages as for 50. Their ``resolve`` gives each the same value."""
        reader = reader or Reader()
        group = Group(pages)
        resolutions = []
        for page in group.pages:
            res = Resolution(reader, site, resolved_page=page, group=group)
            page.collect(res)
            resolutions.append(res)
        load_together(resolutions)
        return [page.deliver(res) for page, res in zip(group.pages, resolutions, strict=True)]

    def serve(self, request, *args, **kwargs):
        """Wagtail's serve, tagged for the response cache: this page and the chrome. (Wagtail
        checks view restrictions before it calls this, so a restricted page reaches here only
        for a reader with credentials, whose responses are never stored.)"""
        response = super().serve(request, *args, **kwargs)
        cache.tag(request, cache.page_tag(self.pk), "chrome", params=self.query_parameters)
        return response

    def get_context(self, request, *args, **kwargs):
        """The page's value as ``value``, and each registered HTML part (the site's chrome)
        under its name, all from one resolution."""
        context = super().get_context(request, *args, **kwargs)
        site = Site.find_for_request(request)
        res = Resolution(Reader.for_request(request), site, resolved_page=self)
        self.collect(res)
        parts = {name: factory(request, site, self) for name, factory in HTML_PARTS.items()}
        for part in parts.values():
            part.collect(res)
        res.load()
        context["value"] = self.deliver(res)
        context.update({name: part.build(res) for name, part in parts.items()})
        return context


# Further values every rendered page shows (e.g. the navigation and the footer), registered by
# the app that owns them: ``factory(request, site, page)`` returns an object with
# ``collect(res)`` and ``build(res)``, resolved together with the page.
HTML_PARTS = {}


def register_html_part(name, factory):
    HTML_PARTS[name] = factory


__all__ = [
    "ResolvedPage",
    "ResolvedPageManager",
    "PageValue",
    "TranslationValue",
    "register_html_part",
]
