"""The whole programme of an edition as one iCalendar file, cached until the programme changes.

Two queries build it (the sessions as plain rows, the building blocks' names); the finished
bytes are kept under the programme version (``caching``), the edition, the filters, the
language and the site's address. The version is also the file's ``Last-Modified`` and part of
its ``ETag``, so a calendar client that asks again gets a 304 without anything being built.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from django.urls import reverse
from django.utils import translation

from wsis_portal.versioned_file import VersionedFile

from ..models import Edition
from . import selectors
from .caching import programme_version
from .filters import SessionFilter
from .ical import calendar_from_rows

CACHE_SECONDS = 3600


@dataclass
class ProgrammeCalendar(VersionedFile):
    cache_prefix: ClassVar[str] = "forum:ics"
    cache_seconds: ClassVar[int] = CACHE_SECONDS

    edition: Edition
    data: Any
    name: str
    base_url: str
    version: int | None
    key: str = field(init=False)

    def __post_init__(self) -> None:
        # Only the parameters the filters read make a different file.
        filters = sorted(
            (name, self.data.getlist(name) if hasattr(self.data, "getlist") else self.data[name])
            for name in SessionFilter.base_filters
            if name in (self.data or {})
        )
        parts = (self.edition.pk, filters, translation.get_language(), self.base_url, self.name)
        self.key = hashlib.sha1(repr(parts).encode()).hexdigest()

    def content(self) -> bytes:
        """The file's bytes: from the cache, or built (and cached when the filters are valid)."""
        return self.cached(self._build)

    def _build(self) -> tuple[bytes, bool]:
        rows, valid = selectors.programme_calendar_rows(edition=self.edition, data=self.data)
        content = calendar_from_rows(
            rows,
            name=self.name,
            url_of=_session_url(self.base_url, self.edition.year),
            categories=selectors.building_block_names(),
        )
        return content, valid


def _session_url(base_url: str, year: int) -> Callable[[int], str]:
    """A session's absolute link by its id, reversed once for the whole file."""
    head, tail = reverse("forum:session", args=[year, 0]).rsplit("/0/", 1)
    prefix = f"{base_url}{head}/"
    suffix = f"/{tail}"
    return lambda pk: f"{prefix}{pk}{suffix}"


def programme_calendar(
    *, edition: Edition, data: Any, name: str, base_url: str
) -> ProgrammeCalendar:
    """The edition's (filtered) programme file; its bytes are read only when asked for."""
    return ProgrammeCalendar(
        edition=edition, data=data, name=name, base_url=base_url, version=programme_version()
    )
