from datetime import timedelta

import pytest
import time_machine

from wsis_portal.models import Heartbeat
from wsis_portal.tasks import heartbeat

BROKEN_CACHE = {"default": {"BACKEND": "tests.wsis_portal.broken_cache.BrokenCache"}}


@pytest.fixture
def fresh_heartbeat(db):
    heartbeat()
    return Heartbeat.objects.get(name="worker")


@pytest.mark.django_db
def test_healthz_ok_with_fresh_heartbeat(client, fresh_heartbeat):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {
            "database": "ok",
            "cache": "ok",
            "broker": "ok",
            "worker": "ok",
            "outbox": "ok",
        },
        "outbox": {"pending": 0, "failed": 0, "oldest_pending_age_seconds": None},
    }
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_503_without_any_heartbeat(client):
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "fail"
    assert body["checks"]["worker"] == "no worker heartbeat yet"
    assert body["checks"]["database"] == "ok"


@pytest.mark.django_db
def test_healthz_503_with_stale_heartbeat(client, fresh_heartbeat):
    # Measured from the heartbeat itself, so a slow machine between the two lines cannot
    # add seconds to the age the page reports.
    beat_at = fresh_heartbeat.beat_at
    with time_machine.travel(beat_at + timedelta(seconds=90), tick=False):
        assert client.get("/healthz").status_code == 200
    with time_machine.travel(beat_at + timedelta(minutes=3), tick=False):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["worker"].startswith("last worker heartbeat 180 s ago")


@pytest.mark.django_db
def test_healthz_503_names_the_cache_when_it_is_down(client, fresh_heartbeat, settings):
    settings.CACHES = BROKEN_CACHE
    response = client.get("/healthz")
    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["cache"] == "cache unreachable: ConnectionError"
    assert checks["worker"] == checks["database"] == "ok"


@pytest.mark.django_db
def test_healthz_503_names_the_broker_when_it_is_down(client, fresh_heartbeat):
    from wsis_portal.celery import app

    previous = app.conf.broker_url
    app.conf.broker_url = "redis://127.0.0.1:1/0"
    try:
        response = client.get("/healthz")
    finally:
        app.conf.broker_url = previous
    assert response.status_code == 503
    assert response.json()["checks"]["broker"].startswith("broker unreachable")
