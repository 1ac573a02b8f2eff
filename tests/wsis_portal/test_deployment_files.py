"""docker-compose.yml and the Dockerfile: valid, and wired the way docs/deployment.md says."""

import os
import shutil
import subprocess
from pathlib import Path

import yaml

from tests.conftest import require_service

ROOT = Path(__file__).resolve().parents[2]


def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_docker_compose_config_is_valid():
    # .ci/run installs Debian's docker-compose, which validates without a Docker engine.
    require_service(shutil.which("docker-compose") is not None, "docker-compose")
    result = subprocess.run(
        ["docker-compose", "-f", "docker-compose.yml", "config", "-q"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    rendered = subprocess.run(
        ["docker-compose", "-f", "docker-compose.yml", "config"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    services = yaml.safe_load(rendered)["services"]
    assert services["web"]["environment"]["DJANGO_DEBUG"] == "false"
    assert services["worker"]["environment"]["REDIS_URL"] == "redis://redis:6379/0"


def test_compose_has_its_services_with_health_checks():
    config = compose()
    services = config["services"]
    assert set(services) == {"postgres", "redis", "migrate", "web", "worker", "beat"}
    assert "pg_isready" in " ".join(services["postgres"]["healthcheck"]["test"])
    assert "ping" in services["redis"]["healthcheck"]["test"]
    # web is healthy when it serves; the worker and beat have their own health commands.
    assert "/healthz/web" in " ".join(services["web"]["healthcheck"]["test"])
    assert services["worker"]["healthcheck"]["test"][-3:] == ["manage.py", "health", "worker"]
    assert services["beat"]["healthcheck"]["test"][-3:] == ["manage.py", "health", "beat"]
    assert "healthcheck" not in services["migrate"]
    assert "postgres-data:/var/lib/postgresql/data" in services["postgres"]["volumes"]
    assert "postgres-data" in config["volumes"]


def test_compose_migrates_once_before_web_worker_and_beat_start():
    services = compose()["services"]
    assert services["migrate"]["command"] == ["python", "manage.py", "migrate", "--noinput"]
    assert services["migrate"]["restart"] == "no"
    assert services["web"]["command"] == [
        "gunicorn",
        "wsis_portal.wsgi:application",
        "--config",
        "python:wsis_portal.gunicorn_conf",
    ]
    assert services["worker"]["command"][:4] == ["celery", "-A", "wsis_portal", "worker"]
    assert services["beat"]["command"][:4] == ["celery", "-A", "wsis_portal", "beat"]
    for name in ("web", "worker", "beat"):
        depends = services[name]["depends_on"]
        assert depends["migrate"]["condition"] == "service_completed_successfully"
        assert depends["postgres"]["condition"] == "service_healthy"


def test_compose_passes_every_variable_production_needs():
    services = compose()["services"]
    for name in ("migrate", "web", "worker", "beat"):
        env = services[name]["environment"]
        for key in (
            "DATABASE_URL",
            "REDIS_URL",
            "CELERY_RESULT_BACKEND",
            "REDIS_CACHE_URL",
            "DJANGO_SECRET_KEY",
            "DJANGO_ALLOWED_HOSTS",
            "DJANGO_CSRF_TRUSTED_ORIGINS",
            "DJANGO_SECURE_SSL_REDIRECT",
            "PORTAL_BASE_URL",
            "EMAIL_URL",
            "DJANGO_CONN_MAX_AGE",
        ):
            assert key in env, (name, key)
        assert env["DJANGO_DEBUG"] == "false"
        assert env["DJANGO_CONN_HEALTH_CHECKS"] == "true"
        # Broker, results and cache: three different Redis databases.
        assert len({env["REDIS_URL"], env["CELERY_RESULT_BACKEND"], env["REDIS_CACHE_URL"]}) == 3


def test_rendered_compose_keeps_connections_and_sets_the_public_address():
    require_service(shutil.which("docker-compose") is not None, "docker-compose")
    rendered = subprocess.run(
        ["docker-compose", "-f", "docker-compose.yml", "config"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        env={"PATH": os.environ["PATH"]},  # the defaults, not this shell's variables
    ).stdout
    env = yaml.safe_load(rendered)["services"]["web"]["environment"]
    # Minutes, not seconds: a new backend's first search plans each of its queries slowly.
    assert int(env["DJANGO_CONN_MAX_AGE"]) >= 600
    assert env["PORTAL_BASE_URL"].startswith("https://")


def test_gunicorn_config_is_what_the_bench_measured(monkeypatch):
    import importlib

    import wsis_portal.gunicorn_conf as conf

    monkeypatch.delenv("GUNICORN_WORKERS", raising=False)
    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    monkeypatch.delenv("GUNICORN_THREADS", raising=False)
    conf = importlib.reload(conf)
    assert conf.worker_class == "gthread"
    assert conf.threads == 8
    assert conf.workers == 2 * len(os.sched_getaffinity(0))
    assert conf.bind == "0.0.0.0:8000"
    assert conf.logger_class == "wsis_portal.gunicorn_logging.MaskingLogger"
    monkeypatch.setenv("GUNICORN_WORKERS", "3")
    assert importlib.reload(conf).workers == 3


def test_dockerfile_is_slim_non_root_and_collects_static():
    text = (ROOT / "Dockerfile").read_text()
    assert text.startswith("#") and "FROM python:3.11-slim" in text
    assert "collectstatic --noinput" in text
    assert "\nUSER wsis\n" in text
    assert "gunicorn" in text
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".git", ".venv", "var", ".env"} <= set(ignored)
