"""HTML fragments cached until their data changes or the clock changes them.

A page whose content depends on the clock (a phase opens, a session is under way) can still
be cached: whoever builds the fragment also says until when it holds (the next instant at
which the clock would change it), and that instant is stored beside the HTML and compared
with the clock on every read. So a copy is never served past its boundary, whatever the
cache's own expiry (and time moved in tests counts as well). The data is handled by the
key: callers put in it the versions that writes bump after they commit, and read those
versions before the data, so content built from older data lands under a key no one reads.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable
from datetime import datetime

from django.core.cache import cache
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

# Kept at most this long even when no boundary comes; a key with a query string in it is
# one of many, so none stays forever.
MAX_SECONDS = 3600

Build = Callable[[], tuple[str, datetime | None]]


def query_digest(query: str) -> str:
    """A short, fixed-length stand-in for a query string in a cache key."""
    return hashlib.blake2b(query.encode(), digest_size=12).hexdigest()


def fragment(*, key: str | None, now: datetime, build: Build) -> SafeString:
    """The HTML of ``build()`` (which returns it with the instant it stops holding, or None),
    from the cache under ``key`` while it holds; built every time when ``key`` is None (a
    version could not be read: the cache is down)."""
    if key is None:
        return mark_safe(build()[0])
    try:
        stored = cache.get(key)
    except Exception:
        stored = None
    if stored is not None:
        html, until = stored
        if until is None or now < until:
            return mark_safe(html)
    html, until = build()
    seconds = MAX_SECONDS if until is None else (until - timezone.now()).total_seconds()
    if seconds >= 1:
        with contextlib.suppress(Exception):
            cache.set(key, (html, until), int(min(seconds, MAX_SECONDS)))
    return mark_safe(html)
