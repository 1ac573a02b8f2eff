"""Writing a change of state and its activity-log row (docs/architecture.md).

Every stateful model has one transition function in its app's services (for instance
``prizes.services.project_status_change``). That function checks the move against its
table of allowed moves, refuses with ``Refusal("transition", …)`` otherwise, and then calls
``transition_write``, which is the only code that assigns the state field, saves it with
``update_fields`` and records who did it and why. ``tests/wsis_portal/test_state_writes.py``
fails when a state field is written anywhere else.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from .models import ActivityLog, ActorKind

# The actor of what the beat tick does on its own: no person, the clock.
CLOCK = None


def activity_record(
    *,
    obj: models.Model,
    action: str,
    actor: Any,
    field: str,
    before: Any,
    after: Any,
    reason: str = "",
    at: datetime | None = None,
) -> ActivityLog:
    """Write one activity-log row; ``actor`` is a user, or ``CLOCK`` (None) for the tick."""
    return ActivityLog.objects.create(
        at=at or timezone.now(),
        actor=actor if actor is not None and getattr(actor, "pk", None) else None,
        actor_kind=ActorKind.CLOCK if actor is None else ActorKind.USER,
        action=action,
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_id=obj.pk,
        object_repr=str(obj)[:200],
        field=field,
        before="" if before is None else str(before)[:50],
        after="" if after is None else str(after)[:50],
        reason=reason or "",
    )


def transition_write(
    obj: models.Model,
    *,
    field: str = "status",
    to: Any,
    actor: Any,
    action: str,
    reason: str = "",
    also: Iterable[str] = (),
    at: datetime | None = None,
) -> ActivityLog:
    """Set ``obj.<field>`` to ``to``, save it (with the ``also`` fields the caller set) and
    log the change. Call it inside the action's transaction, after the move was checked."""
    before = getattr(obj, field)
    setattr(obj, field, to)
    fields = [field, *also]
    if (
        any(f.name == "updated_at" for f in obj._meta.concrete_fields)
        and "updated_at" not in fields
    ):
        fields.append("updated_at")
    obj.save(update_fields=fields)
    return activity_record(
        obj=obj,
        action=action,
        actor=actor,
        field=field,
        before=before,
        after=to,
        reason=reason,
        at=at,
    )
