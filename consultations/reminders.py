"""Phase reminders of the Open Consultation Process: every subscriber, once per phase date.

Before, the tick claimed a phase's reminder as a whole at the first tick of its window
(``reminder_sent_at``) and wrote one message per subscriber of that moment: someone who
subscribed a day later was never reminded. Now each tick of the window reminds the
subscribers who have no reminder of it yet (``wsis_portal.reminders``): claimed per
recipient, through the outbox's unique key.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q, QuerySet

from accounts.models import User
from wsis_portal.models import OutboxMessage
from wsis_portal.reminders import remind_each_once, window_name

from . import emails
from .enums import MEETING_KINDS, PhaseKind
from .models import ConsultationPhase

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
    """Active users who follow the consultation or one of its discussions, each once.

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


def phase_reminders_send(now: datetime) -> int:
    """Tick handler: remind each subscriber of a meeting or the submissions deadline once.

    Returns how many reminders this call added. ``reminder_sent_at`` records when the first
    reminders of a phase were queued, for the Secretariat; it no longer stops later ones.
    """
    added = 0
    for phase in phases_to_remind(now):
        window = window_name("consultations.phase", phase.pk, at=phase.key_date)
        count = remind_each_once(
            purpose=emails.PHASE_REMINDER,
            window=window,
            obj=phase,
            users=phase_subscribers(phase),
        )
        if count:
            ConsultationPhase.objects.filter(pk=phase.pk, reminder_sent_at__isnull=True).update(
                reminder_sent_at=now
            )
        added += count
    return added
