"""Portal-wide Celery tasks: the beat tick, the worker heartbeat, session clean-up and the
drawing of files too slow for a request (``drawn_files``)."""

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
def outbox_deliver(message_id: int) -> bool:
    """The outbox's fast path: deliver one message, sent when its transaction commits."""
    from . import outbox

    return outbox.deliver(message_id=message_id)


@shared_task(acks_late=True, ignore_result=True)
def outbox_deliver_pending() -> int:
    """The outbox's periodic path: deliver every message still pending and due."""
    from . import outbox

    return outbox.deliver_pending()


@shared_task(acks_late=True, ignore_result=True)
def sessions_clear() -> None:
    """Delete expired sessions (Django's `clearsessions`); idempotent, so safe to redeliver.

    The database session store never deletes a session itself: without this, every expired
    sign-in stays in django_session for ever.
    """
    call_command("clearsessions")


# Drawing 500 reports or 1,000 projects takes seconds, a minute on a loaded machine: within
# the default soft limit, and a redelivered task finds the copy drawn and stops.


@shared_task(acks_late=True, ignore_result=True)
def drawn_file_draw(kind: str, args: list, language: str, version: int) -> bool:
    """Draw the current version of one file of a ``drawn_files`` kind in ``language``."""
    from .drawn_files import KINDS

    return KINDS[kind].draw(args, language, version)


@shared_task(acks_late=True, ignore_result=True)
def drawn_files_refresh(kind: str) -> int:
    """After a change: ask for each file of the kind asked for so far to be drawn again."""
    from .drawn_files import KINDS

    return KINDS[kind].refresh()
