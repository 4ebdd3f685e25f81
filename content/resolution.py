"""One resolution per response: every reference of a page loaded in a fixed number of queries.

A response is resolved in three steps:

1. *collect*: the page (and the site chrome, for HTML) says what it refers to: ids found in
   its StreamFields' raw data and rich text, its own foreign keys, rows of its child relations;
2. *load*: one query per kind (pages, documents, each snippet model, images, renditions), each
   narrowed by :func:`content.visibility.visible`, so what is hidden is simply not there;
3. *build*: the page builds its typed values (``content.values``) from what was loaded.

So a page costs the same number of queries with one section or with thirty, and whatever the
HTML shows is exactly what the API returns.
"""

import logging
from collections import defaultdict

from django.conf import settings
from django.db.models import BooleanField, ExpressionWrapper, Prefetch, Q, prefetch_related_objects
from django.utils.text import slugify
from django.utils.timezone import now
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.embeds.blocks import EmbedBlock
from wagtail.embeds.embeds import get_embed, get_embed_hash
from wagtail.embeds.exceptions import EmbedException
from wagtail.embeds.models import Embed
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock
from wagtail.images.models import AbstractImage
from wagtail.models import Page

from . import richtext
from .kinds import DOCUMENT, IMAGE, PAGE, kind_of
from .renditions import ALL_SPECS, image_value
from .values import DocumentLinkValue, PageLinkValue
from .visibility import ANONYMOUS, visible, visible_related

logger = logging.getLogger(__name__)


def bucket_of(model):
    """The bucket a model's objects are loaded in: pages, documents, images, or the model."""
    return kind_of(model) or model


def list_items(raw):
    """The values of a ListBlock's raw data (``{"type": "item", "value": …}`` or bare)."""
    for item in raw or ():
        if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
            yield item["value"]
        else:
            yield item


def _language_of(page):
    """The language code of ``page``'s locale (loaded with it), or ``None``."""
    if page is None or not getattr(page, "locale_id", None):
        return None
    return page.locale.language_code


def image_id(raw):
    """The image id of an ImageBlock's raw data (a dict, or a bare id from before)."""
    if isinstance(raw, dict):
        return raw.get("image")
    return raw


