"""The Celery app: tasks autodiscovered from every installed app, one beat schedule."""

import logging
import os

from celery import Celery
from celery.schedules import crontab
from celery.signals import after_setup_logger, after_setup_task_logger, worker_ready

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wsis_portal.settings")

app = Celery("wsis_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

app.conf.beat_schedule = {
    # Applies due phase transitions of every process; see DESIGN.md "Phases and deadlines".
    # CELERY_TICK_SECONDS: the scale-out test ticks every second to cross phases quickly.
    "tick": {
        "task": "wsis_portal.tasks.tick",
        "schedule": float(os.environ.get("CELERY_TICK_SECONDS", "60")),
    },
    "heartbeat": {"task": "wsis_portal.tasks.heartbeat", "schedule": 30.0},
    # Delivers the outbox messages whose fast path was lost (broker down, worker killed).
    "outbox": {"task": "wsis_portal.tasks.outbox_deliver_pending", "schedule": 30.0},
    # Expired sessions are never deleted by the database store itself.
    "sessions-clear": {
        "task": "wsis_portal.tasks.sessions_clear",
        "schedule": crontab(hour=3, minute=17),
    },
}


@worker_ready.connect
def heartbeat_on_start(**kwargs) -> None:
    """Record a heartbeat as soon as a worker is up, so /healthz need not wait for beat."""
    from .tasks import heartbeat

    try:
        heartbeat()
    except Exception:  # e.g. the database is not migrated yet; beat's heartbeat follows
        logging.getLogger(__name__).warning("could not record the start heartbeat", exc_info=True)


@after_setup_logger.connect
@after_setup_task_logger.connect
def json_log_lines(logger, **kwargs) -> None:
    """Celery sets up its own handlers on the worker and beat: they write the same JSON
    lines as the web processes when DJANGO_LOG_FORMAT is json (the production default)."""
    from django.conf import settings

    from .jsonlog import JsonFormatter
    from .logmask import MaskSecretsFilter

    if getattr(settings, "LOG_FORMAT", "text") != "json":
        return
    for handler in logger.handlers:
        handler.setFormatter(JsonFormatter())
        handler.addFilter(MaskSecretsFilter())
