"""The next-year date rule (wsis_portal/next_year.py): same weekday, same wall-clock time."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from wsis_portal.next_year import advance_years, next_year_date, next_year_datetime

GENEVA = ZoneInfo("Europe/Zurich")


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        # The Monday nearest 15 June 2027 is 14 June.
        (date(2026, 6, 15), date(2027, 6, 14)),
        # A 29 February (a Tuesday) goes to the Tuesday nearest 28 February.
        (date(2028, 2, 29), date(2029, 2, 27)),
        # Into a leap year: two days of drift, still 52 weeks.
        (date(2027, 3, 1), date(2028, 2, 28)),
        (date(2027, 12, 31), date(2028, 12, 29)),
    ],
)
def test_a_day_moves_to_the_same_weekday_nearest_one_year_later(day, expected):
    moved = next_year_date(day)
    assert moved == expected
    assert moved.weekday() == day.weekday()
    assert moved - day == timedelta(weeks=52)


def test_every_day_of_four_years_moves_52_weeks_and_keeps_its_weekday():
    day = date(2027, 1, 1)
    while day < date(2031, 1, 1):
        moved = next_year_date(day)
        assert (moved - day).days == 364, day
        assert abs((moved - day.replace(year=day.year + 1, day=min(day.day, 28))).days) <= 3
        day += timedelta(days=1)


def test_the_wall_clock_time_is_kept_across_the_change_to_summer_time():
    # Sunday 25 March 2029 10:00 is summer time (UTC+2); Sunday 24 March 2030 is winter time.
    source = datetime(2029, 3, 25, 10, 0, tzinfo=GENEVA)
    moved = next_year_datetime(source.astimezone(UTC))
    assert moved.astimezone(GENEVA).replace(tzinfo=None) == datetime(2030, 3, 24, 10, 0)
    assert moved.astimezone(UTC) == datetime(2030, 3, 24, 9, 0, tzinfo=UTC)
    assert moved.astimezone(UTC) - source.astimezone(UTC) == timedelta(weeks=52, hours=1)


def test_a_time_skipped_by_the_clocks_moves_forward_by_the_missing_hour():
    # 02:30 on Sunday 31 March 2030 does not exist in Geneva (02:00 becomes 03:00).
    source = datetime(2029, 4, 1, 2, 30, tzinfo=GENEVA)
    moved = next_year_datetime(source).astimezone(GENEVA)
    assert (moved.date(), moved.hour, moved.minute) == (date(2030, 3, 31), 3, 30)


def test_a_time_that_exists_twice_keeps_the_occurrence_of_the_source():
    # 02:30 on the last Sunday of October happens twice; take the second (winter time).
    second = datetime(2028, 10, 29, 2, 30, fold=1, tzinfo=GENEVA)
    moved = next_year_datetime(second.astimezone(UTC))
    assert moved.astimezone(UTC) == datetime(2029, 10, 28, 1, 30, tzinfo=UTC)


def test_midnight_ends_stay_midnight_so_touching_phases_still_touch():
    end = datetime(2027, 2, 16, 0, 0, tzinfo=GENEVA)
    moved = next_year_datetime(end).astimezone(GENEVA)
    assert (moved.hour, moved.minute, moved.weekday()) == (0, 0, end.weekday())


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("WSIS Prizes 2026", 2026, "WSIS Prizes 2027"),
        ("From September 2025 to May 2026", 2026, "From September 2026 to May 2027"),
        (
            "Since 2003, 10000 entries; WSIS+20 in 2025",
            2027,
            "Since 2003, 10000 entries; WSIS+20 in 2025",
        ),
        ("wsis-forum-2026-open-consultation", 2026, "wsis-forum-2027-open-consultation"),
        ("Prix SMSI 2026", 2026, "Prix SMSI 2027"),
    ],
)
def test_years_in_titles_advance_and_other_numbers_stay(text, year, expected):
    assert advance_years(text, year) == expected
