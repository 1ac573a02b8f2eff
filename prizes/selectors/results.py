"""What the results page may show now, by the clock."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.urls import reverse
from django_countries import countries

from forum.base.regions import countries_of_region
from forum.enums import Region

from ..enums import PhaseKind, ProjectStatus
from ..models import Category, Contest, Project
from .ballot import categories_of
from .contests import phase
from .projects import champions_announced


@dataclass
class CategoryResult:
    category: Category
    winners: list[Project]
    champions: list[Project]
    tallies: list[Any]
    chart: list[tuple[str, int, str]] = field(default_factory=list)


def results(
    *, contest: Contest, now: datetime, region: str = "", country: str = ""
) -> dict[str, Any]:
    """What the results page may show now, by the clock.

    Champions on the announcement date (the end of Phase IV) once the final tally has run;
    Winners once the ceremony phase has started, and then no longer among the Champions
    (a category has one Winner and its other top projects are Champions: 2016 had 18
    Winners and 70 Champions); live counts during voting only when the contest allows it.
    """
    voting = phase(contest, PhaseKind.VOTING)
    ceremony = phase(contest, PhaseKind.CEREMONY)
    announcement = phase(contest, PhaseKind.SELECTION) or voting
    winners_public = bool(ceremony and ceremony.has_started(now))
    voting_closed = bool(voting and voting.has_ended(now))
    champions_ready = bool(voting and voting.end_applied_at and champions_announced(contest, now))
    live = bool(contest.live_results_public and voting and voting.is_open(now))
    categories = categories_of(contest)
    by_category: dict[int, CategoryResult] = {
        c.pk: CategoryResult(category=c, winners=[], champions=[], tallies=[]) for c in categories
    }
    region = region if region in Region.values else ""
    names = dict(countries)
    country = country.upper() if country.upper() in names else ""
    countries_shown: list[tuple[str, str]] = []
    if voting_closed and champions_ready:
        projects = list(
            Project.objects.filter(
                contest=contest, status__in=[ProjectStatus.CHAMPION, ProjectStatus.WINNER]
            )
            .select_related("tally")
            .order_by("category_id", "tally__rank", "id")
        )
        # The countries that have a Champion or Winner: the choices of the country filter.
        # Filtered here, not in SQL: a contest has a few dozen of them, and one query serves
        # both the choices and the list.
        codes = {project.country.code for project in projects}
        countries_shown = sorted(
            ((code, str(names[code])) for code in codes if code in names),
            key=lambda pair: pair[1],
        )
        if region:
            # The ESCAP regional review asks for "WSIS Prize winners from the region" (seed 003).
            in_region = set(countries_of_region(region))
            projects = [p for p in projects if p.country.code in in_region]
        if country:
            projects = [p for p in projects if p.country.code == country]
        for project in projects:
            result = by_category[project.category_id]
            if winners_public and project.status == ProjectStatus.WINNER:
                result.winners.append(project)
            else:
                result.champions.append(project)
    if live:
        from ..models import Tally

        for tally in (
            Tally.objects.filter(contest=contest)
            .select_related("project")
            .order_by("category_id", "rank")
        ):
            if tally.rank <= 10:
                by_category[tally.category_id].tallies.append(tally)
        for result in by_category.values():
            # (label, value, link) rows of the category's bar chart, most voted first.
            result.chart = [
                (
                    t.project.title,
                    t.votes,
                    reverse("prizes:project", args=[contest.year, t.project_id]),
                )
                for t in result.tallies
            ]
    computed = None
    if live:
        from ..models import Tally

        computed = (
            Tally.objects.filter(contest=contest)
            .order_by("-computed_at")
            .values_list("computed_at", flat=True)
            .first()
        )
    return {
        "categories": list(by_category.values()),
        "winners_public": winners_public,
        "voting_closed": voting_closed,
        "champions_ready": champions_ready,
        "live": live,
        "computed_at": computed,
        "ceremony": ceremony,
        "announcement": announcement,
        "region": region,
        "regions": Region.choices,
        "country": country,
        "countries": countries_shown,
    }
