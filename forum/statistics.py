"""The Secretariat's figures of a Forum edition: registrations by stakeholder type, ITU
region and country. One query whatever the number of registrations (grouped by stakeholder
type and country); regions are added up from the countries in Python."""

from __future__ import annotations

from collections import Counter
from datetime import date

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from accounts.enums import StakeholderType
from wsis_portal.statistics import (
    Statistic,
    choice_rows,
    country_rows,
    local_day_bounds,
    region_rows,
)

from .enums import AttendanceMode
from .models import Edition, Registration

COUNTRIES_CHARTED = 25


def registration_statistics(
    *,
    edition: Edition,
    status: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> list[Statistic]:
    """Registrations of ``edition`` (of one ``status`` if given), made between the two
    local days (both included)."""
    registrations = Registration.objects.filter(edition=edition)
    if status:
        registrations = registrations.filter(status=status)
    start, end = local_day_bounds(date_from, date_to)
    if start:
        registrations = registrations.filter(created_at__gte=start)
    if end:
        registrations = registrations.filter(created_at__lt=end)
    by_type: Counter[str] = Counter()
    by_country: Counter[str] = Counter()
    by_mode: Counter[str] = Counter()
    for stakeholder_type, country, mode, n in (
        registrations.values_list("stakeholder_type", "country", "mode")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        by_type[stakeholder_type or ""] += n
        by_country[country or ""] += n
        by_mode[mode or ""] += n
    return [
        Statistic(
            key="registrations-by-stakeholder-type",
            title=_("Registrations by stakeholder type"),
            label_heading=_("Stakeholder type"),
            value_heading=_("Registrations"),
            rows=choice_rows(by_type, StakeholderType.choices),
        ),
        Statistic(
            key="registrations-by-participation",
            title=_("Registrations by participation"),
            label_heading=_("Participation"),
            value_heading=_("Registrations"),
            rows=choice_rows(by_mode, AttendanceMode.choices),
        ),
        Statistic(
            key="registrations-by-region",
            title=_("Registrations by ITU region"),
            label_heading=_("Region"),
            value_heading=_("Registrations"),
            rows=region_rows(by_country),
        ),
        Statistic(
            key="registrations-by-country",
            title=_("Registrations by country"),
            label_heading=_("Country"),
            value_heading=_("Registrations"),
            rows=country_rows(by_country),
            chart_limit=COUNTRIES_CHARTED,
        ),
    ]
