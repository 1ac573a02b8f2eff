"""Reads of the programme pipeline: the call, one's own proposals, the ranked list, the
scheduling board and the speakers page."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Avg, Count, F, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import StakeholderProfile
from wsis_portal.publishing import visible
from wsis_portal.refusals import Refusal

from ..models import (
    SDG,
    ActionLine,
    BuildingBlock,
    Edition,
    Person,
    Proposal,
    ProposalCall,
    ProposalSpeaker,
    Review,
    ReviewCriterion,
    Room,
)
from .enums import ProposalStatus
from .visibility import programme_public_q

EDITABLE_STATES = (ProposalStatus.DRAFT, ProposalStatus.SUBMITTED)
MAX_SPEAKERS = 8


def call_for_year(*, year: int, user: Any = None) -> ProposalCall:
    """The call of a visible edition, with its edition; 404 when there is none."""
    return get_object_or_404(
        ProposalCall.objects.select_related("edition"),
        edition__in=visible(Edition.objects.all(), user),
        edition__year=year,
    )


def call_criteria(*, call: ProposalCall) -> list[ReviewCriterion]:
    return list(ReviewCriterion.objects.filter(call=call))


def proposals_of(*, user: Any, call: ProposalCall) -> list[Proposal]:
    if not getattr(user, "is_authenticated", False):
        return []
    return list(
        Proposal.objects.filter(call=call, proposer=user)
        .select_related("building_block")
        .order_by("-created_at")
    )


def proposals_of_user(*, user: Any, now: Any) -> list[Proposal]:
    """Everything ``user`` proposed, newest call first; ``editable`` while its call is open."""
    proposals = list(
        Proposal.objects.filter(proposer_id=getattr(user, "pk", None))
        .select_related("call__edition", "building_block")
        .order_by("-call__edition__year", "-created_at")
    )
    for proposal in proposals:
        proposal.editable = (  # type: ignore[attr-defined]
            proposal.status in EDITABLE_STATES and proposal.call.is_open(now)
        )
    return proposals


def proposal_of(*, user: Any, call: ProposalCall, pk: int) -> Proposal:
    """One's own proposal; another's answers 404 (its existence is not disclosed)."""
    proposal = (
        Proposal.objects.filter(call=call, pk=pk, proposer_id=getattr(user, "pk", None))
        .select_related("call__edition", "building_block")
        .prefetch_related(
            Prefetch("action_lines", queryset=ActionLine.objects.order_by("number")),
            Prefetch("sdgs", queryset=SDG.objects.order_by("number")),
            "speakers",
        )
        .first()
    )
    if proposal is None:
        raise Http404
    return proposal


def ranked_proposals(*, call: ProposalCall, filters: dict[str, Any]) -> QuerySet[Proposal]:
    """Submitted and decided proposals, best average score first, with their review counts.

    ``filters`` may hold ``status``, ``building_block`` (id), ``action_line`` (code) and
    ``reviewed`` ("yes"/"no").
    """
    queryset = (
        Proposal.objects.filter(call=call)
        .exclude(status="draft")
        .select_related("building_block", "proposer")
        .annotate(average=Avg("reviews__total"), review_count=Count("reviews", distinct=True))
    )
    if filters.get("status"):
        queryset = queryset.filter(status=filters["status"])
    if filters.get("building_block"):
        queryset = queryset.filter(building_block_id=filters["building_block"])
    if filters.get("action_line"):
        queryset = queryset.filter(action_lines__code=filters["action_line"])
    if filters.get("reviewed") == "no":
        queryset = queryset.filter(review_count=0)
    elif filters.get("reviewed") == "yes":
        queryset = queryset.filter(review_count__gt=0)
    # Unreviewed proposals (no average) come last, not first as PostgreSQL puts NULLs.
    return queryset.order_by(F("average").desc(nulls_last=True), "-review_count", "title", "pk")


def reviews_by(*, user: Any, proposals: Any) -> dict[int, int]:
    """The signed-in reviewer's totals of the proposals on a page, by proposal id."""
    ids = [proposal.pk for proposal in proposals]
    return dict(
        Review.objects.filter(reviewer_id=user.pk, proposal_id__in=ids).values_list(
            "proposal_id", "total"
        )
    )


def proposal_for_staff(*, call: ProposalCall, pk: int) -> Proposal:
    return get_object_or_404(
        Proposal.objects.filter(call=call)
        .exclude(status="draft")
        .select_related("call__edition", "building_block", "proposer", "merged_into")
        .prefetch_related(
            Prefetch("action_lines", queryset=ActionLine.objects.order_by("number")),
            Prefetch("sdgs", queryset=SDG.objects.order_by("number")),
            "speakers",
            "reviews__reviewer",
            "reviews__scores__criterion",
        ),
        pk=pk,
    )


