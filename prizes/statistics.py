"""The Secretariat's figures of a contest: votes per day and per category, voters by region
and country, submissions by region, stakeholder type and Action Line.

Counted in SQL (GROUP BY), so that a contest of 2,000,000 votes costs the same four
queries as one of ten (docs/performance.md, "Statistics"): the votes grouped by local day
and category, the categories, the distinct voters grouped by their organisation's
country, the projects grouped by country, stakeholder type and category. Regions are
added up from the countries in Python (forum.base.regions), which costs no query.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Count
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.enums import StakeholderType
from wsis_portal.statistics import (
    Statistic,
    choice_rows,
    country_rows,
    every_day,
    local_day_bounds,
    region_rows,
)

from .enums import ProjectStatus
from .models import Category, Contest, Project, Vote

COUNTRIES_CHARTED = 25


def contest_statistics(
    *, contest: Contest, date_from: date | None = None, date_to: date | None = None
) -> list[Statistic]:
    """Every statistic of ``contest``; the dates (local days, both included) limit the
    votes and voters counted, not the submissions."""
    categories = contest_categories(contest=contest)
    return [
        *vote_statistics(
            contest=contest, categories=categories, date_from=date_from, date_to=date_to
        ),
        *submission_statistics(contest=contest, categories=categories),
    ]


def contest_categories(*, contest: Contest) -> list[Category]:
    return list(
        Category.objects.filter(contest=contest)
        .select_related("action_line")
        .order_by("action_line__number")
    )


def vote_statistics(
    *,
    contest: Contest,
    categories: list[Category],
    date_from: date | None = None,
    date_to: date | None = None,
) -> list[Statistic]:
    """Valid votes per local day and per category, distinct voters by region and country
    (of the organisation in their profile; "Not given" without one). Two queries."""
    votes = Vote.objects.filter(contest=contest, valid=True)
    start, end = local_day_bounds(date_from, date_to)
    if start:
        votes = votes.filter(cast_at__gte=start)
    if end:
        votes = votes.filter(cast_at__lt=end)
    # The day in the portal's time zone: a vote at 00:30 in Geneva is counted that day,
    # not the evening before as it would be in UTC.
    grouped = (
        votes.annotate(day=TruncDate("cast_at", tzinfo=timezone.get_current_timezone()))
        .values_list("day", "category_id")
        .annotate(n=Count("*"))
        .order_by()
    )
    per_day: Counter[date] = Counter()
    per_category: Counter[int] = Counter()
    for day, category_id, n in grouped:
        per_day[day] += n
        per_category[category_id] += n
    voters = (
        get_user_model()
        .objects.filter(pk__in=votes.values("voter_id"))
        .values_list("profile__organisation_country")
        .annotate(n=Count("pk"))
        .order_by()
    )
    by_country = {code or "": n for code, n in voters}
    return [
        Statistic(
            key="votes-per-day",
            title=_("Valid votes per day"),
            label_heading=_("Day"),
            value_heading=_("Votes"),
            rows=every_day(per_day, first=date_from, last=date_to) if per_day else [],
            daily=True,
            note=_("Days are counted in the portal's time zone (%(zone)s).")
            % {"zone": timezone.get_current_timezone_name()},
        ),
        Statistic(
            key="votes-per-category",
            title=_("Valid votes per category"),
            label_heading=_("Category"),
            value_heading=_("Votes"),
            rows=[(str(c.action_line), per_category.get(c.pk, 0)) for c in categories],
        ),
        Statistic(
            key="voters-by-region",
            title=_("Voters by ITU region"),
            label_heading=_("Region"),
            value_heading=_("Voters"),
            rows=region_rows(by_country),
            note=_("A voter is counted once, by the country of the organisation in their profile."),
        ),
        Statistic(
            key="voters-by-country",
            title=_("Voters by country"),
            label_heading=_("Country"),
            value_heading=_("Voters"),
            rows=country_rows(by_country),
            chart_limit=COUNTRIES_CHARTED,
        ),
    ]


def submission_statistics(*, contest: Contest, categories: list[Category]) -> list[Statistic]:
    """Submitted projects (every status but draft) by ITU region, stakeholder type and
    Action Line (their category). One query."""
    grouped = (
        Project.objects.filter(contest=contest)
        .exclude(status=ProjectStatus.DRAFT)
        .values_list("country", "stakeholder_type", "category_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    by_country: Counter[str] = Counter()
    by_type: Counter[str] = Counter()
    by_category: Counter[int] = Counter()
    for country, stakeholder_type, category_id, n in grouped:
        by_country[country or ""] += n
        by_type[stakeholder_type] += n
        by_category[category_id] += n
    return [
        Statistic(
            key="submissions-by-region",
            title=_("Submitted projects by ITU region"),
            label_heading=_("Region"),
            value_heading=_("Projects"),
            rows=region_rows(by_country),
        ),
        Statistic(
            key="submissions-by-stakeholder-type",
            title=_("Submitted projects by stakeholder type"),
            label_heading=_("Stakeholder type"),
            value_heading=_("Projects"),
            rows=choice_rows(by_type, StakeholderType.choices),
        ),
        Statistic(
            key="submissions-by-action-line",
            title=_("Submitted projects by Action Line"),
            label_heading=_("Action Line"),
            value_heading=_("Projects"),
            rows=[(str(c.action_line), by_category.get(c.pk, 0)) for c in categories],
        ),
    ]