class Resolution:
    """What one response may show, loaded in bulk. See the module docstring."""

    def __init__(self, reader=ANONYMOUS, site=None, resolved_page=None, group=None, language=None):
        self.reader = reader
        # The language the values are built in: the text of objects translated per field
        # (``content.translated``), German where they have none. The resolved page's locale's,
        # else the one asked for (an API parameter), else German.
        self.language = language or _language_of(resolved_page) or settings.LANGUAGE_CODE
        # The pages resolved together with this one (a listing: :func:`load_together`), whose
        # child rows ``related`` loads for all of them at once; ``None`` for one page alone.
        self.group = group
        # Page URLs are relative to this site (None: relative when there is only one site).
        self.site = site
        # The page being delivered, if any (named when something of it cannot be delivered).
        self.resolved_page = resolved_page
        self._ids = defaultdict(set)
        self._page_tags = {}
        self._document_tags = {}
        self._rich_texts = set()
        self._link_types = set()
        self._embed_urls = set()
        self.embeds = {}
        self._loaded_images = []
        self.objects = defaultdict(dict)
        self.page_tags = defaultdict(list)
        self.document_tags = defaultdict(list)
        self._html = {}
        # Rows a page queried itself in ``collect`` (e.g. its ordered child relations), kept
        # for its ``build``.
        self.rows = {}
        self.is_loaded = False
        self._anchors = set()

    # -- collect ------------------------------------------------------------------------------

    def want(self, model, *pks):
        self._ids[bucket_of(model)].update(pk for pk in pks if pk)

    def want_pages_where(self, tag, condition):
        """Load the visible pages matching ``condition`` too; after loading they are
        ``page_tags[tag]`` (in tree order)."""
        self._page_tags[tag] = condition

    def want_documents_where(self, tag, condition):
        self._document_tags[tag] = condition

    def want_rich_text(self, source):
        if source:
            self._rich_texts.add(source)
            for link_type, pks in richtext.referenced_ids(source).items():
                registered = richtext.LINK_TYPES.get(link_type)
                if registered is None:
                    self._ids[link_type].update(pks)
                elif pks:
                    self.want(registered.model, *pks)
                    if registered.want is not None and link_type not in self._link_types:
                        self._link_types.add(link_type)
                        registered.want(self)

    def add(self, objects):
        """Objects the caller loaded itself (e.g. through a child relation), already narrowed
        by visibility; their selected-related images get their renditions with the rest."""
        objects = [obj for obj in objects if obj is not None]
        for obj in objects:
            self.objects[bucket_of(type(obj))][obj.pk] = obj
        self._loaded_images += [image for obj in objects for image in _related_images(obj)]
        return objects

    def related(self, page, relation, field, *select_related):
        """The rows of ``page``'s child relation ``relation`` (e.g. its ordered contact persons)
        whose ``field`` the reader may see, with ``select_related``, in their order. For a page
        resolved in a group (a listing), the rows of every page of the group of the same type
        are loaded in one query the first time one of them asks."""
        group = self.group
        if group is None or page.pk is None or page.pk not in group.page_ids:
            rows = visible_related(getattr(page, relation).all(), field, self.reader)
            return list(rows.select_related(*select_related))
        key = (type(page), relation, field, select_related)
        if key not in group.rows:
            foreign_key = page._meta.get_field(relation).field
            pks = [other.pk for other in group.pages if type(other) is type(page)]
            rows = foreign_key.model._default_manager.filter(**{f"{foreign_key.name}__in": pks})
            by_page = defaultdict(list)
            for row in visible_related(rows, field, self.reader).select_related(*select_related):
                by_page[getattr(row, foreign_key.attname)].append(row)
            group.rows[key] = by_page
        return group.rows[key].get(page.pk, [])

    def collect(self, block, raw):
        """Walk a block's raw (stored) data and want everything it refers to."""
        if raw is None:
            return
        if isinstance(block, ImageBlock):
            pk = image_id(raw)
            self.want(get_image_model(), pk if isinstance(pk, int) else None)
        elif isinstance(block, blocks.StreamBlock):
            for item in raw:
                child = block.child_blocks.get(item.get("type")) if isinstance(item, dict) else None
                if child is not None:
                    self.collect(child, item.get("value"))
        elif isinstance(block, blocks.ListBlock):
            for value in list_items(raw):
                self.collect(block.child_block, value)
        elif isinstance(block, blocks.StructBlock):
            if isinstance(raw, dict):
                for name, child in block.child_blocks.items():
                    self.collect(child, raw.get(name))
        elif isinstance(block, blocks.ChooserBlock):
            if isinstance(raw, int):
                self.want(block.model_class, raw)
        elif isinstance(block, blocks.RichTextBlock) and isinstance(raw, str):
            self.want_rich_text(raw)
        elif isinstance(block, EmbedBlock) and isinstance(raw, str) and raw.strip():
            self._embed_urls.add(raw.strip())

    # -- load ---------------------------------------------------------------------------------

    def load(self):
        """Run the queries: one per kind of object wanted (nothing for kinds not wanted)."""
        load_together([self])
        return self

    # -- build --------------------------------------------------------------------------------

    def get(self, model, pk):
        """A loaded, visible object, or ``None`` (hidden, deleted or never wanted)."""
        if not self.is_loaded:
            raise RuntimeError("Resolution.get() before load()")
        return self.objects[bucket_of(model)].get(pk) if pk else None

    def get_image(self, pk):
        return self.get(get_image_model(), pk)

    def embed(self, url):
        """The stored oEmbed data of ``url`` (read from the provider the first time)."""
        if url not in self.embeds:
            try:
                self.embeds[url] = get_embed(url)
            except EmbedException:
                logger.warning("Could not read the embed %s", url, exc_info=True)
                self.embeds[url] = None
        return self.embeds[url]

    def page(self, pk):
        return self.get(Page, pk)

    def document(self, pk):
        return self.get(get_document_model(), pk)

    def image(self, pk_or_image, purpose, *, alt=None, decorative=False):
        image = pk_or_image
        if not isinstance(image, AbstractImage):
            image = self.get(get_image_model(), pk_or_image)
        return image_value(image, purpose, alt=alt, decorative=decorative)

    def page_url(self, page):
        return page.get_url(current_site=self.site) or "" if page is not None else ""

    def page_link(self, page_or_pk):
        page = page_or_pk if isinstance(page_or_pk, Page) else self.page(page_or_pk)
        if page is None:
            return None
        return PageLinkValue(
            id=page.pk,
            title=page.title,
            type=(page.specific_class or Page)._meta.label,
            url=self.page_url(page),
        )

    def document_link(self, document_or_pk):
        document = document_or_pk
        if not isinstance(document, AbstractDocument):
            document = self.document(document_or_pk)
        if document is None:
            return None
        return DocumentLinkValue(
            id=document.pk,
            title=document.title,
            file_extension=document.file_extension,
            file_size=document.file_size,
            url=document.url,
        )

    def anchor(self, text):
        """An HTML id for a heading, unique on the page: ``abschnitt-<slug>`` (numbered on
        repetition), stable as long as the heading's text is."""
        base = f"abschnitt-{slugify(text)}".rstrip("-")
        anchor, number = base, 2
        while anchor in self._anchors:
            anchor, number = f"{base}-{number}", number + 1
        self._anchors.add(anchor)
        return anchor

    def rich_text(self, source):
        """Display HTML of a collected rich text, with links only to visible targets."""
        if source not in self._html:
            self._html[source] = richtext.expand(
                source,
                page_url=lambda pk: (self.page_url(self.page(pk)) or None) if pk else None,
                document_url=lambda pk: getattr(self.document(pk), "url", None),
                link_url=self._link_url,
            )
        return self._html[source]

    def _link_url(self, link_type, pk):
        """The URL of a registered link type's visible target (``richtext.LinkType``)."""
        registered = richtext.LINK_TYPES[link_type]
        obj = self.get(registered.model, pk)
        return registered.href(obj, self) if obj is not None else None

    def resolve_stream(self, stream_block, raw):
        """The typed items of a stream (see ``ResolvedStreamBlock.resolve``)."""
        return stream_block.resolve(raw, self)


