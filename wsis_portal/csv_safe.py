"""CSV cells that spreadsheets will not run as formulas, written as a stream."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator

from django.http import StreamingHttpResponse
from django.utils.translation import gettext as _

from .streaming import guarded

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_rows(header: list[str], rows: Iterable[Iterable]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        yield writer.writerow([safe_cell(cell) for cell in row])


def export_failed_line() -> str:
    """The last line of a CSV export that failed halfway: one cell, read by a person."""
    message = _("EXPORT FAILED: this file is incomplete. Download it again.")
    return "\r\n" + csv.writer(_Echo()).writerow([safe_cell(message)])


def streaming_csv_response(filename: str, header: list[str], rows: Iterable[Iterable]):
    """A CSV download written row by row; a failure mid-stream ends it with a failure line."""
    chunks = guarded(csv_rows(header, rows), failure=export_failed_line(), name=filename)
    response = StreamingHttpResponse(chunks, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
