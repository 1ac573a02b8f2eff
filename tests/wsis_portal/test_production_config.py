"""What production runs (issue 16, item 6): Redis databases kept apart, persistent
database connections, separate web and worker/beat health, JSON logs with a request id."""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys

import pytest
import redis
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.conftest import ROOT, start_worker
from wsis_portal.jsonlog import JsonFormatter, request_id_from
from wsis_portal.redis_urls import redis_db_url, redis_layout
from wsis_portal.tasks import heartbeat


def production_settings(**env: str) -> dict:
    """The production settings module's values, read in a fresh interpreter."""
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({'broker': s.CELERY_BROKER_URL, 'results': s.CELERY_RESULT_BACKEND, "
        "'cache': s.CACHES['default']['LOCATION'], 'db': s.DATABASES['default'], "
        "'log': s.LOG_FORMAT}, default=str))"
    )
    full_env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wsis_portal.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "a-real-looking-secret-for-this-test-only-0123456789",
        "DATABASE_URL": "postgres://u:p@db.example:5432/wsis",
        "REDIS_URL": "redis://redis.example:6379/0",
        **env,
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=full_env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_puts_broker_results_and_cache_in_three_databases():
    values = production_settings()
    assert values["broker"] == "redis://redis.example:6379/0"
    assert values["results"] == "redis://redis.example:6379/1"
    assert values["cache"] == "redis://redis.example:6379/2"
    explicit = production_settings(
        REDIS_URL="redis://:pw@r:6380/4",
        REDIS_CACHE_URL="redis://cache:6379/0",
        CELERY_RESULT_BACKEND="redis://:pw@r:6380/9",
    )
    assert (explicit["broker"], explicit["results"], explicit["cache"]) == (
        "redis://:pw@r:6380/4",
        "redis://:pw@r:6380/9",
        "redis://cache:6379/0",
    )


def test_a_layout_sharing_one_database_is_refused():
    assert redis_db_url("redis://:secret@h:6379/0?x=1", 7) == "redis://:secret@h:6379/7?x=1"
    with pytest.raises(ImproperlyConfigured, match="the Celery broker and the cache"):
        redis_layout("redis://h:6379/3", cache_url="redis://h/3")
    with pytest.raises(ImproperlyConfigured, match="broker and task results"):
        redis_layout("redis://h:6379", result_url="redis://h:6379/0")
    # Another host's database 0 is another database.
    assert redis_layout("redis://a:6379/0", cache_url="redis://b:6379/0")[2] == "redis://b:6379/0"


def test_production_keeps_database_connections_and_checks_them():
    values = production_settings(DJANGO_CONN_MAX_AGE="60")
    assert values["db"]["CONN_MAX_AGE"] == 60
    assert values["db"]["CONN_HEALTH_CHECKS"] is True
    assert values["log"] == "json"


@pytest.mark.django_db(transaction=True)
def test_clearing_the_cache_keeps_queued_tasks(redis_broker, settings):
    """A task waiting in the broker survives cache.clear() (FLUSHDB of the cache's database)."""
    from wsis_portal.celery import app

    assert settings.CACHES["default"]["LOCATION"] != redis_broker
    app.conf.task_always_eager = False
    app.conf.broker_url = redis_broker
    try:
        heartbeat.delay()
        queue = redis.Redis.from_url(redis_broker)
        assert queue.llen("celery") == 1
        cache.set("something", "cached")
        cache.clear()
        assert cache.get("something") is None
        assert queue.llen("celery") == 1
    finally:
        app.conf.task_always_eager = True


@pytest.mark.django_db
def test_web_health_ignores_a_missing_worker_but_full_health_does_not(client):
    response = client.get("/healthz/web")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok"}}
    assert "no-cache" in response["Cache-Control"]
    assert client.get("/healthz").status_code == 503


@pytest.mark.django_db
def test_beat_health_follows_the_heartbeat(settings):
    with pytest.raises(CommandError, match="no worker heartbeat yet"):
        call_command("health", "beat")
    heartbeat()
    out = io.StringIO()
    call_command("health", "beat", stdout=out)
    assert out.getvalue().strip() == "beat ok"


@pytest.mark.django_db(transaction=True)
def test_worker_health_pings_its_own_worker(postgres, redis_broker, tmp_path, settings):
    from wsis_portal.celery import app

    app.conf.broker_url = redis_broker
    with pytest.raises(CommandError, match="did not answer"):
        call_command("health", "worker", "--node", "nobody@nowhere", "--timeout", "1")
    worker = start_worker(tmp_path, name="health")
    try:
        node = f"health-{settings.XDIST_WORKER}@{os.uname().nodename}"
        out = io.StringIO()
        call_command("health", "worker", "--node", node, "--timeout", "5", stdout=out)
        assert out.getvalue().strip() == "worker ok"
    finally:
        worker.stop()


def test_json_log_line_carries_level_logger_message_and_request_id():
    record = logging.LogRecord("wsis.test", logging.WARNING, __file__, 1, "hello %s", ("x",), None)
    record.request_id = "abcdef0123456789"
    record.path = "/vote/"
    line = json.loads(JsonFormatter().format(record))
    assert line["level"] == "WARNING"
    assert line["logger"] == "wsis.test"
    assert line["message"] == "hello x"
    assert line["request_id"] == "abcdef0123456789"
    assert line["path"] == "/vote/"
    # A header that could smuggle text into a log line is replaced by a fresh id.
    assert request_id_from("ok-id-from-the-proxy") == "ok-id-from-the-proxy"
    assert len(request_id_from('bad" id\n')) == 32


@pytest.mark.django_db
def test_each_response_names_its_request_id_and_logs_carry_it(client, caplog):
    response = client.get("/healthz/web", HTTP_X_REQUEST_ID="from-the-proxy-123")
    assert response["X-Request-ID"] == "from-the-proxy-123"
    fresh = client.get("/healthz/web")["X-Request-ID"]
    assert len(fresh) == 32
    with caplog.at_level(logging.WARNING, logger="django.request"):
        client.get("/no-such-page/", HTTP_X_REQUEST_ID="trace-me-0001")
    formatted = [json.loads(JsonFormatter().format(r)) for r in caplog.records]
    assert any(
        r["request_id"] == "trace-me-0001" and "Not Found" in r["message"] for r in formatted
    )
