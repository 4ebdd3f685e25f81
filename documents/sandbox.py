"""Reading an uploaded PDF in a separate, limited process.

A PDF is a program of sorts: 300 KB can unpack into hundreds of megabytes, and 20,000 pages
take seconds to walk. So the worker never reads one itself: ``documents.pdf_process`` does, in a
child process that limits its own address space (``PDF_MEMORY_LIMIT_MB``) and CPU time, under a
wall-clock timeout (``PDF_TIME_LIMIT_SECONDS``), and refuses more than ``PDF_MAX_PAGES`` pages
(the cover is rendered at most 600 × 1200 pixels, ``extraction``). When the child hits a limit,
:class:`PdfRefused` says which, in German, for the editor.
"""

import base64
import json
import subprocess
import sys

from django.conf import settings
from django.utils.translation import gettext as _

from .extraction import PdfInfo

# How running out of the address-space limit shows in the child's stderr.
MEMORY_SIGNS = ("MemoryError", "bad_alloc", "Cannot allocate", "failed to map segment")


class PdfRefused(Exception):
    """The PDF exceeded a limit; the message is German and meant for the editor."""


def analyse_pdf(data, cover=True):
    """``(PdfInfo, cover PNG bytes or None)`` of the PDF ``data``, read in a child process.
    Raises :class:`PdfRefused` at a limit and ``ValueError`` when the child fails otherwise
    (a broken file)."""
    seconds = settings.PDF_TIME_LIMIT_SECONDS
    command = [
        sys.executable,
        "-m",
        "documents.pdf_process",
        f"--memory-mb={settings.PDF_MEMORY_LIMIT_MB}",
        f"--cpu-seconds={seconds}",
        f"--max-pages={settings.PDF_MAX_PAGES}",
    ]
    if cover:
        command.append("--cover")
    try:
        done = subprocess.run(  # noqa: S603 (our own interpreter and module)
            command,
            input=data,
            capture_output=True,
            timeout=seconds + 5,
            cwd=settings.BASE_DIR,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise PdfRefused(too_slow()) from None
    if done.returncode != 0:
        stderr = done.stderr.decode(errors="replace")
        if any(sign in stderr for sign in MEMORY_SIGNS):
            raise PdfRefused(too_much_memory())
        if done.returncode < 0:  # killed: SIGXCPU at the CPU limit, or SIGKILL/SIGABRT
            raise PdfRefused(too_slow() if done.returncode in (-24, -9) else too_much_memory())
        raise ValueError(f"PDF reader failed: {stderr[-500:]}")
    result = json.loads(done.stdout)
    refused = result.get("refused")
    if refused == "pages":
        raise PdfRefused(
            _("Das PDF hat %(pages)s Seiten; angenommen werden höchstens %(max)s.")
            % {"pages": result["pages"], "max": settings.PDF_MAX_PAGES}
        )
    if refused == "memory":
        raise PdfRefused(too_much_memory())
    if refused:
        raise PdfRefused(
            _(
                "Das PDF entpackt sich beim Lesen zu weit mehr Daten, als eine Seite "
                "braucht (eine sogenannte Entpack-Bombe)."
            )
        )
    info = PdfInfo(
        page_count=result["page_count"], text=result["text"], is_tagged=result["is_tagged"]
    )
    png = base64.b64decode(result["cover"]) if result.get("cover") else None
    return info, png


def too_much_memory():
    return _(
        "Das Lesen des PDF brauchte mehr Arbeitsspeicher als erlaubt (höchstens %(mb)s MB)."
    ) % {"mb": settings.PDF_MEMORY_LIMIT_MB}


def too_slow():
    return _("Das Lesen des PDF dauerte länger als erlaubt (höchstens %(seconds)s Sekunden).") % {
        "seconds": settings.PDF_TIME_LIMIT_SECONDS
    }
