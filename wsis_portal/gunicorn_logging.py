"""gunicorn's logger with secret URL tokens masked (see wsis_portal.logmask)."""

from __future__ import annotations

from gunicorn.glogging import Logger

from .logmask import MaskSecretsFilter, mask_secrets


class MaskingLogger(Logger):
    """Masks every text atom of the access log (request line, path, query, Referer, headers)
    and every error-log record (gunicorn logs the request line of a failed request)."""

    def setup(self, cfg) -> None:
        super().setup(cfg)
        self.error_log.addFilter(MaskSecretsFilter())

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        return {
            key: mask_secrets(value) if isinstance(value, str) else value
            for key, value in atoms.items()
        }
