"""Every non-trivial read of the Open Consultation Process."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from accounts.enums import StakeholderType
from accounts.models import User
from forum.models import ActionLine
from wsis_portal.publishing import visible
from wsis_portal.search import MultilingualSearchQuery, search_document

from .enums import EVENT_KINDS, PhaseKind
from .models import (
    Comment,
    Consultation,
    ConsultationPhase,
    Discussion,
    Submission,
    Subscription,
    counted_submission_q,
)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def consultations_list(*, user: Any = None) -> QuerySet[Consultation]:
    """Published consultations (and drafts too for staff, who preview them)."""
    return visible(
        Consultation.objects.select_related("edition").prefetch_related(
            Prefetch("phases", queryset=ConsultationPhase.objects.order_by("number"))
        ),
        user,
    )


def consultation_get(*, slug: str, user: Any = None) -> Consultation:
    """The consultation with its phases in order (two queries), or 404 (also for a draft,
    except for staff)."""
    return get_object_or_404(consultations_list(user=user), slug=slug)


@dataclass
class ProcessState:
    """What the clock says about a consultation at ``now``."""

    now: datetime
    phases: list[ConsultationPhase]
    current: ConsultationPhase | None = None
    next_meeting: ConsultationPhase | None = None
    opening: ConsultationPhase | None = None
    deadline_phase: ConsultationPhase | None = None
    final_brief_phase: ConsultationPhase | None = None
    actions: list[str] = field(default_factory=list)

    @property
    def submissions_open(self) -> bool:
        return bool(
            self.opening
            and self.deadline_phase
            and self.opening.starts_at <= self.now < self.deadline_phase.ends_at
        )

    @property
    def submissions_deadline(self) -> datetime | None:
        return self.deadline_phase.ends_at if self.deadline_phase else None

    @property
    def submissions_not_yet_open(self) -> bool:
        return bool(self.opening and self.now < self.opening.starts_at)

    @property
    def final_brief_public(self) -> bool:
        return bool(self.final_brief_phase and self.final_brief_phase.starts_at <= self.now)

    @property
    def closed_at(self) -> datetime | None:
        """When the consultation's last phase ended (None while any phase is still to end)."""
        if not self.phases or self.now < self.phases[-1].ends_at:
            return None
        return self.phases[-1].ends_at

    @property
    def private_links_expire_at(self) -> datetime | None:
        """When private submission links stop opening: a set time after the consultation closes.

        The links show the submitter's name, email and telephone; they need not do so for ever.
        """
        if not self.phases:
            return None
        days = settings.CONSULTATION_LINK_DAYS_AFTER_CLOSE
        return self.phases[-1].ends_at + timedelta(days=days)

    @property
    def private_links_expired(self) -> bool:
        expires = self.private_links_expire_at
        return expires is not None and self.now >= expires

    @property
    def has_started(self) -> bool:
        return bool(self.phases and self.phases[0].starts_at <= self.now)


def process_state(*, consultation: Consultation, now: datetime) -> ProcessState:
    """Current phase, next meeting and what can be done now, from the phase dates alone.

    The current phase is the latest one that has started; none before Phase I starts and
    none once the last phase has ended.
    """
    phases = sorted(consultation.phases.all(), key=lambda p: p.number)
    state = ProcessState(now=now, phases=phases)
    for phase in phases:
        if phase.kind == PhaseKind.OPENING and state.opening is None:
            state.opening = phase
        elif phase.kind == PhaseKind.SUBMISSIONS_DEADLINE and state.deadline_phase is None:
            state.deadline_phase = phase
        elif phase.kind == PhaseKind.FINAL_BRIEF and state.final_brief_phase is None:
            state.final_brief_phase = phase
        if phase.starts_at <= now:
            state.current = phase
        if phase.is_meeting and phase.ends_at > now and state.next_meeting is None:
            state.next_meeting = phase
    if phases and now >= phases[-1].ends_at:
        state.current = None
    if state.submissions_open:
        state.actions.append(_("Send an official submission before the deadline."))
    if state.has_started:
        state.actions.append(_("Join the online discussions."))
    if state.next_meeting:
        if state.next_meeting.is_open(now):
            state.actions.append(_("Follow the meeting under way, on site or remotely."))
        else:
            state.actions.append(_("Plan to attend the next meeting, on site or remotely."))
    deadline = consultation.nominations_deadline
    if deadline and state.has_started and now < deadline:
        state.actions.append(_("Nominate a High-Level Track facilitator."))
    if state.final_brief_public:
        state.actions.append(_("Read the final brief."))
    return state


def nominations_open(*, consultation: Consultation, state: ProcessState) -> bool:
    deadline = consultation.nominations_deadline
    return bool(deadline and state.has_started and state.now < deadline)


def submission_by_token(*, consultation: Consultation, token: str) -> Submission:
    """The submission whose private edit token this is, or 404 (no one else can open it)."""
    if not token or len(token) > 100:
        from django.http import Http404

        raise Http404
    hashed = token_hash(token)
    return get_object_or_404(
        Submission.objects.prefetch_related("action_lines", "sdgs").filter(
            Q(edit_token_hash=hashed) | Q(pending_token_hash=hashed)
        ),
        consultation=consultation,
    )


def submission_of_user(
    *, consultation: Consultation, user: User | AnonymousUser, pk: int
) -> Submission:
    """A submission its signed-in author sent; 404 for anybody else's."""
    return get_object_or_404(
        Submission.objects.prefetch_related("action_lines", "sdgs"),
        consultation=consultation,
        user=user,
        pk=pk,
    )


