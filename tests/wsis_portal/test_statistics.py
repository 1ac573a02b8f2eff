"""The shared pieces of the statistics pages: the day series, the downloads, the day chart."""

from __future__ import annotations

import csv
import io
from datetime import date

from django.template import Context, Template
from openpyxl import load_workbook

from wsis_portal.statistics import (
    Statistic,
    choice_rows,
    every_day,
    region_rows,
    statistic_csv,
    statistics_xlsx,
)


def _statistic(rows, **kwargs) -> Statistic:
    return Statistic(
        key="k", title="Per phase", label_heading="Phase", value_heading="Inputs", rows=rows,
        **kwargs,
    )  # fmt: skip


def test_every_day_fills_the_quiet_days_with_zero():
    counts = {date(2031, 3, 1): 2, date(2031, 3, 4): 1}
    assert every_day(counts) == [
        (date(2031, 3, 1), 2),
        (date(2031, 3, 2), 0),
        (date(2031, 3, 3), 0),
        (date(2031, 3, 4), 1),
    ]
    assert every_day({}, first=date(2031, 3, 1), last=date(2031, 3, 2)) == [
        (date(2031, 3, 1), 0),
        (date(2031, 3, 2), 0),
    ]
    assert every_day({}) == []


def test_regions_in_their_order_then_no_region():
    rows = region_rows({"KE": 2, "EG": 1, "AQ": 1, "": 3})
    assert rows[0] == ("Africa", 2)
    assert dict(rows)["Arab States"] == 1
    assert rows[-1] == ("No region", 4)


def test_choice_rows_keep_every_choice_and_name_the_rest():
    rows = choice_rows({"a": 2, "": 1}, [("a", "A"), ("b", "B")])
    assert rows == [("A", 2), ("B", 0), ("Not given", 1)]


def test_csv_has_no_bom_and_keeps_formulas_out():
    text = statistic_csv(_statistic([("=cmd|' /C calc'!A0", 1), ("+1", 2), ("@SUM(A1)", 3)]))
    assert text.startswith("Phase,Inputs\r\n")
    rows = list(csv.reader(io.StringIO(text)))
    assert [row[0] for row in rows[1:]] == ["'=cmd|' /C calc'!A0", "'+1", "'@SUM(A1)"]


def test_xlsx_stores_labels_as_text_and_names_sheets_safely():
    first = _statistic([("=1+1", 1), (date(2031, 3, 1), 2)])
    same_title = _statistic([("-2", 3)])
    long = Statistic(
        key="l", title="Votes: per day / category [all]" * 2, label_heading="a",
        value_heading="b", rows=[],
    )  # fmt: skip
    workbook = load_workbook(io.BytesIO(statistics_xlsx([first, same_title, long], heading="2031")))
    assert workbook.sheetnames[:2] == ["Per phase", "Per phase (2)"]
    assert len(workbook.sheetnames[2]) <= 31
    assert not set("[]:*?/\\") & set(workbook.sheetnames[2])
    sheet = workbook["Per phase"]
    formula_cell = sheet.cell(row=4, column=1)
    assert formula_cell.value == "=1+1"
    assert formula_cell.data_type == "s"
    assert sheet.cell(row=5, column=1).value.date() == date(2031, 3, 1)
    assert sheet.cell(row=2, column=1).value == "2031"


def test_day_chart_has_a_title_a_description_and_a_table():
    rows = [(date(2031, 3, 1), 2), (date(2031, 3, 2), 0), (date(2031, 3, 3), 5)]
    html = Template("{% load charts %}{% day_chart rows title='Votes per day' %}").render(
        Context({"rows": rows})
    )
    assert '<title id="chart-votes-per-day-1-title">Votes per day</title>' in html
    assert "the busiest day was 3 March 2031 with 5" in html
    assert html.count("<rect") == 3
    assert html.count('<time datetime="2031-03-0') == 3
    assert 'height="0.0"' in html  # the quiet day is a bar of no height, still in the table


def test_a_capped_chart_draws_the_largest_and_keeps_every_row():
    rows = [(f"Country {n}", 100 - n) for n in range(30)]
    statistic = _statistic(rows, chart_limit=25)
    assert statistic.chart_rows == rows[:25]
    assert statistic.is_capped
    assert statistic.rows == rows
    assert not _statistic(rows[:3], chart_limit=25).is_capped
