"""The WSIS Stocktaking Reports: one per report year, with their totals and breakdowns."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Sum
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.enums import StakeholderType
from forum.enums import Region
from wsis_portal.publishing import published_q

from ..caching import cached, taxonomy
from ..filters import uses_postgres
from ..models import Call, FacetCount
from .entries import published_entries
from .search import facet_counts, summary_counts


@dataclass
class Bar:
    label: str
    value: int
    percent: float
    url: str = ""

    @property
    def bar_width(self) -> float:
        """Width of the bar in percent of the chart (the bars take 45% of the width)."""
        return round(self.percent * 0.45, 2)

    @property
    def value_x(self) -> float:
        return round(46 + self.percent * 0.45, 2)


def _bars(pairs: list[tuple[str, int, str]]) -> list[Bar]:
    top = max((v for _, v, _ in pairs), default=0)
    return [Bar(label, v, round(100 * v / top, 1) if top else 0.0, url) for label, v, url in pairs]


def report_years() -> list[dict[str, Any]]:
    """The WSIS Stocktaking Reports: one per report year that has a call, newest first."""
    calls = list(Call.objects.filter(published_q()).order_by("-report_year", "kind"))
    counts = report_year_counts()
    years: dict[int, dict[str, Any]] = {}
    for call in calls:
        item = years.setdefault(
            call.report_year, {"year": call.report_year, "title": call.report_name, "calls": []}
        )
        item["calls"].append(call)
        item["count"] = counts.get(call.report_year, 0)
    return list(years.values())


def report_year_counts() -> dict[int, int]:
    """Published entries per report year (of every call with one, published or not)."""
    if not uses_postgres():
        return dict(
            published_entries()
            .filter(call__report_year__isnull=False)
            .order_by()
            .values_list("call__report_year")
            .annotate(n=Count("pk"))
        )
    # Summed from the trigger-kept counts (each published entry is in one region row of its
    # call) instead of counting 100,000 entries on every visit.
    year_of = dict(
        Call.objects.filter(report_year__isnull=False).order_by().values_list("pk", "report_year")
    )
    per_call = (
        FacetCount.objects.filter(facet="region", call_key__in=list(year_of))
        .exclude(n=0)
        .values_list("call_key")
        .annotate(total=Sum("n"))
        .order_by()
    )
    counts: dict[int, int] = {}
    for call_key, total in per_call:
        counts[year_of[call_key]] = counts.get(year_of[call_key], 0) + total
    return counts


def report(*, year: int, region: str | None = None) -> dict[str, Any]:
    """A WSIS Stocktaking Report: totals and breakdowns of the entries its calls brought in."""
    calls = list(Call.objects.filter(published_q(), report_year=year).order_by("starts_at"))
    if not calls:
        raise Http404(_("There is no WSIS Stocktaking Report for this year."))
    if region is not None and region not in Region.values:
        raise Http404(_("There is no such ITU region."))
    qs = published_entries().filter(call__report_year=year)
    if region:
        qs = qs.filter(region=region)
    action_lines, sdgs = taxonomy()

    def aggregates() -> dict[str, Any]:
        if uses_postgres():  # summed from the trigger-kept counts of the year's calls
            call_ids = Call.objects.filter(report_year=year).values("id")  # a subquery
            counts = summary_counts(call_ids=call_ids, region=region or "")
        else:
            counts = facet_counts(qs)
        counts["success_stories"] = counts["success_story"].get(True, 0)
        return counts

    agg = cached(("report", year, region or ""), aggregates)
    search = f"{reverse('stocktaking:search')}?{'region=' + region + '&' if region else ''}"
    stories = list(
        qs.filter(is_success_story=True)
        .order_by("title", "id")
        .only("id", "title", "organisation", "country", "region")[:100]
    )
    return {
        "year": year,
        "region": Region(region) if region else None,
        "calls": calls,
        "title": calls[0].report_name,
        "total": sum(agg["region"].values()),
        "success_story_count": agg["success_stories"],
        "by_region": _bars([(str(r.label), agg["region"].get(r.value, 0), "") for r in Region]),
        "by_stakeholder_type": _bars(
            [
                (
                    str(t.label),
                    agg["stakeholder_type"].get(t.value, 0),
                    f"{search}stakeholder_type={t.value}",
                )
                for t in StakeholderType
            ]
        ),
        "by_action_line": _bars(
            [
                (
                    f"{al.code} {al.short_title}",
                    agg["action_line"].get(al.pk, 0),
                    f"{search}action_line={al.code}",
                )
                for al in action_lines
            ]
        ),
        "by_sdg": _bars(
            [
                (
                    f"SDG {s.number} {s.short_title}",
                    agg["sdg"].get(s.pk, 0),
                    f"{search}sdg={s.number}",
                )
                for s in sdgs
            ]
        ),
        "success_stories": stories,
        "regions": list(Region),
    }
