"""settings.LOGGING: plain or JSON lines on standard output, secret URL tokens masked.

Secret URL tokens (private submission links, confirmation and reset keys) are masked in
every log line (wsis_portal.logmask): on the loggers where Django writes request paths, so
every handler sees the masked text, and on the console handler for everything else.
"""

from __future__ import annotations

from typing import Any


def logging_config(level: str, fmt: str) -> dict[str, Any]:
    """``fmt`` is "json" (production default) or "text"."""
    console: dict[str, Any] = {"class": "logging.StreamHandler", "filters": ["mask_secrets"]}
    server: dict[str, Any] = {
        "class": "logging.StreamHandler",
        "formatter": "django.server",
        "filters": ["mask_secrets"],
    }
    if fmt == "json":
        console["formatter"] = server["formatter"] = "json"
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"mask_secrets": {"()": "wsis_portal.logmask.MaskSecretsFilter"}},
        "formatters": {
            "django.server": {
                "()": "django.utils.log.ServerFormatter",
                "format": "[{server_time}] {message}",
                "style": "{",
            },
            "json": {"()": "wsis_portal.jsonlog.JsonFormatter"},
        },
        "handlers": {"console": console, "django.server": server},
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Django's default handlers (console in DEBUG, mail to ADMINS) are replaced: its
            # records reach the root's masked console handler.
            "django": {"handlers": [], "level": level, "propagate": True},
            "django.request": {"filters": ["mask_secrets"], "propagate": True},
            "django.security": {"filters": ["mask_secrets"], "propagate": True},
            "django.security.csrf": {"filters": ["mask_secrets"], "propagate": True},
            "django.server": {
                "handlers": ["django.server"],
                "filters": ["mask_secrets"],
                "level": "INFO",
                "propagate": False,
            },
            "django.db.backends": {"level": "INFO"},
        },
    }
