"""The physical limit: a bare WSGI callable answering a constant body of ``BENCH_BARE_SIZE``
bytes (the v3 detail's size), served by the same gunicorn as the project. No Django at all."""

import os

SIZE = int(os.environ.get("BENCH_BARE_SIZE", "1000"))
BODY = ('{"padding":"' + "x" * max(SIZE - 14, 0) + '"}').encode()
HEADERS = [("Content-Type", "application/json"), ("Content-Length", str(len(BODY)))]


def application(environ, start_response):
    start_response("200 OK", HEADERS)
    return [BODY]
