"""A worker killed in the middle of a task: the task is run again and done (issue 10, item 9).

Tasks acknowledge late, so the message of a task that was running when its worker died stays
unacknowledged in Redis; after CELERY_REDELIVERY_SECONDS (the broker's visibility timeout)
it goes back to the queue and the next worker runs it.
"""

from __future__ import annotations

import time

import psycopg2
import pytest
from django.conf import settings
from django.utils import timezone

from tests.conftest import database_url, start_worker, wait_for
from wsis_portal.celery import app
from wsis_portal.models import Heartbeat
from wsis_portal.tasks import heartbeat

FAST_REDELIVERY = {
    "CELERY_REDELIVERY_SECONDS": "3",
    "CELERY_TASK_SOFT_TIME_LIMIT": "1",
    "CELERY_TASK_TIME_LIMIT": "2",
}


def test_limits_and_redelivery_are_configured():
    assert app.conf.task_acks_late is True
    assert app.conf.task_reject_on_worker_lost is True
    assert app.conf.task_soft_time_limit < app.conf.task_time_limit
    # Redelivered within ten minutes, and never while the task may still be running.
    redelivery = settings.CELERY_REDELIVERY_SECONDS
    assert app.conf.task_time_limit < redelivery <= 600
    if settings.REDIS_URL:
        options = app.conf.broker_transport_options
        assert options["visibility_timeout"] == redelivery
        # Back in the queue at most one sweep after the timeout: within ten minutes in all.
        sweep = options["unacked_restore_interval"] * options["unacked_restore_throttle"]
        assert redelivery + sweep <= 600


@pytest.mark.services
def test_task_of_a_killed_worker_is_done_after_a_restart(celery_worker, tmp_path):
    celery_worker.stop()  # the fixture's worker has the default (long) redelivery time
    Heartbeat.objects.update_or_create(name="victim", defaults={"beat_at": timezone.now()})
    before = Heartbeat.objects.get(name="victim").beat_at
    first = start_worker(tmp_path, "killed", FAST_REDELIVERY)
    second = None
    # Hold the row the task updates, so the task is caught in the middle of its work.
    blocker = psycopg2.connect(database_url())
    try:
        with blocker.cursor() as cursor:
            cursor.execute("SELECT 1 FROM wsis_portal_heartbeat WHERE name = 'victim' FOR UPDATE")

            def task_is_waiting():
                # Activity views are a snapshot per transaction, and this one stays open.
                cursor.execute("SELECT pg_stat_clear_snapshot()")
                cursor.execute(
                    "SELECT count(*) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND wait_event_type = 'Lock'"
                )
                return cursor.fetchone()[0] > 0

            heartbeat.delay("victim")
            wait_for(task_is_waiting, timeout=30)
        first.kill()  # SIGKILL of the worker's main process: no ack, no graceful shutdown
        blocker.rollback()
        time.sleep(0.5)
        assert Heartbeat.objects.get(name="victim").beat_at == before  # the run was cut

        second = start_worker(tmp_path, "restarted", FAST_REDELIVERY)
        wait_for(lambda: Heartbeat.objects.get(name="victim").beat_at > before, timeout=60)
        assert "wsis_portal.tasks.heartbeat" in second.output()
    finally:
        blocker.close()
        first.stop()
        if second is not None:
            second.stop()
