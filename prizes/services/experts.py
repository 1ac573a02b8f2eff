"""The Expert Group's scores and the Secretariat's Winner decisions."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from wsis_portal.refusals import Refusal

from ..enums import PhaseKind, ProjectStatus
from ..models import Contest, ExpertScore, Project
from ..selectors import expert_can_score, phase_of, proposed_winners
from ..selectors.rules import phase_require_open
from .transitions import project_status_change


def expert_score_save(
    *, expert: User, project: Project, score: int, comment: str = "", now: datetime | None = None
) -> ExpertScore:
    """An Expert Group member scores a Champion of a category assigned to them."""
    if not expert_can_score(expert=expert, project=project):
        raise Refusal("not_assigned", _("You are not assigned to score this category."))
    if project.status not in (ProjectStatus.CHAMPION, ProjectStatus.WINNER):
        raise Refusal("not_champion", _("Only Champion projects are scored."))
    phase_require_open(contest=project.contest, kind=PhaseKind.SELECTION, now=now)
    with transaction.atomic():
        entry = ExpertScore.objects.filter(project=project, expert=expert).first() or (
            ExpertScore(project=project, expert=expert)
        )
        entry.score = score
        entry.comment = comment
        entry.full_clean(validate_unique=False)
        entry.save()
    return entry


def _results_published(contest: Contest, now: datetime | None = None) -> bool:
    """The results are public from the start of the ceremony phase (selectors.results)."""
    ceremony = phase_of(contest, PhaseKind.CEREMONY)
    return bool(ceremony and ceremony.has_started(now or timezone.now()))


def _refuse_after_publication(project: Project, now: datetime | None = None) -> None:
    if _results_published(project.contest, now):
        raise Refusal(
            "published",
            _(
                "The results of %(contest)s are published (the ceremony has started): "
                "Winner decisions can no longer change."
            )
            % {"contest": project.contest},
        )


def winner_confirm(
    *, project: Project, by: User | None, reason: str = "", now: datetime | None = None
) -> Project:
    """The secretariat confirms a Champion as Winner of its category (stays unpublished
    until the ceremony phase starts). A category has one Winner; a second one only when the
    Expert Group's mean scores tie at the top (the rules), never after publication."""
    if project.status == ProjectStatus.WINNER:
        return project
    _refuse_after_publication(project, now)
    voting = phase_of(project.contest, PhaseKind.VOTING)
    if voting is None or not voting.end_applied_at:
        raise Refusal("too_early", _("Winners are chosen after the final tally."))
    with transaction.atomic():
        # Lock the category's Winners so two confirmations at once cannot both pass the rule.
        winners = list(
            Project.objects.select_for_update()
            .filter(category_id=project.category_id, status=ProjectStatus.WINNER)
            .exclude(pk=project.pk)
            .values_list("pk", flat=True)
        )
        if winners:
            tied = set(proposed_winners(contest=project.contest).get(project.category_id, []))
            if project.pk not in tied or not set(winners) <= tied:
                raise Refusal(
                    "second_winner",
                    _(
                        "This category already has a Winner. A second Winner is allowed only "
                        "when the Expert Group's mean scores tie at the top, and they do not: "
                        "withdraw the first decision (with a reason) to choose another project."
                    ),
                )
        return project_status_change(
            project=project,
            to=ProjectStatus.WINNER,
            by=by,
            action="winner_confirm",
            reason=reason or "",
        )


def winner_revoke(
    *, project: Project, by: User, reason: str, now: datetime | None = None
) -> Project:
    """Undo a Winner decision (it goes back to Champion); the reason is required and kept."""
    if project.status != ProjectStatus.WINNER:
        return project
    if not reason.strip():
        raise Refusal("reason", _("Give a reason for withdrawing a Winner decision."))
    _refuse_after_publication(project, now)
    with transaction.atomic():
        return project_status_change(
            project=project, to=ProjectStatus.CHAMPION, by=by, action="winner_revoke", reason=reason
        )
