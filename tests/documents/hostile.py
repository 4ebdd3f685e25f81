"""Hostile PDFs, written byte by byte (fast, no library in between)."""

import io
import zlib

PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %s >>"


def _pdf(objects):
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def bomb(unpacked_mb=300, piece_mb=10):
    """One page whose content (one compressed stream, referenced again and again) unpacks to
    ``unpacked_mb`` MB of drawing operators: a few dozen KB on disk."""
    operators = b"0 0 m 1 1 l S\n" * (piece_mb * 1024 * 1024 // 14)
    stream = zlib.compress(operators, 1)
    contents = b"[" + b" ".join([b"4 0 R"] * (unpacked_mb // piece_mb)) + b"]"
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            PAGE % contents,
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
            + stream
            + b"\nendstream",
        ]
    )


def many_pages(count=20_000):
    """``count`` empty pages sharing one empty content stream."""
    kids = b" ".join(b"%d 0 R" % (4 + n) for n in range(count))
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
            b"<< /Length 0 >>\nstream\n\nendstream",
            *[PAGE % b"3 0 R" for _ in range(count)],
        ]
    )
