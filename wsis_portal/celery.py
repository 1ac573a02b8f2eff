"""The Celery app: tasks autodiscovered from every installed app, one beat schedule."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wsis_portal.settings")

app = Celery("wsis_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

app.conf.beat_schedule = {
    # Applies due phase transitions of every process; see DESIGN.md "Phases and deadlines".
    "tick": {"task": "wsis_portal.tasks.tick", "schedule": 60.0},
    "heartbeat": {"task": "wsis_portal.tasks.heartbeat", "schedule": 30.0},
}
