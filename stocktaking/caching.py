"""The stocktaking cache: values kept until published data next changes.

Services bump a version key after each commit that changes published data (and the
``post_save``/``post_delete`` signals do for any other write, the admin's included); every
cached value is stored under the current version, so a bump makes all of them stale at once.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable
from typing import Any

from django.core.cache import cache

from forum.models import SDG, ActionLine

# The version of the published data: every cached page and count is keyed on it.
CACHE_VERSION_KEY = "stocktaking:data-version"

CACHE_SECONDS = 600


def _cache_version() -> str:
    try:
        version = cache.get(CACHE_VERSION_KEY)
    except Exception:
        return ""
    return str(version or "0")


def cached(parts: tuple, compute: Callable[[], Any], version: str | None = None) -> Any:
    """``compute()`` memoised until published data next changes (services bump the version).

    Read-only pages keep working when Redis is down: a cache error just recomputes.
    """
    version = version if version is not None else _cache_version()
    if not version:
        return compute()
    digest = hashlib.sha1(repr(parts).encode()).hexdigest()
    key = f"stocktaking:{version}:{digest}"
    try:
        hit = cache.get(key)
    except Exception:
        hit = None
    if hit is not None:
        return hit
    value = compute()
    with contextlib.suppress(Exception):
        cache.set(key, value, CACHE_SECONDS)
    return value


# Reference data is edited in the Forum's admin, which does not bump the stocktaking version:
# it is cached for CACHE_SECONDS whatever the entries do, so the first page after an entry
# changes does not read the 35 rows again.
REFERENCE_VERSION = "reference"


def taxonomy() -> tuple[list[ActionLine], list[SDG]]:
    """The 18 Action Lines and 17 SDGs (reference data), from the cache when it can."""
    return cached(
        ("taxonomy",),
        lambda: (
            list(ActionLine.objects.only("id", "code", "number", "title", "short_name")),
            list(SDG.objects.only("id", "number", "title", "short_name", "colour")),
        ),
        REFERENCE_VERSION,
    )


def action_line_ids() -> dict[str, int]:
    return {al.code: al.pk for al in taxonomy()[0]}


def sdg_ids() -> dict[str, int]:
    return {str(s.number): s.pk for s in taxonomy()[1]}
