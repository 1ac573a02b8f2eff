"""gunicorn's logger with secret URL tokens masked (see wsis_portal.logmask), in JSON lines
unless DJANGO_LOG_FORMAT=text."""

from __future__ import annotations

import os
import traceback

from gunicorn.glogging import Logger

from .jsonlog import JsonFormatter
from .logmask import MaskSecretsFilter, mask_secrets


def json_logs() -> bool:
    default = (
        "text"
        if os.environ.get("DJANGO_DEBUG", "").lower() in ("1", "true", "yes", "on")
        else "json"
    )
    return os.environ.get("DJANGO_LOG_FORMAT", default) == "json"


class MaskingLogger(Logger):
    """Masks every text atom of the access log (request line, path, query, Referer, headers)
    and every error-log record (gunicorn logs the request line of a failed request)."""

    def setup(self, cfg) -> None:
        super().setup(cfg)
        self.error_log.addFilter(MaskSecretsFilter())
        if json_logs():
            for log in (self.error_log, self.access_log):
                for handler in log.handlers:
                    handler.setFormatter(JsonFormatter())

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        return {
            key: mask_secrets(value) if isinstance(value, str) else value
            for key, value in atoms.items()
        }

    def access(self, resp, req, environ, request_time) -> None:
        if not json_logs():
            super().access(resp, req, environ, request_time)
            return
        if not self.access_log_enabled:
            return
        try:
            atoms = self.atoms(resp, req, environ, request_time)
            fields = {
                "method": atoms["m"],
                "path": atoms["U"],
                "query": atoms["q"],
                "status": resp.status_code,
                "bytes": atoms["B"],
                "duration_ms": round(request_time.total_seconds() * 1000, 1),
                "remote_addr": atoms["h"],
                "referer": atoms["f"],
                "user_agent": atoms["a"],
                "request_id": environ.get("HTTP_X_REQUEST_ID", ""),
            }
            self.access_log.info("%s %s %s", atoms["m"], atoms["U"], resp.status_code, extra=fields)
        except Exception:
            self.error(traceback.format_exc())
