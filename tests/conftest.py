"""Fixtures shared by the whole suite: services, a real Celery worker, users."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connection, connections

from tests.factories.accounts import DEFAULT_PASSWORD, StakeholderFactory, UserFactory

CI = os.environ.get("CI", "").lower() == "true"
ROOT = Path(__file__).resolve().parent.parent


def require_service(available: bool, what: str) -> None:
    """Skip locally when a service is missing; in CI a missing service is a failure."""
    if available:
        return
    if CI:
        pytest.fail(f"{what} is required when CI=true but is not available.")
    pytest.skip(f"{what} is not available (set it up, or run in CI).")


@pytest.fixture
def postgres(db):
    require_service(connection.vendor == "postgresql", "PostgreSQL (DATABASE_URL)")


@pytest.fixture
def kept_connection(monkeypatch):
    """The database connection outlives each request, as in production (CONN_MAX_AGE; the
    tests' settings close it after each one): the site search prepares its statements."""
    wrapper = connections[DEFAULT_DB_ALIAS]
    monkeypatch.setitem(wrapper.settings_dict, "CONN_MAX_AGE", 600)
    monkeypatch.setattr(wrapper, "close_at", None, raising=False)


@pytest.fixture
def redis_broker():
    """The Redis URL of this test process's broker, emptied; fails in CI when Redis is down."""
    url = settings.CELERY_BROKER_URL if settings.REDIS_URL else ""
    ok = False
    if url:
        import redis

        try:
            client = redis.Redis.from_url(url, socket_connect_timeout=2)
            client.ping()
            client.flushdb()
            ok = True
        except Exception:
            ok = False
    require_service(ok, "Redis (REDIS_URL)")
    return url


def database_url() -> str:
    db = connection.settings_dict
    auth = quote(db["USER"] or "")
    if db.get("PASSWORD"):
        auth += ":" + quote(db["PASSWORD"])
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or "5432"
    return f"postgres://{auth}@{host}:{port}/{db['NAME']}"


class WorkerProcess:
    def __init__(self, process: subprocess.Popen, log: Path) -> None:
        self.process = process
        self.log = log

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def kill(self) -> None:
        """Kill the worker at once, as a crash would (no graceful shutdown, no acks)."""
        self.process.kill()
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


def start_worker(
    tmp_path: Path, name: str = "w1", extra_env: dict[str, str] | None = None
) -> WorkerProcess:
    log = tmp_path / f"celery-{name}.log"
    env = os.environ.copy()
    env.update(
        DJANGO_SETTINGS_MODULE="wsis_portal.test_settings",
        DATABASE_URL=database_url(),
        CELERY_TASK_ALWAYS_EAGER="false",
        PYTEST_XDIST_WORKER=settings.XDIST_WORKER,
    )
    env.update(extra_env or {})  # may replace the settings module, for instance
    handle = log.open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "wsis_portal",
            "worker",
            "--pool=solo",
            "--loglevel=INFO",
            "--without-gossip",
            "--without-mingle",
            "-n",
            f"{name}-{settings.XDIST_WORKER}@%h",
        ],
        cwd=ROOT,
        env=env,
        stdout=handle,
        stderr=subprocess.STDOUT,
    )
    handle.close()  # the child has its own copy; keeping ours open is a ResourceWarning
    worker = WorkerProcess(process, log)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if "ready." in worker.output():
            return worker
        if process.poll() is not None:
            break
        time.sleep(0.2)
    worker.stop()
    raise RuntimeError("Celery worker did not start:\n" + worker.output())


@pytest.fixture
def celery_worker(transactional_db, postgres, redis_broker, tmp_path):
    """A real Celery worker process on the Redis broker, sharing the test database.

    Tasks queued by the test process go through Redis to this worker. Tests that use it
    run outside a transaction (``transactional_db``) so the worker sees committed rows.
    """
    from wsis_portal.celery import app

    app.conf.task_always_eager = False
    app.conf.broker_url = redis_broker
    worker = start_worker(tmp_path)
    try:
        yield worker
    finally:
        worker.stop()
        app.conf.task_always_eager = True


# Nothing listens on port 1: connecting is refused at once, as with a Redis that is down.
CLOSED_BROKER_URL = "redis://127.0.0.1:1/0"


def broker_use(url: str, *, eager: bool = False) -> None:
    """Point this process's Celery producer at ``url`` (its cached connections dropped)."""
    from kombu import pools

    from wsis_portal.celery import app

    app.conf.broker_url = url
    app.conf.task_always_eager = eager
    for pool in (app._pool, app.amqp._producer_pool):
        if pool is not None:
            pool.force_close_all()
    app._pool = None
    app.amqp._producer_pool = None
    pools.reset()


@pytest.fixture
def broker_down():
    """Tasks sent by this process go to a broker that cannot be reached (not run eagerly)."""
    from wsis_portal.celery import app

    previous = app.conf.broker_url
    broker_use(CLOSED_BROKER_URL)
    yield
    broker_use(previous, eager=True)


@pytest.fixture
def password() -> str:
    return DEFAULT_PASSWORD


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def stakeholder(db):
    return StakeholderFactory()


@pytest.fixture
def stakeholder_client(client, stakeholder):
    client.force_login(stakeholder)
    client.user = stakeholder
    return client


def _facilitation_back_after_a_flush(**kwargs) -> None:
    """A transactional test ends by flushing every table; post_migrate then reloads the
    reference rows (Action Lines, SDGs, agencies) but not the sourced facilitation roles of data
    migration 0024, so a later test in the same database (another order under pytest-xdist, or
    the next run with --reuse-db) would find none. Put them back as that migration loads them."""
    from django.apps import apps

    from forum.base.models_facilitation import ActionLineFacilitator

    if ActionLineFacilitator.objects.exists():
        return
    migration = importlib.import_module("forum.migrations.0024_load_action_line_facilitators")
    migration.load(apps, None)


@pytest.fixture(autouse=True, scope="session")
def _facilitation_reloaded_after_flush():
    from django.apps import apps
    from django.db.models.signals import post_migrate

    # Connected after forum's own loaders, so the Action Lines are back first.
    post_migrate.connect(
        _facilitation_back_after_a_flush,
        sender=apps.get_app_config("forum"),
        dispatch_uid="tests.facilitation_back_after_a_flush",
    )
    yield


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    try:
        cache.clear()
    except Exception:
        pass
    yield


@pytest.fixture(autouse=True)
def _english_between_tests():
    """Each test starts in English: a request to /fr/… leaves French active in the thread
    (LocaleMiddleware does not reset it), and reverse() would then prefix every URL."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def wait_for(predicate, timeout: float = 30.0, interval: float = 0.2):
    """Poll ``predicate`` until it returns a truthy value or the timeout passes."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout} s")


def _window_start(seconds: int):
    """Move the clock to the start of the current rate-limit window (the limiter counts in
    fixed windows), so that a test's requests never straddle a window boundary."""
    import time_machine

    start = int(time.time()) // seconds * seconds + 1
    return time_machine.travel(start, tick=True)


@pytest.fixture
def rate_minute_start():
    with _window_start(60):
        yield


@pytest.fixture
def rate_hour_start():
    with _window_start(3600):
        yield


@pytest.fixture
def queued(monkeypatch):
    """Files of ``wsis_portal.drawn_files`` asked to be drawn but not drawn yet, as with a busy
    worker: the task's arguments, in order."""
    from wsis_portal import tasks

    calls: list[tuple] = []
    monkeypatch.setattr(tasks.drawn_file_draw, "delay", lambda *args: calls.append(args))
    return calls
