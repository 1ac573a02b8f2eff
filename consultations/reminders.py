"""Phase reminders of the Open Consultation Process: every subscriber, once per phase date.

Before, the tick claimed a phase's reminder as a whole at the first tick of its window
(``reminder_sent_at``) and wrote one message per subscriber of that moment: someone who
subscribed a day later was never reminded. Now each tick of the window reminds the
subscribers who have no reminder of it yet (``wsis_portal.reminders``): claimed per
recipient, through the outbox's unique key. Which phases are due and who follows them are
reads, in ``consultations.selectors`` (``phases_to_remind``, ``phase_subscribers``).
"""

from __future__ import annotations

from datetime import datetime

from wsis_portal.reminders import remind_each_once, window_name

from . import emails
from .models import ConsultationPhase
from .selectors import phase_subscribers, phases_to_remind


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
