"""The rows of the CSV and JSON exports, read chunk by chunk."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet

from ..models import Entry, EntryActionLine, EntrySDG

EXPORT_COLUMNS = (
    ("id", "id"),
    ("title", "title"),
    ("organisation", "organisation"),
    ("stakeholder_type", "stakeholder_type"),
    ("country", "country"),
    ("region", "region"),
    ("start_year", "start_year"),
    ("website", "website"),
    ("is_success_story", "success_story"),
    ("published_at", "published_at"),
    ("description", "description"),
)
EXPORT_HEADER = [label for _, label in EXPORT_COLUMNS] + ["action_lines", "sdgs", "url"]
EXPORT_CHUNK = 2000


def export_rows(qs: QuerySet[Entry], *, base_url: str = "") -> Iterator[dict[str, Any]]:
    """The rows of an export, read in chunks with a server-side cursor; never the whole set.

    Each chunk of entries costs two more queries for its Action Lines and SDGs. No contact
    email: it is never public.
    """
    columns = [c for c, _ in EXPORT_COLUMNS]
    rows = qs.order_by("id").values_list(*columns).iterator(chunk_size=EXPORT_CHUNK)
    batch: list[tuple[Any, ...]] = []
    try:
        for row in rows:
            batch.append(row)
            if len(batch) >= EXPORT_CHUNK:
                yield from _export_batch(batch, base_url)
                batch = []
        if batch:
            yield from _export_batch(batch, base_url)
    finally:
        # Close the server-side cursor now, not when the generator is collected; after a
        # database error mid-export closing it fails too, and that second error is noise.
        with contextlib.suppress(Exception):
            rows.close()  # type: ignore[attr-defined]


def _export_batch(batch: list[tuple[Any, ...]], base_url: str) -> Iterator[dict[str, Any]]:
    ids = [row[0] for row in batch]
    lines: dict[int, list[str]] = {}
    for entry_id, code in (
        EntryActionLine.objects.filter(entry_id__in=ids)
        .order_by("action_line__number")
        .values_list("entry_id", "action_line__code")
    ):
        lines.setdefault(entry_id, []).append(code)
    goals: dict[int, list[int]] = {}
    for entry_id, number in (
        EntrySDG.objects.filter(entry_id__in=ids)
        .order_by("sdg__number")
        .values_list("entry_id", "sdg__number")
    ):
        goals.setdefault(entry_id, []).append(number)
    labels = [label for _, label in EXPORT_COLUMNS]
    for row in batch:
        item = dict(zip(labels, row, strict=True))
        item["published_at"] = item["published_at"].isoformat() if item["published_at"] else None
        item["action_lines"] = lines.get(row[0], [])
        item["sdgs"] = goals.get(row[0], [])
        item["url"] = f"{base_url}/stocktaking/entries/{row[0]}/"
        yield item
