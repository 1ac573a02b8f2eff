"""One JSON object per log line, with the id of the request that wrote it.

Production logs go to standard output, where the platform's collector reads them; a JSON
line keeps a multi-line traceback in one record and lets the collector filter on level,
logger and request id without parsing prose. ``DJANGO_LOG_FORMAT=text`` restores plain lines.
"""

from __future__ import annotations

import json
import logging
import re
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

request_id_var: ContextVar[str] = ContextVar("request_id", default="")

# A request id from the proxy is kept only when it is short and plain, so a client cannot
# inject text into log lines through the header.
_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")

# LogRecord attributes that are not "extra" fields given by the caller.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message",
    "asctime",
    "taskName",
}


def request_id_from(header: str | None) -> str:
    """The proxy's X-Request-ID when it looks like one, else a fresh id."""
    if header and _ID.match(header):
        return header
    return uuid.uuid4().hex


class JsonFormatter(logging.Formatter):
    """``{"time", "level", "logger", "message", "request_id"?, "exc_info"?, ...extra}``."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        # Django logs a 4xx/5xx after the middleware returned, with the request attached.
        request = getattr(record, "request", None)
        request_id = (
            getattr(record, "request_id", "")
            or request_id_var.get()
            or getattr(request, "META", {}).get("HTTP_X_REQUEST_ID", "")
        )
        if request_id:
            entry["request_id"] = request_id
        for key, value in vars(record).items():
            if key not in _STANDARD and key not in entry and key != "request" and key[0] != "_":
                entry[key] = value
        if record.exc_info:
            entry["exc_info"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack_info"] = self.formatStack(record.stack_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


class RequestIdMiddleware:
    """Gives each request an id (the proxy's X-Request-ID, or a new one), puts it in every
    log line written while the request runs, and returns it in the X-Request-ID header.

    The id is written back into the WSGI environ too, so gunicorn's access line carries it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = request_id_from(request.META.get("HTTP_X_REQUEST_ID"))
        request.META["HTTP_X_REQUEST_ID"] = request_id
        token = request_id_var.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            request_id_var.reset(token)
        response["X-Request-ID"] = request_id
        return response
