"""The beat tick's writes: comment digests and phase reminders, each through the outbox."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Exists, Max, OuterRef, Q

from wsis_portal import outbox
from wsis_portal.models import claim_once

from .. import emails
from ..enums import MEETING_KINDS, PhaseKind
from ..models import (
    Comment,
    CommentDelivery,
    ConsultationPhase,
    Subscription,
)

# How long before a meeting or the submissions deadline subscribers are reminded.
REMINDER_LEAD = timedelta(days=3)


def subscriptions_with_pending_comments() -> list[int]:
    """Ids of discussion subscriptions with at least one comment not yet delivered."""
    undelivered = Comment.objects.filter(
        discussion_id=OuterRef("discussion_id"),
        is_hidden=False,
        created_at__gte=OuterRef("created_at"),
    ).exclude(author_id=OuterRef("user_id"))
    undelivered = undelivered.exclude(
        Exists(
            CommentDelivery.objects.filter(
                subscription_id=OuterRef(OuterRef("pk")), comment_id=OuterRef("pk")
            )
        )
    )
    return list(
        Subscription.objects.filter(discussion__isnull=False)
        .filter(Exists(undelivered))
        .values_list("pk", flat=True)
    )


def comment_digests_queue(now: datetime) -> int:
    """Tick handler: one digest outbox message per subscription that has new comments.

    The message's key names the newest comment of the discussion, so a tick that runs again
    before the digest went out (a broker down, a slow worker) adds nothing; the delivery
    (``emails.comment_digest``) sends whatever is still undelivered then.
    """
    ids = subscriptions_with_pending_comments()
    added = 0
    rows = (
        Subscription.objects.filter(pk__in=ids)
        .annotate(newest=Max("discussion__comments__pk"))
        .values_list("pk", "newest")
    )
    for subscription_id, newest in rows:
        with transaction.atomic():
            message = outbox.add(
                purpose=emails.COMMENT_DIGEST,
                obj=Subscription(pk=subscription_id),
                key=f"consultations:digest:{subscription_id}:{newest}",
            )
        added += message is not None
    return added


def phase_reminders_send(now: datetime) -> int:
    """Tick handler: remind subscribers of a meeting or the submissions deadline, once each.

    A phase is due when its date falls within ``REMINDER_LEAD`` from now. The claim on
    ``reminder_sent_at`` and one outbox message per subscriber address are written in one
    transaction: two ticks see the claim taken, and each email then leaves once through the
    outbox, whatever the broker or the mail server does meanwhile. Returns the number of
    phases claimed by this call.
    """
    horizon = now + REMINDER_LEAD
    due = ConsultationPhase.objects.filter(reminder_sent_at__isnull=True).filter(
        Q(kind__in=MEETING_KINDS, starts_at__gt=now, starts_at__lte=horizon)
        | Q(kind=PhaseKind.SUBMISSIONS_DEADLINE, ends_at__gt=now, ends_at__lte=horizon)
    )
    completed = 0
    for phase in due.select_related("consultation"):
        with transaction.atomic():
            if not claim_once(
                ConsultationPhase.objects.filter(pk=phase.pk), field="reminder_sent_at"
            ):
                continue
            subscribers = {
                s.user.email.lower(): s.user
                for s in Subscription.objects.filter(consultation=phase.consultation)
                .select_related("user")
                .order_by("user__email", "pk")
            }
            for email in sorted(subscribers):
                # To the user (not the bare address): the outbox writes it in their language.
                outbox.add(purpose=emails.PHASE_REMINDER, obj=phase, to=subscribers[email])
        completed += 1
    return completed
