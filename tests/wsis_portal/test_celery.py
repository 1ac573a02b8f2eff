import pytest

from tests.conftest import wait_for
from wsis_portal.models import Heartbeat
from wsis_portal.tasks import heartbeat, tick


@pytest.mark.services
def test_real_worker_runs_heartbeat_then_healthz_is_ok(celery_worker, client):
    # The worker records one heartbeat when it becomes ready...
    assert Heartbeat.objects.filter(name="worker").exists()
    # ...and the heartbeat task, sent through Redis, records the next ones.
    Heartbeat.objects.all().delete()
    assert client.get("/healthz").json()["checks"]["worker"] == "no worker heartbeat yet"

    result = heartbeat.delay("worker")
    wait_for(lambda: Heartbeat.objects.filter(name="worker").exists(), timeout=30)

    assert result.id in celery_worker.output()
    assert "succeeded" in celery_worker.output()
    response = client.get("/healthz")
    assert response.status_code == 200, response.json()
    assert response.json()["checks"] == {
        "database": "ok",
        "cache": "ok",
        "broker": "ok",
        "worker": "ok",
        "outbox": "ok",
    }


def test_beat_schedule_has_tick_and_heartbeat():
    from wsis_portal.celery import app

    schedule = app.conf.beat_schedule
    assert schedule["tick"]["task"] == "wsis_portal.tasks.tick"
    assert schedule["tick"]["schedule"] == 60.0
    assert schedule["heartbeat"]["task"] == "wsis_portal.tasks.heartbeat"
    assert schedule["heartbeat"]["schedule"] < 120


def test_tick_runs_every_handler_even_after_a_failure():
    from wsis_portal.registry import registry

    calls = []

    def broken(now):
        raise RuntimeError("boom")

    def working(now):
        calls.append(now)

    registry.add_tick("test-broken", broken)
    registry.add_tick("test-working", working)
    try:
        done = tick()
    finally:
        registry.tick[:] = [(n, h) for n, h in registry.tick if not n.startswith("test-")]
    assert "test-working" in done and "test-broken" not in done
    assert len(calls) == 1
