"""The beat tick's writes: comment digests, through the outbox (the phase reminders, claimed
per subscriber, are in ``consultations.reminders``)."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.db.models import Max

from wsis_portal import outbox

from .. import emails
from ..models import Subscription
from ..selectors import subscriptions_with_pending_comments


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
