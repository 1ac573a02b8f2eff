"""The project's single transition function, and the clock's phase transitions (voting opens,
voting closes, live recounts)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.roles import EXPERT_GROUP
from wsis_portal import outbox
from wsis_portal.activity import CLOCK, transition_write
from wsis_portal.models import claim_once
from wsis_portal.refusals import Refusal

from .. import emails
from ..enums import BALLOT_STATES, PROJECT_TRANSITIONS, PhaseKind, ProjectStatus
from ..models import Contest, ContestPhase, Project
from .tally import tally_compute

# The name the log had before services became a package, kept for the logging config.
logger = logging.getLogger("prizes.services")


# How often the live tally is recounted during voting (the beat tick runs every minute).
LIVE_TALLY_EVERY = timedelta(seconds=getattr(settings, "PRIZES_LIVE_TALLY_SECONDS", 300))


def project_status_change(
    *,
    project: Project,
    to: str,
    by: User | None = None,
    action: str,
    reason: str = "",
    now: datetime | None = None,
) -> Project:
    """The one function that moves a project's status, along the allowed moves only.

    ``by`` is the person acting, or None for the clock; ``action`` names the service that
    asked for the move. The activity-log row is written in the caller's transaction.
    """
    if to not in PROJECT_TRANSITIONS.get(project.status, ()):
        raise Refusal(
            "transition",
            _("A project cannot go from “%(from)s” to “%(to)s”.")
            % {"from": project.get_status_display(), "to": ProjectStatus(to).label},
        )
    now = now or timezone.now()
    project.status_reason = reason
    project.status_changed_at = now
    project.status_changed_by = by
    also = ["status_reason", "status_changed_at", "status_changed_by"]
    if to == ProjectStatus.SUBMITTED:
        project.submitted_at = now
        also.append("submitted_at")
    transition_write(project, to=to, actor=by, action=action, reason=reason, also=also, at=now)
    return project


def contest_voting_close(*, phase_id: int, now: datetime | None = None) -> bool:
    """End of voting, exactly once: final tally, top N of each category become Champions.

    The claim on ``end_applied_at`` and the work share one transaction: two ticks, a retry
    or a re-delivered task see the claim taken; a worker killed half-way rolls both back,
    and the next tick does the whole job. Returns True for the caller that applied it.
    The Expert Group's emails are outbox messages written in the same transaction.
    """
    now = now or timezone.now()
    with transaction.atomic():
        claimed = claim_once(
            ContestPhase.objects.filter(pk=phase_id, kind=PhaseKind.VOTING, ends_at__lte=now),
            field="end_applied_at",
        )
        if not claimed:
            return False
        phase = ContestPhase.objects.select_related("contest").get(pk=phase_id)
        contest = phase.contest
        tallies = tally_compute(contest=contest, now=now)
        champion_ids = [t.project_id for t in tallies if t.rank <= contest.champions_per_category]
        # Each Champion moves through the transition function (and gets its log row),
        # not a bulk UPDATE that would bypass the table of moves and the activity log.
        reason = _("Among the most voted projects of the category.")
        promoted = Project.objects.filter(pk__in=champion_ids, status=ProjectStatus.NOMINATED)
        for project in promoted.select_for_update().order_by("pk"):
            project_status_change(
                project=project,
                to=ProjectStatus.CHAMPION,
                by=CLOCK,
                action="contest_voting_close",
                reason=reason,
                now=now,
            )
        experts = get_user_model().objects.filter(groups__name=EXPERT_GROUP, is_active=True)
        for expert in experts.distinct().order_by("pk"):
            outbox.add(purpose=emails.EXPERTS_READY, obj=contest, to=expert)
    logger.info("voting closed for %s: %s champions", contest, len(champion_ids))
    return True


def contest_voting_open(*, phase_id: int, now: datetime | None = None) -> bool:
    """Start of voting, exactly once: the submitters learn whether they were nominated.

    One outbox message per project, written in the transaction of the claim: the claim and
    the emails commit together or not at all.
    """
    now = now or timezone.now()
    with transaction.atomic():
        claimed = claim_once(
            ContestPhase.objects.filter(pk=phase_id, kind=PhaseKind.VOTING, starts_at__lte=now)
        )
        if not claimed:
            return False
        phase = ContestPhase.objects.get(pk=phase_id)
        if not phase.has_ended(now):
            projects = Project.objects.filter(
                contest_id=phase.contest_id,
                status__in=[*BALLOT_STATES, ProjectStatus.NOT_NOMINATED],
            ).select_related("submitter")
            for project in projects.order_by("pk"):
                outbox.add(
                    purpose=emails.VOTING_OPEN,
                    obj=project,
                    to=project.submitter,
                    data={"nominated": project.status in BALLOT_STATES},
                )
    return True


def live_tally_queue(*, contest_id: int, now: datetime) -> bool:
    """Queue a recount at most once per LIVE_TALLY_EVERY per contest (a conditional UPDATE)."""
    from django.db.models import Q

    with transaction.atomic():
        won = (
            Contest.objects.filter(pk=contest_id)
            .filter(
                Q(live_tally_queued_at__isnull=True)
                | Q(live_tally_queued_at__lte=now - LIVE_TALLY_EVERY)
            )
            .update(live_tally_queued_at=now)
        )
        if won:
            outbox.add(purpose=emails.TALLY_RECOMPUTE, obj=Contest(pk=contest_id))
    return bool(won)


def transitions_apply(now: datetime) -> list[str]:
    """The beat tick's handler: apply due phase transitions, each exactly once."""
    done = []
    due_open = ContestPhase.objects.filter(
        kind=PhaseKind.VOTING, starts_at__lte=now, transition_applied_at__isnull=True
    ).values_list("pk", flat=True)
    for phase_id in list(due_open):
        if contest_voting_open(phase_id=phase_id, now=now):
            done.append(f"voting-open:{phase_id}")
    due_close = ContestPhase.objects.filter(
        kind=PhaseKind.VOTING, ends_at__lte=now, end_applied_at__isnull=True
    ).values_list("pk", flat=True)
    for phase_id in list(due_close):
        if contest_voting_close(phase_id=phase_id, now=now):
            done.append(f"voting-close:{phase_id}")
    open_contests = ContestPhase.objects.open_at(now).filter(kind=PhaseKind.VOTING)
    for contest_id in list(open_contests.values_list("contest_id", flat=True)):
        if live_tally_queue(contest_id=contest_id, now=now):
            done.append(f"live-tally:{contest_id}")
    return done
