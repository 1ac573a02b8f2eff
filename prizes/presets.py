"""The five phases a new contest starts with: the real contest's usual calendar (seed 002).

WSIS Prizes 2017: Phase I 5 September 2016 - 15 February 2017, Phase II 16 February -
15 March, Phase III 16 March - 15 April, Phase IV 16 - 25 April, Phase V the ceremony at the
Forum. The admin's add page offers these as editable rows, computed from the contest's year.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from .enums import PhaseKind


def _start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(0, 0)))


def _through(day: date) -> datetime:
    """The end of a phase that runs through ``day``: midnight after it."""
    return _start(day + timedelta(days=1))


def contest_phase_presets(
    year: int, *, forum_starts: date | None = None, forum_ends: date | None = None
) -> list[dict]:
    """Initial rows (kind, starts_at, ends_at) for the contest of ``year``.

    The ceremony (Phase V) is during the Forum: its edition's days when known, otherwise
    the Forum's usual week in mid-June, to be adjusted once the edition is set.
    """
    forum_starts = forum_starts or date(year, 6, 12)
    forum_ends = forum_ends or max(forum_starts, date(year, 6, 16))
    rows = [
        (PhaseKind.SUBMISSION, date(year - 1, 9, 5), date(year, 2, 15)),
        (PhaseKind.NOMINATION, date(year, 2, 16), date(year, 3, 15)),
        (PhaseKind.VOTING, date(year, 3, 16), date(year, 4, 15)),
        (PhaseKind.SELECTION, date(year, 4, 16), date(year, 4, 25)),
        (PhaseKind.CEREMONY, forum_starts, forum_ends),
    ]
    return [
        {"kind": kind.value, "starts_at": _start(first), "ends_at": _through(last)}
        for kind, first, last in rows
    ]
