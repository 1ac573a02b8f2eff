"""Writes of the review: reviewers score proposals against the call's criteria, and the
Secretariat accepts, rejects or merges them with a reason the proposer is emailed."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import StakeholderProfile, User
from accounts.roles import SESSION_REVIEWERS, in_group
from wsis_portal import outbox
from wsis_portal.activity import activity_record
from wsis_portal.refusals import Refusal

from ..models import Proposal, ProposalSpeaker, Review, ReviewCriterion, ReviewScore
from . import emails
from .enums import ProposalStatus
from .services import proposal_status_change


def _same_organisation(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split()) != ""


def is_reviewer(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and in_group(user, SESSION_REVIEWERS))


def is_secretariat(user: Any) -> bool:
    """Staff with the right to decide on proposals (the Secretariat's group gives it)."""
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_staff
        and user.has_perm("forum.change_proposal")
    )


def conflict_of_interest(*, proposal: Proposal, reviewer: Any) -> bool:
    """A reviewer may not review a proposal of their own organisation, nor one they proposed
    or speak in."""
    if proposal.proposer_id == reviewer.pk:
        return True
    profile = StakeholderProfile.objects.filter(user=reviewer).only("organisation_name").first()
    if profile and _same_organisation(profile.organisation_name, proposal.organisation):
        return True
    return ProposalSpeaker.objects.filter(proposal=proposal, email__iexact=reviewer.email).exists()


def review_check(*, proposal: Proposal, reviewer: Any, now: datetime) -> None:
    """The rules of reviewing; the review page asks them before showing the form."""
    if not is_reviewer(reviewer):
        raise Refusal("not_assigned", _("Only the session reviewers score proposals."))
    if conflict_of_interest(proposal=proposal, reviewer=reviewer):
        raise Refusal(
            "conflict",
            _(
                "You cannot review this proposal: it comes from your own organisation "
                "(a conflict of interest). Another reviewer will score it."
            ),
        )
    if proposal.status != ProposalStatus.SUBMITTED:
        raise Refusal("decided", _("This proposal is no longer under review."))
    if not proposal.call.review_is_open(now):
        raise Refusal("closed", _("The review of this call is not open."))


def review_save(
    *,
    proposal: Proposal,
    reviewer: User,
    scores: dict[int, int],
    comment: str = "",
    now: datetime | None = None,
) -> Review:
    """Record (or change) a reviewer's scores of a proposal, one per criterion of the call."""
    now = now or timezone.now()
    review_check(proposal=proposal, reviewer=reviewer, now=now)
    criteria = list(ReviewCriterion.objects.filter(call_id=proposal.call_id))
    for criterion in criteria:
        value = scores.get(criterion.pk)
        if value is None or not 0 <= value <= criterion.max_score:
            raise Refusal(
                "score",
                _("Give “%(name)s” a score from 0 to %(max)d.")
                % {"name": criterion.name, "max": criterion.max_score},
            )
    total = sum(scores[criterion.pk] for criterion in criteria)
    with transaction.atomic():
        review, created = Review.objects.select_for_update().get_or_create(
            proposal=proposal, reviewer=reviewer, defaults={"updated_at": now}
        )
        before = None if created else review.total
        review.total = total
        review.comment = comment
        review.updated_at = now
        review.full_clean(validate_constraints=False)
        review.save()
        review.scores.all().delete()
        ReviewScore.objects.bulk_create(
            ReviewScore(review=review, criterion=c, value=scores[c.pk]) for c in criteria
        )
        activity_record(
            obj=proposal,
            action="review_save",
            actor=reviewer,
            field="review",
            before=before,
            after=total,
            at=now,
        )
    return review


DECISIONS = {
    "accepted": ProposalStatus.ACCEPTED,
    "rejected": ProposalStatus.REJECTED,
    "merged": ProposalStatus.MERGED,
}


def proposal_decide(
    *,
    proposal: Proposal,
    by: User,
    decision: str,
    reason: str,
    merge_into: Proposal | None = None,
) -> Proposal:
    """The Secretariat's decision on a submitted proposal, with the reason the proposer is
    emailed. An accepted proposal becomes a session (hidden until the programme is
    published); a merged one hands its speakers to the proposal it joins."""
    from .scheduling import session_from_proposal, speakers_merge

    if not is_secretariat(by):
        raise Refusal("not_assigned", _("Only the Secretariat decides on proposals."))
    if decision not in DECISIONS:
        raise Refusal("decision", _("Choose to accept, not accept or merge the proposal."))
    if not reason.strip():
        raise Refusal("reason", _("Give the proposer a reason for the decision."))
    with transaction.atomic():
        locked = (
            Proposal.objects.select_for_update().select_related("call__edition").get(pk=proposal.pk)
        )
        if locked.status != ProposalStatus.SUBMITTED:
            raise Refusal("decided", _("This proposal has already been decided."))
        target = None
        if decision == "merged":
            target = _merge_target(locked, merge_into)
            locked.merged_into = target
        locked.decision_reason = reason.strip()
        proposal_status_change(
            proposal=locked,
            to=DECISIONS[decision],
            by=by,
            action="proposal_decide",
            reason=reason.strip(),
            also=("decision_reason", "merged_into"),
        )
        if decision == "accepted":
            session_from_proposal(proposal=locked)
        elif target is not None:
            speakers_merge(source=locked, target=target)
        outbox.add(purpose=emails.PROPOSAL_DECIDED, obj=locked, to=locked.proposer)
    return locked


def _merge_target(proposal: Proposal, target: Proposal | None) -> Proposal:
    if target is None or target.pk == proposal.pk or target.call_id != proposal.call_id:
        raise Refusal("merge", _("Choose another proposal of the same call to merge into."))
    locked = Proposal.objects.select_for_update().get(pk=target.pk)
    if locked.status not in (ProposalStatus.SUBMITTED, ProposalStatus.ACCEPTED):
        raise Refusal("merge", _("A proposal can only be merged into one still in the running."))
    return locked
