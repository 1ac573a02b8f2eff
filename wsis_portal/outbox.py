"""The transactional outbox: side effects written with the change that causes them.

A service calls :func:`add` inside its ``transaction.atomic()``: the row commits or rolls
back with the change, so "saved but never emailed" and "emailed but not saved" cannot
happen. Two paths deliver it, and a row lock makes sure only one of them does:

- the fast path, a Celery task sent once the transaction commits. When the broker is down
  the send fails, is logged, and the request or tick carries on: the row waits;
- the periodic path, :func:`deliver_pending`, run by beat every ``OUTBOX_DELIVER_EVERY``
  seconds, which takes every pending row that is due, oldest first.

A delivery locks its row (``SELECT ... FOR UPDATE SKIP LOCKED``), runs the handler that the
purpose's app registered (``registry.add_outbox``), sends the returned email through the
send-once ledger (``wsis_portal.mail.email_send_once``) and marks the row delivered, all in
one transaction. A worker killed half-way rolls all of it back and releases the lock; the
next delivery does the whole job, so each email leaves once. A failing handler or mail server
puts the row back with an exponential backoff; after ``OUTBOX_MAX_ATTEMPTS`` it is marked
failed and shown in the admin, where it can be retried.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, models, transaction
from django.db.models import Min, Q
from django.utils import timezone, translation

from .i18n import language_of
from .mail import Email, email_send_once
from .models import OutboxMessage, OutboxStatus
from .registry import registry

logger = logging.getLogger(__name__)


def add(
    *,
    purpose: str,
    obj: models.Model | None = None,
    to: Any = None,
    data: dict[str, Any] | None = None,
    secret: dict[str, Any] | None = None,
    key: str | None = None,
) -> OutboxMessage | None:
    """Write one side effect in the current transaction; deliver it once that commits.

    ``to`` is a user (its address is read when the message is delivered) or an email address.
    ``data`` is kept for the record; ``secret`` (a private link) is erased once delivered.
    With ``key``, a message with the same key already written makes this call a no-op
    (returns None): a tick that sees the same cause twice adds it once.
    """
    if purpose not in registry.outbox:
        raise ValueError(f"no outbox handler is registered for {purpose!r}")
    message = OutboxMessage(
        purpose=purpose,
        data=data or {},
        secret=secret or {},
        key=key,
    )
    if obj is not None:
        message.content_type = ContentType.objects.get_for_model(obj)
        message.object_id = obj.pk
    if isinstance(to, str):
        message.to_email = to
        # Someone without an account reads the language of the page that caused the email.
        message.data.setdefault("language", translation.get_language())
    elif to is not None:
        message.recipient = to
        message.to_email = getattr(to, "email", "") or ""
    try:
        # A savepoint: a duplicate key leaves the caller's transaction usable.
        with transaction.atomic():
            message.save()
    except IntegrityError:
        if key is None:
            raise
        return None
    transaction.on_commit(lambda: send_fast(message.pk), robust=True)
    return message


def send_fast(message_id: int) -> bool:
    """Queue the delivery of one message now; False (logged, never raised) when the broker
    cannot be reached: the periodic delivery will take the row."""
    from .celery import app
    from .tasks import outbox_deliver

    try:
        if app.conf.task_always_eager:
            # Tests and a laptop without a worker: deliver inline.
            outbox_deliver.apply_async((message_id,))
            return True
        # One quick connection attempt and no publish retries: kombu's defaults retry for
        # seconds, and a request or a tick must not wait for a broker that is down.
        with app.connection_for_write() as conn:
            conn.ensure_connection(
                max_retries=1, interval_start=0, interval_step=0.2, interval_max=0.2, timeout=2
            )
            outbox_deliver.apply_async((message_id,), retry=False, connection=conn)
    except Exception as exc:
        logger.warning(
            "outbox message %s stays pending: broker unreachable (%s: %s)",
            message_id,
            exc.__class__.__name__,
            exc,
        )
        return False
    return True


def retry_delay(attempts: int) -> timedelta:
    """Wait before the next attempt: doubles from ``OUTBOX_RETRY_BASE`` up to the cap."""
    seconds = settings.OUTBOX_RETRY_BASE * 2 ** max(attempts - 1, 0)
    return timedelta(seconds=min(seconds, settings.OUTBOX_RETRY_MAX))


def _due(now: datetime) -> Q:
    # A message never tried is due whatever the clocks say (a web host's clock ahead of the
    # worker's must not hold it back); a failed one waits for its backoff.
    return Q(attempts=0) | Q(next_attempt_at__lte=now)


def deliver(*, message_id: int, now: datetime | None = None) -> bool:
    """Deliver one pending, due message; True when this call delivered it.

    False when it is not pending, not due yet (backing off), being delivered by another
    process right now (its row is locked: skipped, never waited for), or when the handler
    or the mail server failed (recorded on the row for the next attempt).
    """
    now = now or timezone.now()
    with transaction.atomic():
        message = (
            OutboxMessage.objects.select_for_update(skip_locked=True)
            .filter(_due(now), pk=message_id, status=OutboxStatus.PENDING)
            .first()
        )
        if message is None:
            return False
        try:
            # A savepoint: a failure undoes the handler's writes and the ledger row, but the
            # failure itself is recorded on the locked message.
            with transaction.atomic():
                _perform(message)
        except Exception as exc:
            _record_failure(message, exc, now)
            return False
        message.status = OutboxStatus.SENT
        message.delivered_at = timezone.now()
        message.attempts += 1
        message.last_error = ""
        message.secret = {}
        message.save(update_fields=["status", "delivered_at", "attempts", "last_error", "secret"])
    return True


def _perform(message: OutboxMessage) -> None:
    handler = registry.outbox.get(message.purpose)
    if handler is None:
        raise LookupError(f"no outbox handler is registered for {message.purpose!r}")
    # Rendered in the recipient's language: the one saved on their account at delivery time,
    # else the one recorded when the message was added (docs/translations.md).
    with language_of(message.recipient, fallback=message.data.get("language")):
        result = handler(message)
    if result is None:
        return
    if not isinstance(result, Email):
        raise TypeError(f"outbox handler for {message.purpose!r} returned {result!r}")
    if not result.to:
        return
    email_send_once(key=message.ledger_key, subject=result.subject, body=result.body, to=result.to)


def _record_failure(message: OutboxMessage, exc: Exception, now: datetime) -> None:
    message.attempts += 1
    message.last_error = f"{exc.__class__.__name__}: {exc}"[:2000]
    if message.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
        message.status = OutboxStatus.FAILED
        logger.error(
            "outbox message %s (%s) failed %s times, giving up: %s",
            message.pk,
            message.purpose,
            message.attempts,
            message.last_error,
        )
    else:
        message.next_attempt_at = now + retry_delay(message.attempts)
        logger.warning(
            "outbox message %s (%s) failed, retry at %s: %s",
            message.pk,
            message.purpose,
            message.next_attempt_at,
            message.last_error,
        )
    message.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])


def deliver_pending(*, now: datetime | None = None, limit: int | None = None) -> int:
    """Deliver every pending message that is due, oldest first; returns how many were.

    Run by beat; safe to run in several workers at once (each row is locked by the one
    delivering it and skipped by the others). Stops after ``OUTBOX_BATCH`` messages or
    ``OUTBOX_BATCH_SECONDS``, well inside Celery's task time limit.
    """
    now = now or timezone.now()
    limit = limit or settings.OUTBOX_BATCH
    ids = list(
        OutboxMessage.objects.filter(_due(now), status=OutboxStatus.PENDING)
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    # Stop well inside the task's time limit; the next run takes the rest.
    budget_ends = time.monotonic() + settings.OUTBOX_BATCH_SECONDS
    delivered = 0
    for message_id in ids:
        if time.monotonic() > budget_ends:
            break
        delivered += deliver(message_id=message_id, now=now)
    return delivered


def retry(*, message_ids: list[int], now: datetime | None = None) -> int:
    """Put failed or backing-off messages back in line for an attempt now (the admin's action)."""
    now = now or timezone.now()
    return OutboxMessage.objects.filter(
        pk__in=message_ids, status__in=[OutboxStatus.PENDING, OutboxStatus.FAILED]
    ).update(status=OutboxStatus.PENDING, next_attempt_at=now)


@dataclass(frozen=True)
class OutboxState:
    pending: int
    failed: int
    oldest_pending_at: datetime | None

    def oldest_pending_age(self, now: datetime) -> timedelta | None:
        return None if self.oldest_pending_at is None else now - self.oldest_pending_at


def outbox_state() -> OutboxState:
    """How many messages wait, how many were given up, and when the oldest waiting was written."""
    pending = OutboxMessage.objects.filter(status=OutboxStatus.PENDING).aggregate(
        n=models.Count("pk"), oldest=Min("created_at")
    )
    failed = OutboxMessage.objects.filter(status=OutboxStatus.FAILED).count()
    return OutboxState(pending=pending["n"], failed=failed, oldest_pending_at=pending["oldest"])
