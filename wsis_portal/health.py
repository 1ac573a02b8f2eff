"""The /healthz checks: database, cache, broker, worker heartbeat and the outbox."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone


def check_database() -> str | None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:
        return f"database unreachable: {exc.__class__.__name__}"
    return None


def check_cache() -> str | None:
    try:
        cache.set("healthz", "ok", timeout=10)
        if cache.get("healthz") != "ok":
            return "cache did not return what was stored"
    except Exception as exc:
        return f"cache unreachable: {exc.__class__.__name__}"
    return None


def check_broker() -> str | None:
    from wsis_portal.celery import app

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception as exc:
        return f"broker unreachable: {exc.__class__.__name__}"
    return None


def check_worker() -> str | None:
    from wsis_portal.models import Heartbeat

    try:
        beat = Heartbeat.objects.filter(name="worker").values_list("beat_at", flat=True).first()
    except Exception as exc:
        return f"heartbeat unreadable: {exc.__class__.__name__}"
    if beat is None:
        return "no worker heartbeat yet"
    age = timezone.now() - beat
    if age > timedelta(seconds=settings.HEALTH_WORKER_MAX_AGE):
        return f"last worker heartbeat {int(age.total_seconds())} s ago"
    return None


def check_outbox() -> str | None:
    """Fails when an outbox message has waited longer than ``OUTBOX_MAX_PENDING_AGE``:
    beat delivers every 30 s, so an old pending row means side effects are stuck."""
    from wsis_portal.outbox import outbox_state

    try:
        state = outbox_state()
    except Exception as exc:
        return f"outbox unreadable: {exc.__class__.__name__}"
    age = state.oldest_pending_age(timezone.now())
    if age is not None and age > timedelta(seconds=settings.OUTBOX_MAX_PENDING_AGE):
        return (
            f"oldest pending outbox message {int(age.total_seconds())} s old "
            f"({state.pending} pending)"
        )
    return None


def outbox_figures() -> dict[str, int | None]:
    """What /healthz shows of the outbox whatever its status: counts and the oldest age."""
    from wsis_portal.outbox import outbox_state

    try:
        state = outbox_state()
    except Exception:
        return {}
    age = state.oldest_pending_age(timezone.now())
    return {
        "pending": state.pending,
        "failed": state.failed,
        "oldest_pending_age_seconds": None if age is None else int(age.total_seconds()),
    }


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "broker": check_broker,
    "worker": check_worker,
    "outbox": check_outbox,
}


def run_checks() -> dict[str, str | None]:
    return {name: check() for name, check in CHECKS.items()}