def discussions_of(
    *, consultation: Consultation, language: str | None = None, text: str = ""
) -> QuerySet[Discussion]:
    """Topics with their number of visible comments, newest first (one query per page).

    ``text`` keeps the topics whose title, opening text or a visible comment contains it, in
    any of the six languages (Chinese included: wsis_portal/search.py).
    """
    topics = consultation.discussions.annotate(
        comment_count=Count("comments", filter=Q(comments__is_hidden=False))
    ).order_by("-created_at", "-pk")
    if language:
        topics = topics.filter(language=language)
    text = text.strip()
    if text:
        topics = topics.filter(
            Q(pk__in=_discussions_matching(text)) | Q(pk__in=_comment_discussions_matching(text))
        )
    return topics


def _discussions_matching(text: str) -> QuerySet[Any, Any]:
    if connection.vendor != "postgresql":
        return Discussion.objects.filter(Q(title__icontains=text) | Q(body__icontains=text)).values(
            "pk"
        )
    return (
        Discussion.objects.annotate(document=search_document("title", "body"))
        .filter(document=MultilingualSearchQuery(text))
        .values("pk")
    )


def _comment_discussions_matching(text: str) -> QuerySet[Any, Any]:
    visible = Comment.objects.filter(is_hidden=False)
    if connection.vendor != "postgresql":
        return visible.filter(body__icontains=text).values("discussion_id")
    return (
        visible.annotate(document=search_document("body"))
        .filter(document=MultilingualSearchQuery(text))
        .values("discussion_id")
    )


def discussion_get(*, consultation: Consultation, pk: int) -> Discussion:
    return get_object_or_404(discussions_of(consultation=consultation), pk=pk)


def discussion_comments(*, discussion: Discussion, newest_first: bool) -> QuerySet[Comment]:
    """Top-level comments in the chosen order, each with its replies (oldest first)."""
    order = ["-created_at", "-pk"] if newest_first else ["created_at", "pk"]
    replies = Comment.objects.select_related("author__profile").order_by("created_at", "pk")
    return (
        discussion.comments.filter(parent__isnull=True)
        .select_related("author__profile")
        .prefetch_related(Prefetch("replies", queryset=replies))
        .order_by(*order)
    )


def flagged_comment_ids(*, user: User | AnonymousUser, comment_ids: list[int]) -> set[int]:
    if not user.is_authenticated or not comment_ids:
        return set()
    from .models import CommentFlag

    return set(
        CommentFlag.objects.filter(user=user, comment_id__in=comment_ids).values_list(
            "comment_id", flat=True
        )
    )


def is_subscribed(*, user: User | AnonymousUser, discussion: Discussion) -> bool:
    if not user.is_authenticated:
        return False
    return Subscription.objects.filter(user=user, discussion=discussion).exists()


def is_subscribed_to_consultation(
    *, user: User | AnonymousUser, consultation: Consultation
) -> bool:
    if not user.is_authenticated:
        return False
    return Subscription.objects.filter(
        user=user, consultation=consultation, discussion__isnull=True
    ).exists()


def counted_submissions(*, consultation: Consultation) -> QuerySet[Submission]:
    return Submission.objects.counted().filter(consultation=consultation)


def final_brief(*, consultation: Consultation) -> dict[str, Any]:
    """The figures of the final brief, computed from submissions and discussions."""
    submissions = counted_submissions(consultation=consultation)
    type_labels = dict(StakeholderType.choices)
    by_type = [
        {"label": type_labels.get(row["stakeholder_type"]) or _("Not stated"), "count": row["n"]}
        for row in submissions.values("stakeholder_type")
        .annotate(n=Count("id"))
        .order_by("-n", "stakeholder_type")
    ]
    from django_countries import countries

    by_country = [
        {"code": row["organisation_country"], "label": countries.name(row["organisation_country"])}
        | {"count": row["n"]}
        for row in submissions.values("organisation_country")
        .annotate(n=Count("id"))
        .order_by("-n", "organisation_country")
    ]
    counted = Q(consultation_submissions__consultation=consultation) & counted_submission_q(
        "consultation_submissions__"
    )
    by_action_line = list(
        ActionLine.objects.annotate(n=Count("consultation_submissions", filter=counted))
        .filter(n__gt=0)
        .order_by("-n", "number")
    )
    themes = list(
        submissions.exclude(thematic_aspects="")
        .order_by("created_at")
        .values("organisation_name", "thematic_aspects")
    )
    innovations = list(
        submissions.exclude(format_innovations="")
        .order_by("created_at")
        .values("organisation_name", "format_innovations")
    )
    regional_inputs = list(
        submissions.filter(input_kind__in=EVENT_KINDS).order_by("event_date", "event_name")
    )
    visible = Comment.objects.filter(discussion__consultation=consultation, is_hidden=False)
    discussion_figures = {
        "discussions": Discussion.objects.filter(consultation=consultation).count(),
        **visible.aggregate(comments=Count("id"), participants=Count("author_id", distinct=True)),
    }
    return {
        "total": submissions.count(),
        "by_type": by_type,
        "by_country": by_country,
        "by_action_line": by_action_line,
        "themes": themes,
        "innovations": innovations,
        "regional_inputs": regional_inputs,
        **discussion_figures,
    }


def my_submissions(*, user: User) -> list[Submission]:
    return list(
        Submission.objects.filter(user=user)
        .select_related("consultation")
        .order_by("-created_at")[:50]
    )


def my_subscriptions(*, user: User) -> list[Subscription]:
    return list(
        Subscription.objects.filter(user=user)
        .select_related("consultation", "discussion", "discussion__consultation")
        .order_by("-created_at")[:50]
    )
