"""Reads of the process itself: the consultations, what the clock allows at a time, and the
rule checks the actions ask before they write (a preview may ask the same)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import User
from wsis_portal.models import OutboxMessage
from wsis_portal.publishing import visible
from wsis_portal.refusals import Refusal

from .. import emails
from ..enums import MEETING_KINDS, PhaseKind
from ..models import Consultation, ConsultationPhase


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


def nomination_window_check(*, consultation: Consultation, now: datetime) -> None:
    """Refuse (``closed``) unless High-Level Track facilitators may be nominated at ``now``."""
    state = process_state(consultation=consultation, now=now)
    if not nominations_open(consultation=consultation, state=state):
        raise Refusal(
            "closed",
            _("The call for High-Level Track facilitators is not open. Nothing was saved."),
        )


def submission_window_check(*, consultation: Consultation, now: datetime) -> None:
    """Refuse (``closed``) unless the submissions window is open at ``now``, saying when it
    opens or when it closed. The actions that create or change a submission ask it first."""
    state = process_state(consultation=consultation, now=now)
    if state.submissions_open:
        return
    if state.submissions_not_yet_open and state.opening is not None:
        raise Refusal(
            "closed",
            _("Submissions open on %(date)s. Please come back then.")
            % {"date": date_format(timezone.localtime(state.opening.starts_at), "DATETIME_FORMAT")},
        )
    if state.deadline_phase is None or state.opening is None:
        raise Refusal("closed", _("This consultation does not take official submissions."))
    raise Refusal(
        "closed",
        _(
            "The submissions deadline (%(date)s) has passed, so this form no longer "
            "accepts or changes submissions. Nothing was saved. You can still take part in "
            "the online discussions."
        )
        % {"date": date_format(timezone.localtime(state.submissions_deadline), "DATETIME_FORMAT")},
    )


# How long before a meeting or the submissions deadline subscribers are reminded.
REMINDER_LEAD = timedelta(days=3)


def phases_to_remind(now: datetime) -> list[ConsultationPhase]:
    """Phases of published consultations whose meeting or deadline is within the lead."""
    horizon = now + REMINDER_LEAD
    return list(
        ConsultationPhase.objects.filter(consultation__published_at__isnull=False)
        .filter(
            Q(kind__in=MEETING_KINDS, starts_at__gt=now, starts_at__lte=horizon)
            | Q(kind=PhaseKind.SUBMISSIONS_DEADLINE, ends_at__gt=now, ends_at__lte=horizon)
        )
        .order_by("pk")
    )


def phase_subscribers(phase: ConsultationPhase) -> QuerySet[User]:
    """Active users who follow the consultation or one of its discussions, each once: the
    people the phase reminder (``consultations.reminders``) is for.

    Someone reminded by the older per-phase claim (a message about this phase without a
    key) is not reminded again.
    """
    reminded_before = OutboxMessage.objects.filter(
        purpose=emails.PHASE_REMINDER,
        content_type=ContentType.objects.get_for_model(ConsultationPhase),
        object_id=phase.pk,
        recipient=OuterRef("pk"),
        key__isnull=True,
    )
    return (
        User.objects.filter(
            is_active=True, consultation_subscriptions__consultation_id=phase.consultation_id
        )
        .exclude(Exists(reminded_before))
        .distinct()
    )
