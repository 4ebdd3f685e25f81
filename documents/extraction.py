"""Reads what a PDF says about itself: pages, text, tagging, and a picture of its first page.

Pure functions over a binary file object, no Django models: the task in ``tasks.py`` decides
what to store. Every reader is defensive, because uploaded PDFs are often broken or hostile.
"""

import io
import logging
from dataclasses import dataclass

import pypdf
import pypdfium2
from pypdf.errors import LimitReachedError

logger = logging.getLogger(__name__)

# Enough for the search index of a long brochure; a 500-page report stops here.
MAX_TEXT_CHARS = 500_000
COVER_WIDTH = 600
# A page far taller than wide (a banner, a hostile MediaBox) must not become a huge bitmap.
COVER_MAX_HEIGHT = 1200
# Between the pages of the extracted text (form feed: whitespace to every search index), so
# that the search excerpt can leave the cover out (Publication.excerpt_texts).
PAGE_BREAK = "\f"


# A page's drawing instructions (its content streams, unpacked); real pages stay far below.
MAX_PAGE_CONTENT_BYTES = 50 * 1024 * 1024


class TooMuchContent(Exception):
    """A page's content unpacks beyond ``MAX_PAGE_CONTENT_BYTES``: a bomb."""


class TooManyPages(Exception):
    def __init__(self, pages):
        super().__init__(pages)
        self.pages = pages


@dataclass
class PdfInfo:
    page_count: int
    text: str  # the pages' text, joined by PAGE_BREAK
    is_tagged: bool


def read_pdf(data: bytes, max_pages: int | None = None) -> PdfInfo:
    """Page count, extracted text and whether the PDF is tagged (the basis of PDF/UA).
    Raises :class:`TooManyPages` beyond ``max_pages``, and pypdf's ``LimitReachedError`` for
    a stream that unpacks beyond pypdf's limits (a bomb, not a broken page)."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    if max_pages is not None:
        # The page tree's own count first: refusing 20,000 pages must not walk them all.
        declared = reader.trailer["/Root"]["/Pages"].get("/Count", 0)
        if isinstance(declared, int) and declared > max_pages:
            raise TooManyPages(declared)
    page_count = len(reader.pages)
    if max_pages is not None and page_count > max_pages:
        raise TooManyPages(page_count)
    chunks, length = [], 0
    for page in reader.pages:
        _check_content_size(page)
        try:
            text = page.extract_text() or ""
        except LimitReachedError:
            raise
        except Exception:  # a single unreadable page must not lose the others
            logger.warning("Could not extract the text of one PDF page", exc_info=True)
            continue
        chunks.append(text)
        length += len(text)
        if length >= MAX_TEXT_CHARS:
            break
    return PdfInfo(
        page_count=page_count,
        text=PAGE_BREAK.join(chunks)[:MAX_TEXT_CHARS].replace("\x00", ""),
        is_tagged=_is_tagged(reader),
    )


def _check_content_size(page):
    """Unpack the page's content streams one by one (zlib, in C) and stop at the limit, before
    pypdf joins and parses them in Python."""
    contents = page.get("/Contents")
    if contents is None:
        return
    contents = contents.get_object()
    streams = contents if isinstance(contents, pypdf.generic.ArrayObject) else [contents]
    total = 0
    for stream in streams:
        total += len(stream.get_object().get_data())
        if total > MAX_PAGE_CONTENT_BYTES:
            raise TooMuchContent(total)


def _is_tagged(reader) -> bool:
    root = reader.trailer["/Root"]
    mark_info = root.get("/MarkInfo")
    marked = bool(mark_info and mark_info.get_object().get("/Marked"))
    return marked and "/StructTreeRoot" in root


def render_cover(data: bytes, width: int = COVER_WIDTH) -> bytes:
    """The first page as a PNG, ``width`` pixels wide."""
    pdf = pypdfium2.PdfDocument(data)
    try:
        page = pdf[0]
        try:
            page_width, page_height = page.get_size()
            scale = min(width / page_width, COVER_MAX_HEIGHT / page_height)
            bitmap = page.render(scale=scale)
            try:
                image = bitmap.to_pil()
                buffer = io.BytesIO()
                image.convert("RGB").save(buffer, format="PNG", optimize=True)
                return buffer.getvalue()
            finally:
                bitmap.close()
        finally:
            page.close()
    finally:
        pdf.close()
