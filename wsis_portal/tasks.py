"""Portal-wide Celery tasks: the beat tick, the worker heartbeat and session clean-up."""

import logging

from celery import shared_task
from django.core.management import call_command
from django.utils import timezone

from .registry import registry

logger = logging.getLogger(__name__)


@shared_task(acks_late=True, ignore_result=True)
def tick() -> list[str]:
    """Run every app's due-transition handler; one failing handler does not stop the others."""
    now = timezone.now()
    done = []
    for name, handler in registry.tick:
        try:
            handler(now)
            done.append(name)
        except Exception:
            logger.exception("tick handler %s failed", name)
    return done


@shared_task(acks_late=True, ignore_result=True)
def heartbeat(name: str = "worker") -> None:
    from .models import Heartbeat

    Heartbeat.objects.update_or_create(name=name, defaults={"beat_at": timezone.now()})


@shared_task(acks_late=True, ignore_result=True)
def sessions_clear() -> None:
    """Delete expired sessions (Django's `clearsessions`); idempotent, so safe to redeliver.

    The database session store never deletes a session itself: without this, every expired
    sign-in stays in django_session for ever.
    """
    call_command("clearsessions")
