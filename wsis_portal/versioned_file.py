"""A generated file kept in the cache under the version of the data it shows.

The version is also the file's ``Last-Modified`` and part of its ``ETag``, so a client that asks
again gets a 304 with nothing built. Without a version (the cache is down) the file is built on
every request and nothing is kept.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import UTC, datetime
from typing import ClassVar

from django.core.cache import cache


class VersionedFile:
    """Mixed into a dataclass that sets ``version`` (or None) and ``key`` (what else makes a
    different file: edition, filters, language…)."""

    version: int | None
    key: str
    cache_prefix: ClassVar[str]
    cache_seconds: ClassVar[int] = 3600

    @property
    def etag(self) -> str | None:
        return f'"{self.version}-{self.key[:16]}"' if self.version is not None else None

    @property
    def last_modified(self) -> datetime | None:
        return datetime.fromtimestamp(self.version, UTC) if self.version is not None else None

    def cached(self, build: Callable[[], tuple[bytes, bool]]) -> bytes:
        """The file's bytes from the cache, or from ``build``, which also says whether they may
        be kept (a calendar of invalid filters is not)."""
        cache_key = f"{self.cache_prefix}:{self.version}:{self.key}"
        if self.version is not None:
            # The cache is an optimisation: an outage builds the file instead.
            with contextlib.suppress(Exception):
                hit = cache.get(cache_key)
                if hit is not None:
                    return hit
        content, keep = build()
        if self.version is not None and keep:
            with contextlib.suppress(Exception):
                cache.set(cache_key, content, self.cache_seconds)
        return content
