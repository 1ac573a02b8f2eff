"""One bar chart for the whole portal: server-rendered SVG from (label, value) pairs.

Horizontal bars, each under its own label line, so labels never overlap bars or each other
on a 390 px phone; the geometry mirrors for right-to-left languages. The SVG has an
accessible name (title) and description (every value), and the same data follows as a
table in a collapsed <details>.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django import template
from django.utils.text import slugify
from django.utils.translation import get_language_bidi

from wsis_portal.numbers import number_display

register = template.Library()

ROW_HEIGHT = 40  # a 13 px label line, a 14 px bar, and space between rows
BAR_SPACE = 82  # per cent of the width the longest bar takes; the value follows it
LABEL_WIDTH = 48  # in Latin characters; the full label is in the description and the table


def _shorten(label: str) -> str:
    """The label cut to what a 390 px phone shows on one line at 13 px; a Chinese or
    Japanese character takes the room of two Latin ones."""
    used = 0
    for index, char in enumerate(label):
        used += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
        if used > LABEL_WIDTH:
            return label[: max(index - 1, 1)].rstrip() + "…"
    return label


@dataclass
class Bar:
    label: str
    value: float
    url: str
    shown_label: str
    shown_value: str
    percent: float  # bar length, in per cent of the chart's width
    bar_x: float  # where the bar starts, in per cent (mirrored right to left)
    value_x: float  # where the value's text starts, in per cent
    label_y: int
    bar_y: int
    value_y: int


def _field(item: Any, key: str, default: Any) -> Any:
    if isinstance(item, Mapping):
        return item.get(key, default)
    return getattr(item, key, default)


def _rows(
    pairs: Iterable, label_key: str = "label", value_key: str = "value"
) -> list[tuple[str, float, str]]:
    """(label, value, url) from pairs or triples, or from dicts or objects by key (an object
    without the label key is labelled by its text, as an Action Line reads "C1. ...")."""
    rows = []
    for item in pairs:
        if isinstance(item, (tuple, list)):
            label, value, *rest = item
            url = rest[0] if rest else ""
        else:
            label = _field(item, label_key, None)
            label = item if label is None else label
            value = _field(item, value_key, 0)
            url = _field(item, "url", "")
        rows.append((str(label), value or 0, str(url or "")))
    return rows


def chart_bars(
    pairs: Iterable,
    *,
    rtl: bool = False,
    decimals: int | None = None,
    label_key: str = "label",
    value_key: str = "value",
) -> list[Bar]:
    """The geometry of the bars: lengths relative to the largest value."""
    rows = _rows(pairs, label_key, value_key)
    top = max((value for _label, value, _url in rows), default=0) or 1
    bars = []
    for index, (label, value, url) in enumerate(rows):
        percent = round(BAR_SPACE * value / top, 2) if value > 0 else 0
        y = index * ROW_HEIGHT
        bars.append(
            Bar(
                label=label,
                value=value,
                url=url,
                shown_label=_shorten(label),
                shown_value=number_display(value, decimals=decimals),
                percent=percent,
                bar_x=round(100 - percent, 2) if rtl else 0,
                value_x=round(100 - percent, 2) if rtl else percent,
                label_y=y + 14,
                bar_y=y + 19,
                value_y=y + 31,
            )
        )
    return bars


@register.inclusion_tag("includes/bar_chart.html", takes_context=True)
def bar_chart(
    context,
    pairs,
    title: str,
    label_heading: str = "",
    value_heading: str = "",
    summary: str = "",
    decimals: int | None = None,
    chart_id: str = "",
    label_key: str = "label",
    value_key: str = "value",
):
    """`{% bar_chart pairs title=… label_heading=… value_heading=… %}`: `pairs` are
    (label, value) or (label, value, url) in the order to show, or dicts or objects read
    with `label_key` and `value_key`; `title` states the finding
    and names the chart; `summary` is the <details> summary (a default is given)."""
    rtl = get_language_bidi()
    bars = chart_bars(pairs, rtl=rtl, decimals=decimals, label_key=label_key, value_key=value_key)
    # Unique ids on a page that shows several charts, stable from one render to the next.
    counter = context.render_context.setdefault("bar_chart_counter", [0])
    counter[0] += 1
    chart_id = chart_id or f"chart-{slugify(title)[:40] or 'bars'}-{counter[0]}"
    return {
        "bars": bars,
        "title": title,
        "label_heading": label_heading,
        "value_heading": value_heading,
        "summary": summary,
        "chart_id": chart_id,
        "height": len(bars) * ROW_HEIGHT + 4,
        "rtl": rtl,
        "value_dx": -4 if rtl else 4,
        "label_x": 100 if rtl else 0,
    }


DAY_CHART_HEIGHT = 160  # px of the bars' area; the date labels go below it
DAY_LABELS = 6  # at most this many dates along the axis; every date is in the table


@dataclass
class DayBar:
    day: Any
    value: float
    shown_value: str
    x: float  # per cent of the width
    width: float
    y: float  # px from the top
    height: float
    tick: bool  # the date is written under this bar
    label_x: float = 0
    anchor: str = "middle"


def day_bars(rows: Iterable, *, rtl: bool = False) -> list[DayBar]:
    """The geometry of a time series drawn as one vertical bar per day, heights relative
    to the busiest day; the order of the days mirrors for right-to-left languages."""
    rows = [(day, value or 0) for day, value in rows]
    top = max((value for _day, value in rows), default=0) or 1
    count = len(rows)
    slot = 100 / count if count else 0
    every = max(1, -(-count // DAY_LABELS))  # ceiling division
    bars = []
    for index, (day, value) in enumerate(rows):
        height = round(DAY_CHART_HEIGHT * value / top, 2)
        x = index * slot
        if rtl:
            x = 100 - x - slot
        # The dates at the two ends are kept inside the chart.
        left, right = ("end", "start") if rtl else ("start", "end")
        if index == 0:
            anchor, label_x = left, (x + slot if rtl else x)
        elif index == count - 1:
            anchor, label_x = right, (x if rtl else x + slot)
        else:
            anchor, label_x = "middle", x + slot / 2
        bars.append(
            DayBar(
                day=day,
                value=value,
                shown_value=number_display(value),
                x=round(x + slot * 0.1, 3),
                width=round(slot * 0.8, 3),
                y=round(DAY_CHART_HEIGHT - height, 2),
                height=height,
                tick=index % every == 0 or index == count - 1,
                label_x=round(label_x, 3),
                anchor=anchor,
            )
        )
    return bars


@register.inclusion_tag("includes/day_chart.html", takes_context=True)
def day_chart(context, rows, title: str, value_heading: str = "", chart_id: str = ""):
    """`{% day_chart rows title=… value_heading=… %}`: `rows` are (date, value) for every
    day in order (zero days included). Vertical bars, one per day, the busiest day's value
    marked on the axis; the description sums the series up and the table gives every day."""
    rtl = get_language_bidi()
    bars = day_bars(rows, rtl=rtl)
    counter = context.render_context.setdefault("bar_chart_counter", [0])
    counter[0] += 1
    chart_id = chart_id or f"chart-{slugify(title)[:40] or 'days'}-{counter[0]}"
    busiest = max(bars, key=lambda bar: bar.value, default=None)
    return {
        "bars": bars,
        "title": title,
        "value_heading": value_heading,
        "chart_id": chart_id,
        "first": bars[0].day if bars else None,
        "last": bars[-1].day if bars else None,
        "total": number_display(sum(bar.value for bar in bars)),
        "busiest": busiest,
        "top_value": busiest.shown_value if busiest else "0",
        "height": DAY_CHART_HEIGHT,
        "svg_height": DAY_CHART_HEIGHT + 24,
        "label_y": DAY_CHART_HEIGHT + 17,
        "rtl": rtl,
    }
