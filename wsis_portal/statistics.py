"""The Secretariat's statistics: one shape for every app's figures, and their downloads.

Each app's selectors (``prizes.statistics``, ``stocktaking.statistics``…) count in SQL and
return ``Statistic`` objects; the admin page (``wsis_portal.statistics_admin``) draws them as
SVG charts with their tables, and offers each as CSV and the whole page as one XLSX workbook.
Labels typed by people (organisation names, titles) can reach a spreadsheet, so both
downloads keep a cell that starts like a formula from running as one.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django_countries import countries

from forum.base.regions import region_for_country
from forum.enums import Region

from .csv_safe import safe_cell

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
Label = str | Promise


@dataclass(frozen=True)
class Statistic:
    """One counted breakdown: ``rows`` of (label, count) in the order to show them.

    ``daily`` rows are labelled by dates, every day of the period present (zero included),
    and are drawn as a time series. ``chart_limit`` caps the bars drawn (the largest
    first); the table and the downloads always hold every row.
    """

    key: str
    title: Label
    label_heading: Label
    value_heading: Label
    rows: list[tuple[Any, int]]
    daily: bool = False
    chart_limit: int | None = None
    note: Label = ""

    @property
    def chart_rows(self) -> list[tuple[Any, int]]:
        return self.rows[: self.chart_limit] if self.chart_limit else self.rows

    @property
    def is_capped(self) -> bool:
        return bool(self.chart_limit) and len(self.rows) > (self.chart_limit or 0)


def local_day_bounds(
    date_from: date | None, date_to: date | None
) -> tuple[datetime | None, datetime | None]:
    """The period [first day's local midnight, the day after the last's) in the portal's
    time zone, so that a day means the same in the filter as in the per-day counts."""
    start = timezone.make_aware(datetime.combine(date_from, time.min)) if date_from else None
    end = (
        timezone.make_aware(datetime.combine(date_to + timedelta(days=1), time.min))
        if date_to
        else None
    )
    return start, end


def every_day(
    counts: Mapping[date, int], *, first: date | None = None, last: date | None = None
) -> list[tuple[date, int]]:
    """(day, count) for each day from ``first`` (or the first counted) to ``last`` (or the
    last counted), days without a count at zero: a time series shows the quiet days too."""
    if not counts and (first is None or last is None):
        return []
    first = first or min(counts)
    last = last or max(counts)
    days = []
    day = first
    while day <= last:
        days.append((day, counts.get(day, 0)))
        day += timedelta(days=1)
    return days


def largest_first(counts: Mapping[Any, int]) -> list[tuple[Any, int]]:
    return sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))


def country_rows(counts: Mapping[str, int]) -> list[tuple[str, int]]:
    """(country name, count), the largest first; an empty code reads "Not given"."""
    named: Counter[str] = Counter()
    for code, n in counts.items():
        named[(str(countries.name(code)) or code) if code else _("Not given")] += n
    return largest_first(named)


def region_rows(counts: Mapping[str, int]) -> list[tuple[str, int]]:
    """Country counts added up by ITU region (forum.base.regions), in the regions' order, then
    the countries of no region and the counts without a country."""
    by_region: Counter[str] = Counter()
    for code, n in counts.items():
        region = region_for_country(code)
        by_region[region.value if region else ""] += n
    rows: list[tuple[str, int]] = [
        (str(label), by_region[value]) for value, label in Region.choices
    ]
    if by_region[""]:
        rows.append((_("No region"), by_region[""]))
    return rows


def choice_rows(
    counts: Mapping[str, int], choices: Iterable[tuple[str, Any]], *, other: Label = ""
) -> list[tuple[str, int]]:
    """Counts of a choice field in the order of its choices, each shown (zero included);
    values outside the choices (an empty one) come last, labelled ``other`` ("Not given")."""
    rows: list[tuple[str, int]] = []
    known = set()
    for value, label in choices:
        known.add(value)
        rows.append((str(label), counts.get(value, 0)))
    other_label = other
    other_count = sum(n for value, n in counts.items() if value not in known)
    if other_count:
        rows.append((str(other_label or _("Not given")), other_count))
    return rows


def _cell_text(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def statistic_csv(statistic: Statistic) -> str:
    """The statistic as CSV: a header row (no byte-order mark), then one row per label."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([safe_cell(statistic.label_heading), safe_cell(statistic.value_heading)])
    for label, value in statistic.rows:
        writer.writerow([safe_cell(_cell_text(label)), value])
    return out.getvalue()


def csv_response(statistic: Statistic, *, filename: str) -> HttpResponse:
    response = HttpResponse(statistic_csv(statistic), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def _sheet_title(title: str, used: set[str]) -> str:
    """A worksheet name Excel accepts: at most 31 characters, none of []:*?/\\, unique."""
    base = _SHEET_FORBIDDEN.sub(" ", title).strip()[:31] or "Sheet"
    name, n = base, 2
    while name.lower() in used:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(name.lower())
    return name


def statistics_xlsx(statistics: Iterable[Statistic], *, heading: str = "") -> bytes:
    """One worksheet per statistic: its title, the period or filter in ``heading``, a
    header row and the rows. Text cells are stored as text, never as formulas."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    bold = Font(bold=True)
    for statistic in statistics:
        sheet = workbook.create_sheet(_sheet_title(str(statistic.title), used))
        _text_row(sheet, [str(statistic.title)])
        sheet.cell(row=1, column=1).font = bold
        if heading:
            _text_row(sheet, [heading])
        _text_row(sheet, [str(statistic.label_heading), str(statistic.value_heading)])
        for cell in sheet[sheet.max_row]:
            cell.font = bold
        header_row = sheet.max_row
        for label, value in statistic.rows:
            _text_row(sheet, [label, value])
            if isinstance(label, date):
                sheet.cell(row=sheet.max_row, column=1).number_format = "yyyy-mm-dd"
        sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
        sheet.column_dimensions["A"].width = 48
        sheet.column_dimensions["B"].width = 16
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _text_row(sheet: Any, values: list[Any]) -> None:
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        # openpyxl stores a string starting with "=" as a formula; a label is only text.
        if cell.data_type == "f":
            cell.data_type = "s"


def xlsx_response(statistics: Iterable[Statistic], *, filename: str, heading: str = ""):
    response = HttpResponse(statistics_xlsx(statistics, heading=heading), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