class Group:
    """Pages resolved together (the items of a listing), each in its own :class:`Resolution`:
    what their child relations hold is loaded for all of them at once
    (:meth:`Resolution.related`)."""

    def __init__(self, pages):
        self.pages = list(pages)
        self.page_ids = {page.pk for page in self.pages if page.pk is not None}
        self.rows = {}


# Borrowed: see cms/borrowed.py (wagtail AbstractImage._get_prefetched_renditions)
def load_together(resolutions):
    """Load what the resolutions want in the queries of one: one per kind of object wanted,
    whatever the number of resolutions (the pages of a listing, each resolved on its own).
    They share the loaded objects (so they must have the same reader); each keeps its own
    rows, tagged selections (``page_tags``, ``document_tags``) and anchors."""
    pending = [res for res in resolutions if not res.is_loaded]
    if not pending:
        return
    reader = pending[0].reader
    if any(res.reader is not reader for res in pending):
        raise ValueError("Resolutions loaded together must have the same reader.")
    objects, ids, loaded_images, embed_urls = defaultdict(dict), defaultdict(set), [], set()
    for res in pending:
        for bucket, loaded in res.objects.items():
            objects[bucket].update(loaded)
        for kind, pks in res._ids.items():
            ids[kind] |= pks
        loaded_images += res._loaded_images
        embed_urls |= res._embed_urls
    loader = Resolution(reader)
    loader.objects, loader._ids, loader._loaded_images = objects, ids, loaded_images
    _load_tagged(
        loader,
        Page,
        PAGE,
        [(res.page_tags, t, c) for res in pending for t, c in res._page_tags.items()],
    )
    _load_tagged(
        loader,
        get_document_model(),
        DOCUMENT,
        [(res.document_tags, t, c) for res in pending for t, c in res._document_tags.items()],
    )
    for kind, pks in list(ids.items()):
        if kind in (PAGE, DOCUMENT, IMAGE) or not pks:
            continue
        loader.add(_select(visible(kind.objects.filter(pk__in=pks), reader), kind))
    embeds = {}
    if embed_urls:
        hashes = {get_embed_hash(url): url for url in embed_urls}
        stored = Embed.objects.exclude(cache_until__lte=now()).filter(hash__in=hashes)
        embeds = {hashes[embed.hash]: embed for embed in stored}
    image_ids = ids[IMAGE] - set(objects[IMAGE])
    if image_ids:
        loader.add(get_image_model().objects.filter(pk__in=image_ids))
    images = list({id(i): i for i in [*objects[IMAGE].values(), *loader._loaded_images]}.values())
    unfetched = [i for i in images if not hasattr(i, "prefetched_renditions")]
    if unfetched:
        renditions = get_image_model().get_rendition_model().objects
        renditions = renditions.filter(filter_spec__in=ALL_SPECS)
        prefetch_related_objects(
            unfetched, Prefetch("renditions", queryset=renditions, to_attr="prefetched_renditions")
        )
    for res in pending:
        res.objects, res.embeds, res.is_loaded = objects, embeds, True


