"""Writes of the call for session proposals: a proposer's draft, its submission, the one
function that moves a proposal's status, and the end of the call applied by the tick."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import StakeholderProfile, User
from accounts.roles import SESSION_REVIEWERS
from wsis_portal import outbox
from wsis_portal.activity import activity_record, transition_write
from wsis_portal.models import claim_once
from wsis_portal.refusals import Refusal

from ..models import Proposal, ProposalCall, ProposalSpeaker
from . import emails
from .enums import PROPOSAL_MOVES, ProposalStatus
from .selectors import (
    MAX_SPEAKERS,
    abstract_check,
    edition_days,
    proposal_edit_check,
    proposal_submit_check,
)

PROPOSAL_FIELDS = ("title", "building_block", "format", "abstract", "remote_needs")


def proposal_save(
    *,
    call: ProposalCall,
    user: User,
    data: dict[str, Any],
    action_lines: Iterable[Any] = (),
    sdgs: Iterable[Any] = (),
    preferred_days: Sequence[date] = (),
    speakers: Sequence[dict[str, Any]] = (),
    proposal: Proposal | None = None,
    now: datetime | None = None,
) -> Proposal:
    """Create a draft or change one's own proposal (draft or submitted) until the deadline.

    The speakers given replace the proposal's speakers. Nothing is saved when a field is
    wrong (``ValidationError``) or a rule refuses (``Refusal``).
    """
    now = now or timezone.now()
    proposal_edit_check(call=call, user=user, proposal=proposal, now=now)
    if len(speakers) > MAX_SPEAKERS:
        raise ValidationError(_("Name at most %(n)d speakers.") % {"n": MAX_SPEAKERS})
    days = edition_days(call)
    if any(day not in days for day in preferred_days):
        raise ValidationError({"preferred_days": _("Choose days of the Forum edition.")})
    abstract_check(call=call, abstract=data.get("abstract", ""))
    is_new = proposal is None
    if proposal is None:
        profile = StakeholderProfile.objects.get(user=user)
        proposal = Proposal(call=call, proposer=user, organisation=profile.organisation_name)
    for field in PROPOSAL_FIELDS:
        if field in data:
            setattr(proposal, field, data[field])
    proposal.preferred_days = sorted(day.isoformat() for day in preferred_days)
    proposal.full_clean(exclude=["status"])
    rows = [ProposalSpeaker(order=n, **speaker) for n, speaker in enumerate(speakers)]
    emails_seen = [row.email.lower() for row in rows]
    if len(set(emails_seen)) != len(emails_seen):
        raise ValidationError(_("Each speaker needs their own email address."))
    with transaction.atomic():
        proposal.save()
        proposal.action_lines.set(list(action_lines))
        proposal.sdgs.set(list(sdgs))
        proposal.speakers.all().delete()
        for row in rows:
            row.proposal = proposal
            row.full_clean(exclude=["proposal"])
        ProposalSpeaker.objects.bulk_create(rows)
        if is_new:
            activity_record(
                obj=proposal,
                action="proposal_create",
                actor=user,
                field="status",
                before="",
                after=proposal.status,
                at=now,
            )
    return proposal


def proposal_submit(*, proposal: Proposal, user: User, now: datetime | None = None) -> Proposal:
    """Submit a draft for review; the proposer gets a receipt. It stays editable until the
    deadline."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = (
            Proposal.objects.select_for_update().select_related("call__edition").get(pk=proposal.pk)
        )
        proposal_submit_check(proposal=locked, user=user, now=now)
        locked.submitted_at = now
        proposal_status_change(
            proposal=locked,
            to=ProposalStatus.SUBMITTED,
            by=user,
            action="proposal_submit",
            also=("submitted_at",),
        )
        outbox.add(purpose=emails.PROPOSAL_RECEIPT, obj=locked, to=locked.proposer)
    return locked


def proposal_status_change(
    *,
    proposal: Proposal,
    to: str,
    by: User | None,
    action: str,
    reason: str = "",
    also: Iterable[str] = (),
) -> Proposal:
    """The one function that moves a proposal's status, with its activity-log row."""
    if to not in PROPOSAL_MOVES.get(proposal.status, set()):
        raise Refusal(
            "transition",
            _("A proposal cannot go from “%(old)s” to “%(new)s”.")
            % {"old": proposal.get_status_display(), "new": ProposalStatus(to).label},
        )
    transition_write(proposal, to=to, actor=by, action=action, reason=reason, also=also)
    return proposal


def proposal_calls_close_apply(now: datetime) -> int:
    """The tick: once a call has closed, tell each reviewer once that proposals await them.

    The claim (``closed_applied_at``) and the messages share one transaction: two ticks or a
    retry never tell them twice, and a worker killed half-way rolls both back.
    """
    done = 0
    due = ProposalCall.objects.filter(ends_at__lte=now, closed_applied_at__isnull=True)
    for call in due.select_related("edition"):
        with transaction.atomic():
            if not claim_once(ProposalCall.objects.filter(pk=call.pk), "closed_applied_at"):
                continue
            if not call.proposals.filter(status=ProposalStatus.SUBMITTED).exists():
                continue
            reviewers = get_user_model().objects.filter(
                groups__name=SESSION_REVIEWERS, is_active=True
            )
            for reviewer in reviewers:
                outbox.add(
                    purpose=emails.REVIEW_OPEN,
                    obj=call,
                    to=reviewer,
                    key=f"proposal-review-open:{call.pk}:{reviewer.pk}",
                )
            done += 1
    return done
