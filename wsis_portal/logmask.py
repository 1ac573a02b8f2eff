"""Keep secret URL tokens out of every log line.

A private submission link, an email-confirmation key or a password-reset key in a URL is a
password: whoever reads it in a log can open the page. Django logs paths ("Not Found: …",
"Forbidden: …", runserver's request lines), gunicorn logs the request line and the Referer,
so every one of those goes through `mask_secrets` first: the filter below sits on Django's
loggers and on the handlers of settings.LOGGING, and `wsis_portal.gunicorn_logging` masks
gunicorn's access and error logs.
"""

from __future__ import annotations

import logging
import re

MASK = "[masked]"

# Each pattern keeps the path up to the secret (group 1) and hides the secret itself.
SECRET_PATH_PATTERNS = [
    # consultations: private submission links and address confirmations
    re.compile(r"(/consultations/[^/\s?#\"']+/(?:submissions|confirm)/)[^/\s?#\"']+"),
    # allauth: email confirmation and password reset keys
    re.compile(r"(/accounts/confirm-email/)[^/\s?#\"']+"),
    re.compile(r"(/accounts/password/reset/key/)[^/\s?#\"']+"),
]


def mask_secrets(text: str) -> str:
    for pattern in SECRET_PATH_PATTERNS:
        text = pattern.sub(lambda match: match.group(1) + MASK, text)
    return text


def _masked(value):
    return mask_secrets(value) if isinstance(value, str) else value


class MaskSecretsFilter(logging.Filter):
    """Rewrite a record's message, arguments and traceback with the secrets masked.

    The record is changed in place, so when the filter sits on a logger every handler after
    it (console, pytest's capture, an error tracker) sees only the masked text.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = mask_secrets(record.msg)
        if isinstance(record.args, dict):
            record.args = {key: _masked(value) for key, value in record.args.items()}
        elif isinstance(record.args, tuple):
            record.args = tuple(_masked(value) for value in record.args)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_secrets(record.exc_text)
        return True
