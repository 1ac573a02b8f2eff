"""The /healthz checks: database, cache, broker and worker heartbeat."""

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


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "broker": check_broker,
    "worker": check_worker,
}


def run_checks() -> dict[str, str | None]:
    return {name: check() for name, check in CHECKS.items()}
