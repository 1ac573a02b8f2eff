"""Thin Celery tasks of the contest: they take ids, are idempotent and ``acks_late``.

Its emails and recounts are outbox messages (``prizes/emails.py``), delivered by
``wsis_portal.tasks.outbox_deliver``.
"""

from __future__ import annotations

from celery import shared_task
from django.utils import timezone
from django.utils.dateparse import parse_datetime


@shared_task(acks_late=True, ignore_result=True)
def transitions_apply(at: str | None = None) -> list[str]:
    """Apply due transitions (what the beat tick does). ``at`` replays a tick as of a given
    time, for the lifecycle test that moves the clock; beat never passes it."""
    from .services import transitions_apply as apply

    when = (parse_datetime(at) if at else None) or timezone.now()
    return apply(when)
