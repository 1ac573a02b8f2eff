"""A contest by year, its phases and timeline, and the contests overview."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import gettext as _

from wsis_portal.publishing import published_q, visible

from ..enums import PHASE_ORDER, PhaseKind
from ..models import Contest, ContestPhase


def contest_by_year(year: int, *, user: Any = None) -> Contest:
    """The contest of ``year``; a draft only for staff (preview), 404 for everyone else."""
    contest = (
        visible(Contest.objects.filter(year=year), user)
        .select_related("edition")
        .prefetch_related(Prefetch("phases", queryset=ContestPhase.objects.order_by("starts_at")))
        .first()
    )
    if contest is None:
        raise Http404(_("There is no WSIS Prizes contest for this year."))
    return contest


def phase(contest: Contest, kind: str) -> ContestPhase | None:
    return next((p for p in contest.phases.all() if p.kind == kind), None)


def phase_of(contest: Contest, kind: str) -> ContestPhase | None:
    """The contest's phase of ``kind``: from the prefetched phases when there are, else
    that one row (``phase`` reads them all, for pages that show several)."""
    phases = getattr(contest, "_prefetched_objects_cache", {}).get("phases")
    if phases is not None:
        return next((p for p in phases if p.kind == kind), None)
    return contest.phases.filter(kind=kind).first()


@dataclass
class TimelineStep:
    phase: ContestPhase
    state: str  # "past", "current" or "future"


def timeline(*, contest: Contest, now: datetime) -> dict[str, Any]:
    """The five phases in order, the current one marked, and the next deadline."""
    phases = sorted(contest.phases.all(), key=lambda p: PHASE_ORDER.index(p.kind))
    steps = []
    current = None
    for p in phases:
        if p.is_open(now):
            state, current = "current", p
        elif p.has_ended(now):
            state = "past"
        else:
            state = "future"
        steps.append(TimelineStep(phase=p, state=state))
    upcoming = [p.starts_at for p in phases if p.starts_at > now] + [
        p.ends_at for p in phases if p.ends_at > now
    ]
    next_deadline = min(upcoming) if upcoming else None
    return {
        "steps": steps,
        "current": current,
        "next_deadline": next_deadline,
        "time_left": (next_deadline - now) if next_deadline else None,
    }


def contests_overview(*, now: datetime) -> dict[str, Any]:
    """The current contest (the latest whose ceremony has not ended) and the archive."""
    contests = list(
        Contest.objects.filter(published_q())
        .prefetch_related(Prefetch("phases", queryset=ContestPhase.objects.order_by("starts_at")))
        .order_by("-year")
    )
    current = [c for c in contests if any(not p.has_ended(now) for p in c.phases.all())]
    for contest in current:
        # What a visitor can do now: the page offers only the actions that are open.
        open_kinds = {p.kind for p in contest.phases.all() if p.is_open(now)}
        contest.submissions_open = PhaseKind.SUBMISSION in open_kinds  # type: ignore[attr-defined]
        contest.voting_open = PhaseKind.VOTING in open_kinds  # type: ignore[attr-defined]
    archive = [c for c in contests if c not in current]
    return {"current": current, "archive": archive}
