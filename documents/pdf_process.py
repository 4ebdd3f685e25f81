"""The child process that reads an uploaded PDF: ``python -m documents.pdf_process``.

Run by ``documents.sandbox`` with the PDF on stdin; writes one JSON object to stdout. Before it
touches the file it limits itself (address space, CPU seconds), so a PDF built to unpack into
hundreds of megabytes or to take minutes ends this process, not the worker that started it.
Imports nothing of Django: the readers in ``extraction`` are plain functions.
"""

import argparse
import base64
import json
import resource
import sys


def limit(memory_mb, cpu_seconds):
    memory = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--memory-mb", type=int, required=True)
    parser.add_argument("--cpu-seconds", type=int, required=True)
    parser.add_argument("--max-pages", type=int, required=True)
    parser.add_argument("--cover", action="store_true")
    options = parser.parse_args(argv)
    data = sys.stdin.buffer.read()
    limit(options.memory_mb, options.cpu_seconds)

    # pypdf stops a stream that unpacks beyond its limits (75 MB by default) with
    # LimitReachedError; whatever else grows too large meets the address-space limit.
    from pypdf.errors import LimitReachedError

    from documents.extraction import TooManyPages, TooMuchContent, read_pdf, render_cover

    try:
        info = read_pdf(data, max_pages=options.max_pages)
        cover = None
        if options.cover:
            try:
                cover = render_cover(data)
            except MemoryError:
                raise
            except Exception as exc:  # no cover is fine; the metadata are kept
                print(f"no cover: {type(exc).__name__}: {exc}", file=sys.stderr)
    except (LimitReachedError, TooMuchContent):
        return answer({"refused": "unpacked"})
    except MemoryError:
        return answer({"refused": "memory"})
    except TooManyPages as exc:
        return answer({"refused": "pages", "pages": exc.pages})
    return answer(
        {
            "page_count": info.page_count,
            "text": info.text,
            "is_tagged": info.is_tagged,
            "cover": base64.b64encode(cover).decode() if cover else None,
        }
    )


def answer(result):
    sys.stdout.write(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
