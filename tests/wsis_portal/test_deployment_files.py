"""docker-compose.yml and the Dockerfile: valid, and wired the way docs/deployment.md says."""

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


def test_compose_has_the_five_services_with_health_checks():
    config = compose()
    services = config["services"]
    assert set(services) == {"postgres", "redis", "web", "worker", "beat"}
    assert "pg_isready" in " ".join(services["postgres"]["healthcheck"]["test"])
    assert "ping" in services["redis"]["healthcheck"]["test"]
    assert "/healthz" in " ".join(services["web"]["healthcheck"]["test"])
    assert "postgres-data:/var/lib/postgresql/data" in services["postgres"]["volumes"]
    assert "postgres-data" in config["volumes"]


def test_compose_web_migrates_then_runs_gunicorn_and_worker_beat_run_celery():
    services = compose()["services"]
    web = " ".join(services["web"]["command"])
    assert web.index("migrate") < web.index("gunicorn")
    assert services["worker"]["command"][:4] == ["celery", "-A", "wsis_portal", "worker"]
    assert services["beat"]["command"][:4] == ["celery", "-A", "wsis_portal", "beat"]
    for name in ("web", "worker", "beat"):
        env = services[name]["environment"]
        for key in (
            "DATABASE_URL",
            "REDIS_URL",
            "DJANGO_SECRET_KEY",
            "DJANGO_ALLOWED_HOSTS",
            "DJANGO_SECURE_SSL_REDIRECT",
        ):
            assert key in env, (name, key)
        assert env["DJANGO_DEBUG"] == "false"
        assert services[name]["depends_on"]["postgres"]["condition"] == "service_healthy"


def test_dockerfile_is_slim_non_root_and_collects_static():
    text = (ROOT / "Dockerfile").read_text()
    assert text.startswith("#") and "FROM python:3.11-slim" in text
    assert "collectstatic --noinput" in text
    assert "\nUSER wsis\n" in text
    assert "gunicorn" in text
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".git", ".venv", "var", ".env"} <= set(ignored)