def _load_tagged(loader, model, kind, wanted):
    """The objects of ``kind`` wanted by id and those matching the tagged conditions, in one
    query; ``wanted`` lists ``(tagged, tag, condition)``: each match goes to ``tagged[tag]``.
    Equal conditions (siblings' ancestors) are asked once."""
    pks = loader._ids[kind]
    if not pks and not wanted:
        return
    distinct = {}  # condition -> the (tagged, tag) it fills (a Q hashes by its lookups)
    for tagged, tag, tag_condition in wanted:
        distinct.setdefault(tag_condition, []).append((tagged, tag))
    conditions = list(distinct.items())
    condition = Q(pk__in=pks)
    annotations = {}
    for number, (tag_condition, _targets) in enumerate(conditions):
        condition |= tag_condition
        annotations[f"_tag_{number}"] = ExpressionWrapper(
            tag_condition, output_field=BooleanField()
        )
    for tagged, tag, _condition in wanted:
        tagged.setdefault(tag, [])
    queryset = _select(visible(model.objects.filter(condition), loader.reader), model)
    for obj in loader.add(queryset.annotate(**annotations).order_by("pk")):
        for number, (_condition, targets) in enumerate(conditions):
            if getattr(obj, f"_tag_{number}"):
                for tagged, tag in targets:
                    tagged[tag].append(obj)
    if model is Page:
        for tagged, tag, _condition in wanted:
            tagged[tag].sort(key=lambda page: page.path)


def _select(queryset, model):
    """Apply the model's ``value_select_related`` (what its values always need)."""
    related = getattr(model, "value_select_related", ())
    if model is Page:  # a page's locale names its language (translations, switcher)
        related = ("locale", *related)
    return queryset.select_related(*related) if related else queryset


# Borrowed: see cms/borrowed.py (django ModelState.fields_cache)
def _related_images(obj, depth=0):
    """Images reachable through ``obj``'s select_related cache (photo, cover, lead's photo)."""
    if depth > 3:
        return
    for related in obj._state.fields_cache.values():
        if isinstance(related, AbstractImage):
            yield related
        elif related is not None and hasattr(related, "_state"):
            yield from _related_images(related, depth + 1)
