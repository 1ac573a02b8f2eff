"""Next year in one step (issue 14, item 2): the date rule, and the shape of a plan.

**The rule.** Every date moves to *the same weekday nearest to the same calendar date one
year later*, at the same wall-clock time in the portal's timezone (``TIME_ZONE``, Geneva).
A year is 365 or 366 days, one or two days past 52 whole weeks, so the nearest same weekday
is always exactly 52 weeks (364 days) later: a Tuesday 9:00 stays a Tuesday 9:00, each
phase keeps its length to the minute, and two phases that touched still touch. 29 February
moves like any other day (to the Tuesday nearest 28 February when it was a Tuesday).

What it costs: the calendar date drifts one day earlier a year (two after a 29 February),
a week over six or seven years. The confirmation page shows each new date beside the old
one, and the Secretariat corrects the copy (a draft) before publishing it.

Daylight saving time: the wall-clock time is kept, not the UTC instant, so a meeting at
9:00 in winter stays at 9:00 when its new date falls in summer time. A time that does not
exist on the new date (the hour skipped when clocks go forward) moves forward by that
hour; a time that exists twice (clocks go back) keeps the source's occurrence.

Each app's services build a ``NextYearPlan`` (what would be created, every date old and
new, or the refusal) and carry it out in one transaction; the admin action
(``wsis_portal.next_year_admin``) shows the plan before anything is created.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any, TypeVar

from django.db import models
from django.utils import timezone

from .refusals import Refusal

M = TypeVar("M", bound=models.Model)

YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def next_year_date(day: date) -> date:
    """The same weekday nearest to ``day``'s date one year later (always 364 days on)."""
    try:
        target = day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        target = day.replace(year=day.year + 1, day=28)
    # Between -3 and +3 days from the target: the nearest day of the same weekday.
    offset = (day.weekday() - target.weekday() + 3) % 7 - 3
    return target + timedelta(days=offset)


def next_year_datetime(moment: datetime, tz: tzinfo | None = None) -> datetime:
    """``moment`` moved by ``next_year_date`` at the same wall-clock time in ``tz``."""
    tz = tz or timezone.get_default_timezone()
    local = timezone.localtime(moment, tz)
    # ``time()`` keeps ``fold``: a time that exists twice keeps its occurrence.
    naive = datetime.combine(next_year_date(local.date()), local.time())
    # Through UTC and back: a wall-clock time skipped by the clocks becomes a real instant.
    return naive.replace(tzinfo=tz).astimezone(UTC).astimezone(tz)


def next_year_optional(moment: datetime | None) -> datetime | None:
    return None if moment is None else next_year_datetime(moment)


def advance_years(text: str, year: int) -> str:
    """Move the years a yearly text names by one: ``year`` becomes ``year + 1`` and
    ``year - 1`` becomes ``year`` ("September 2025 to May 2026" for the Forum 2026 becomes
    "September 2026 to May 2027"); other numbers are left alone."""

    def bump(match: re.Match[str]) -> str:
        found = int(match.group(1))
        return str(found + 1) if found in (year - 1, year) else match.group(1)

    return YEAR.sub(bump, text)


def translated_fields(model: type[models.Model], name: str) -> list[str]:
    """The per-language columns of a translated field (``title_en``, ``title_fr``, …)."""
    from modeltranslation.translator import NotRegistered, translator

    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return []
    return sorted(f.name for f in options.all_fields.get(name, ()))


def advance_text_fields(obj: models.Model, names: tuple[str, ...], year: int) -> None:
    """Advance the years in each named field and in every translation of it."""
    for name in names:
        columns = translated_fields(type(obj), name) or [name]
        for column in columns:
            value = obj.__dict__.get(column)
            if isinstance(value, str):
                setattr(obj, column, advance_years(value, year))


def fresh_copy(source: M, **changes: Any) -> M:
    """An unsaved copy of ``source`` with every column (translations included), ``changes``
    applied; the caller saves it."""
    copy = type(source)._default_manager.get(pk=source.pk)
    copy.pk = None
    copy.id = None  # type: ignore[attr-defined]
    copy._state.adding = True
    for name, value in changes.items():
        setattr(copy, name, value)
    return copy


@dataclass
class DateChange:
    """One date of the plan: what it is, its value this year and next year."""

    label: str
    old: datetime | date | None
    new: datetime | date | None

    @property
    def has_time(self) -> bool:
        return isinstance(self.old, datetime) or isinstance(self.new, datetime)


@dataclass
class NextYearPlan:
    """What "next year" would create from ``source``: its name, every date old and new, and
    the refusal when it cannot be made (the copy exists already, a needed edition is missing)."""

    source: Any
    new_name: str
    changes: list[DateChange] = field(default_factory=list)
    copied: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    refusal: Refusal | None = None

    @property
    def can_prepare(self) -> bool:
        return self.refusal is None

    def check(self) -> None:
        if self.refusal is not None:
            raise self.refusal
