"""Reads of the WSIS Stocktaking publications: report releases, the Success Stories
publication and a region's reports across the years (seed 002)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from forum.enums import Region

from .models import Entry, ReportRelease
from .selectors import published_entries, report_years


def release_of(*, year: int) -> ReportRelease | None:
    return ReportRelease.objects.select_related("edition").filter(report_year=year).first()


def reports_with_releases() -> list[dict[str, Any]]:
    """The yearly reports, each with its release (when and at which Forum it is launched)."""
    releases = {r.report_year: r for r in ReportRelease.objects.select_related("edition")}
    return [{**item, "release": releases.get(item["year"])} for item in report_years()]


def success_stories(*, year: int) -> QuerySet[Entry]:
    """The entries of a report year flagged as success stories, as the publication prints them."""
    return (
        published_entries()
        .filter(call__report_year=year, is_success_story=True)
        .prefetch_related("action_lines")
        .order_by("region", "title", "id")
    )


@dataclass(frozen=True)
class RegionYear:
    year: int
    entries: int
    success_stories: int


def region_across_years(*, region: str) -> dict[str, Any]:
    """One ITU region's entries and success stories in every report year, newest first."""
    if region not in Region.values:
        raise Http404(_("There is no such ITU region."))
    rows = (
        published_entries()
        .filter(region=region, call__report_year__isnull=False)
        .order_by()
        .values("call__report_year")
        .annotate(n=Count("pk"), stories=Count("pk", filter=Q(is_success_story=True)))
        .order_by("-call__report_year")
    )
    years = [
        RegionYear(year=r["call__report_year"], entries=r["n"], success_stories=r["stories"])
        for r in rows
    ]
    return {"region": Region(region), "years": years, "regions": list(Region)}
