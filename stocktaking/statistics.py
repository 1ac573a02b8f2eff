"""The Secretariat's figures of the WSIS Stocktaking: entries by ITU region, stakeholder
type and Action Line. Three queries whatever the number of entries: the entries grouped by
(region, stakeholder type), their Action Line links grouped by Action Line, the Action Lines.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from django.db.models import Count, QuerySet
from django.utils.translation import gettext_lazy as _

from accounts.enums import StakeholderType
from forum.enums import Region
from forum.models import ActionLine
from wsis_portal.statistics import Statistic, choice_rows, local_day_bounds

from .enums import EntryStatus
from .models import Call, Entry, EntryActionLine


def counted_entries(
    *,
    call: Call | None = None,
    status: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet[Entry]:
    """Entries sent to the Secretariat (every status but draft, or the one ``status``),
    of one call if given, submitted between the two local days (both included)."""
    entries = Entry.objects.exclude(status=EntryStatus.DRAFT)
    if status:
        entries = entries.filter(status=status)
    if call is not None:
        entries = entries.filter(call=call)
    start, end = local_day_bounds(date_from, date_to)
    if start:
        entries = entries.filter(submitted_at__gte=start)
    if end:
        entries = entries.filter(submitted_at__lt=end)
    return entries


def entry_statistics(
    *,
    call: Call | None = None,
    status: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> list[Statistic]:
    entries = counted_entries(call=call, status=status, date_from=date_from, date_to=date_to)
    by_region: Counter[str] = Counter()
    by_type: Counter[str] = Counter()
    for region, stakeholder_type, n in (
        entries.values_list("region", "stakeholder_type").annotate(n=Count("pk")).order_by()
    ):
        by_region[region or ""] += n
        by_type[stakeholder_type or ""] += n
    by_action_line = dict(
        EntryActionLine.objects.filter(entry__in=entries)
        .values_list("action_line_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    action_lines = list(ActionLine.objects.order_by("number"))
    return [
        Statistic(
            key="entries-by-region",
            title=_("Entries by ITU region"),
            label_heading=_("Region"),
            value_heading=_("Entries"),
            rows=choice_rows(by_region, Region.choices, other=_("No region")),
        ),
        Statistic(
            key="entries-by-stakeholder-type",
            title=_("Entries by stakeholder type"),
            label_heading=_("Stakeholder type"),
            value_heading=_("Entries"),
            rows=choice_rows(by_type, StakeholderType.choices),
        ),
        Statistic(
            key="entries-by-action-line",
            title=_("Entries by Action Line"),
            label_heading=_("Action Line"),
            value_heading=_("Entries"),
            rows=[(str(line), by_action_line.get(line.pk, 0)) for line in action_lines],
            note=_("An entry is counted under each of its Action Lines."),
        ),
    ]
