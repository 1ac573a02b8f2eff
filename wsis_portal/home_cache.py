"""The home page's content, cached until its data changes or the clock changes it.

Writes to what the home providers read bump the home version after they commit
(``home_changed``, connected by each app to its models); the clock is handled by each
provider's ``next_change(now)``, the next instant at which its items would differ without
any write (a window opens or closes, a phase comes within its notice). The content is
cached per language under the home and matrix versions until the first of those instants
(``wsis_portal.fragments``), so a cached home page is never wrong when a phase opens or
closes.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from .fragments import fragment
from .registry import registry

HOME_VERSION_KEY = "home:version"


def home_changed(**kwargs: Any) -> None:
    """Signal receiver: the home's cached content is stale once the change is committed."""
    transaction.on_commit(home_version_bump)


def home_version_bump() -> None:
    """A new version, strictly above the last one (also when the clock stands still)."""
    # The cache is an optimisation; a Redis outage must not fail a write.
    with contextlib.suppress(Exception):
        old = int(cache.get(HOME_VERSION_KEY) or 0)
        cache.set(HOME_VERSION_KEY, str(max(time.time_ns(), old + 1)), None)


def home_version() -> str | None:
    """The current version, or None when the cache cannot be reached. A missing key (a
    cleared or evicted cache) starts a new version, never an old one."""
    try:
        version = cache.get(HOME_VERSION_KEY)
        if version is None:
            cache.add(HOME_VERSION_KEY, str(time.time_ns()), None)
            version = cache.get(HOME_VERSION_KEY)
    except Exception:
        return None
    return str(version) if version is not None else None


def next_change(now: datetime) -> datetime | None:
    """The first instant after ``now`` at which some provider's items change by the clock."""
    moments = [moment for provider in registry.home_next_change if (moment := provider(now))]
    return min(moments, default=None)


def home_content(*, now: datetime, render: Callable[[], str], matrix_version: str) -> SafeString:
    """The content rendered by ``render`` at ``now``, from the cache while it holds. Not
    cached while some home provider cannot say when the clock changes its items."""
    version = home_version()
    key = None
    if version is not None and registry.home_complete():
        key = f"home:content:{get_language()}:{version}:{matrix_version}"
    return fragment(key=key, now=now, build=lambda: (render(), next_change(now)))