def merge_targets(*, proposal: Proposal) -> QuerySet[Proposal]:
    return (
        Proposal.objects.filter(call_id=proposal.call_id, status__in=["submitted", "accepted"])
        .exclude(pk=proposal.pk)
        .order_by("title")
    )


def rooms_of(*, edition: Edition) -> QuerySet[Room]:
    return Room.objects.filter(edition=edition)


def accepted_sessions(*, call: ProposalCall) -> list[Proposal]:
    """The accepted proposals of a call with their sessions, placements and speakers."""
    return list(
        Proposal.objects.filter(call=call, status="accepted", session__isnull=False)
        .select_related("session__placement__room", "building_block")
        .prefetch_related(
            Prefetch("speakers", queryset=ProposalSpeaker.objects.order_by("order", "pk"))
        )
        .order_by("session__placement__starts_at", "title", "pk")
    )


def speakers_of_edition(*, edition: Edition) -> list[Person]:
    """Everyone who speaks, moderates or organises a public session of the edition."""
    sessions = Q(roles__session__edition=edition) & programme_public_q("roles__session__")
    return list(
        Person.objects.filter(sessions)
        .distinct()
        .order_by("name", "pk")
        .only("pk", "honorific", "name", "position", "organisation", "country", "photo")
    )


def speakers_for_form(*, proposal: Proposal | None) -> QuerySet[ProposalSpeaker]:
    """The speakers the proposal form's formset edits: none yet for a new proposal."""
    if proposal is None:
        return ProposalSpeaker.objects.none()
    return proposal.speakers.all()


def review_filter_choices() -> dict[str, list[Any]]:
    """The building blocks and Action Lines the review list can be filtered by."""
    return {
        "building_blocks": list(BuildingBlock.objects.all()),
        "action_lines": list(ActionLine.objects.order_by("number")),
    }


def word_count(text: str) -> int:
    return len(re.findall(r"\S+", text or ""))


def abstract_check(*, call: ProposalCall, abstract: str) -> None:
    """The call's word limit on the abstract: a field error, not a refusal."""
    words = word_count(abstract)
    if words > call.abstract_word_limit:
        raise ValidationError(
            {
                "abstract": ngettext(
                    "The abstract has %(words)d word; the limit is %(limit)d words.",
                    "The abstract has %(words)d words; the limit is %(limit)d words. "
                    "Shorten it and save again.",
                    words,
                )
                % {"words": words, "limit": call.abstract_word_limit}
            }
        )


def edition_days(call: ProposalCall) -> list[date]:
    edition = call.edition
    return [
        date.fromordinal(n)
        for n in range(edition.starts_on.toordinal(), edition.ends_on.toordinal() + 1)
    ]


def proposal_edit_check(
    *, call: ProposalCall, user: Any, proposal: Proposal | None, now: datetime
) -> None:
    """Who may write a proposal now: its owner, with a profile, while the call is open."""
    if not getattr(user, "is_authenticated", False):
        raise Refusal("unverified", _("Sign in to propose a session."))
    if not StakeholderProfile.objects.filter(user=user).exists():
        raise Refusal(
            "no_profile", _("Complete your stakeholder profile before proposing a session.")
        )
    if proposal is not None and proposal.proposer_id != user.pk:
        raise Refusal("not_owner", _("This proposal is not yours."))
    if proposal is not None and proposal.status not in EDITABLE_STATES:
        raise Refusal("decided", _("This proposal has been decided; it can no longer be changed."))
    if not call.is_open(now):
        if now < call.starts_at:
            raise Refusal("closed", _("The call for session proposals has not opened yet."))
        raise Refusal(
            "closed",
            _(
                "The call for session proposals closed on %(when)s; proposals can no longer be changed."
            )
            % {"when": timezone.localtime(call.ends_at).strftime("%d %B %Y, %H:%M %Z")},
        )


def proposal_submit_check(*, proposal: Proposal, user: Any, now: datetime) -> None:
    proposal_edit_check(call=proposal.call, user=user, proposal=proposal, now=now)
    if proposal.status != ProposalStatus.DRAFT:
        raise Refusal("duplicate", _("This proposal has already been submitted."))
    if not proposal.speakers.exists():
        raise Refusal("speakers", _("Name at least one speaker before you submit the proposal."))
    if not proposal.action_lines.exists():
        raise Refusal(
            "action_lines", _("Choose at least one Action Line before you submit the proposal.")
        )
