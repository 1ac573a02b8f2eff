"""Counting the valid votes and ranking the projects of each category."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from django.utils import timezone

from ..enums import BALLOT_STATES
from ..models import Contest, Project, Tally
from ..selectors.tally import tally_counts


def tally_compute(*, contest: Contest, now: datetime | None = None) -> list[Tally]:
    """Recount every project on the ballot and upsert its Tally (one INSERT … ON CONFLICT).

    Rank within a category: most votes first; ties broken by earlier submission, then id.
    """
    now = now or timezone.now()
    counts = tally_counts(contest=contest)
    projects = (
        Project.objects.filter(contest=contest, status__in=BALLOT_STATES)
        .order_by()
        .values_list("pk", "category_id", "submitted_at", "created_at")
    )
    by_category: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for pk, category_id, submitted_at, created_at in projects:
        by_category[category_id].append((-counts.get(pk, 0), submitted_at or created_at, pk))
    tallies = []
    for category_id, rows in by_category.items():
        for rank, (negative, _when, pk) in enumerate(sorted(rows), start=1):
            tallies.append(
                Tally(
                    project_id=pk,
                    contest=contest,
                    category_id=category_id,
                    votes=-negative,
                    rank=rank,
                    computed_at=now,
                )
            )
    Tally.objects.bulk_create(
        tallies,
        update_conflicts=True,
        unique_fields=["project"],
        update_fields=["contest", "category", "votes", "rank", "computed_at"],
        batch_size=2000,
    )
    return tallies
