"""Reminders that reach everyone once: claimed per recipient, never per window.

A reminder window (a consultation meeting three days ahead, a submission deadline, the end
of voting) stays open for days, and people join it while it is open: someone who subscribes
on the second day must still be reminded. So a window is never "claimed" as a whole at its
first tick. Every tick inside the window looks for the recipients who have no reminder of
that window yet and adds one outbox message for each, under a key unique to the window and
the recipient (``remind:<window>:<user id>``). The outbox's unique key is the claim: two
ticks at once add one message, a tick that runs again adds nothing, and the outbox's
delivery sends each message once through the send-once ledger.

The window's name carries the date it reminds of, so a deadline the Secretariat moves is a
new window (people are told of the new date), while the same deadline reminds each person
once however many ticks see it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import models, transaction
from django.db.models import CharField, Exists, OuterRef, QuerySet, Value
from django.db.models.functions import Cast, Concat

from . import outbox
from .models import OutboxMessage


def window_name(*parts: object, at: datetime) -> str:
    """The name of one reminder window: what it is about and the moment it reminds of."""
    return ":".join([*(str(part) for part in parts), str(int(at.timestamp()))])


def reminder_key_prefix(window: str) -> str:
    return f"remind:{window}:"


def not_yet_reminded(users: QuerySet[Any], *, window: str) -> QuerySet[Any]:
    """The users among ``users`` who have no reminder of ``window`` yet (one SQL query).

    The key lookup uses the outbox's unique index on ``key``.
    """
    prefix = reminder_key_prefix(window)
    reminded = OutboxMessage.objects.filter(
        key=Concat(Value(prefix), Cast(OuterRef("pk"), output_field=CharField()))
    )
    return users.exclude(Exists(reminded))


def remind_each_once(
    *,
    purpose: str,
    window: str,
    obj: models.Model,
    users: QuerySet[Any],
    data: dict[str, Any] | None = None,
) -> int:
    """Add one ``purpose`` message about ``obj`` for every user of ``users`` not yet reminded
    in ``window``; returns how many were added now.

    Each message is written in its own transaction: a failure on one leaves the others
    added, and the next tick adds the rest.
    """
    prefix = reminder_key_prefix(window)
    added = 0
    for user in not_yet_reminded(users, window=window).order_by("pk"):
        with transaction.atomic():
            message = outbox.add(
                purpose=purpose, obj=obj, to=user, data=data, key=f"{prefix}{user.pk}"
            )
        added += message is not None
    return added
