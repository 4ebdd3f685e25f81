"""Structured logs: with ``LOG_FORMAT=json`` every log record is one JSON line on stderr, and
every request adds one line (method, path, status, duration, request id).

The request id comes from the ``X-Request-ID`` header when a load balancer sets one (a short
token), else it is made here; it is sent back in ``X-Request-ID`` and carried by every record
logged while the request runs, so one request's lines can be found together.
"""

import contextvars
import json
import logging
import re
import time
import uuid
from datetime import UTC, datetime

logger = logging.getLogger("ops.requests")
request_id = contextvars.ContextVar("request_id", default=None)
GIVEN_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")

# Attributes every LogRecord has; anything else was passed in ``extra`` and is kept.
STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        if not hasattr(record, "request_id"):
            # Django logs a request's 4xx/5xx after the middleware returned, with the request.
            request = getattr(record, "request", None)
            record.request_id = getattr(request, "request_id", None) or request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record):
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        line.update({k: v for k, v in vars(record).items() if k not in STANDARD and v is not None})
        line.pop("request", None)  # Django's request object on django.request records
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


class RequestLogMiddleware:
    """Outermost middleware: times the whole request and logs one line for it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        rid = given if GIVEN_ID.match(given) else uuid.uuid4().hex
        request.request_id = rid
        token = request_id.set(rid)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = rid
            logger.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    "cache": response.get("X-Response-Cache", "miss"),
                },
            )
            return response
        finally:
            request_id.reset(token)
