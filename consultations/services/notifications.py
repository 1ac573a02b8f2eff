"""The beat tick's writes: comment digests, through the outbox (the phase reminders, claimed
per subscriber, are in ``consultations.reminders``)."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.db.models import Exists, Max, OuterRef

from wsis_portal import outbox

from .. import emails
from ..models import (
    Comment,
    CommentDelivery,
    Subscription,
)


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
