"""The settings read from the environment, each checked in a fresh interpreter."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json
from django.conf import settings
print(json.dumps({
    "engine": settings.DATABASES["default"]["ENGINE"],
    "db_name": str(settings.DATABASES["default"]["NAME"]),
    "cache": settings.CACHES["default"]["BACKEND"],
    "cache_location": settings.CACHES["default"].get("LOCATION", ""),
    "broker": settings.CELERY_BROKER_URL,
    "broker_options": {k: str(v) for k, v in settings.CELERY_BROKER_TRANSPORT_OPTIONS.items()},
    "secret_key": settings.SECRET_KEY,
    "debug": settings.DEBUG,
    "allowed_hosts": settings.ALLOWED_HOSTS,
    "email_backend": settings.EMAIL_BACKEND,
    "time_zone": settings.TIME_ZONE,
    "use_tz": settings.USE_TZ,
    "session_engine": settings.SESSION_ENGINE,
    "ssl_redirect": settings.SECURE_SSL_REDIRECT,
    "static_root": str(settings.STATIC_ROOT),
    "media_root": str(settings.MEDIA_ROOT),
}))
"""

CLEARED = (
    "DATABASE_URL",
    "REDIS_URL",
    "DJANGO_SECRET_KEY",
    "DJANGO_DEBUG",
    "DJANGO_ALLOWED_HOSTS",
    "EMAIL_URL",
    "DJANGO_SECURE_SSL_REDIRECT",
    "DJANGO_SETTINGS_MODULE",
)


def run_settings(tmp_path, **env_vars) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in CLEARED}
    env.update(DJANGO_VAR_DIR=str(tmp_path / "var"), DJANGO_SETTINGS_MODULE="wsis_portal.settings")
    env.update(env_vars)
    code = "import django; django.setup()\n" + PROBE
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


def settings_in(tmp_path, **env_vars) -> dict:
    result = run_settings(tmp_path, **env_vars)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_laptop_defaults_sqlite_filesystem_broker_locmem(tmp_path):
    values = settings_in(tmp_path, DJANGO_DEBUG="true")
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["db_name"] == str(tmp_path / "var" / "db.sqlite3")
    assert values["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert values["broker"] == "filesystem://"
    assert values["broker_options"]["data_folder_in"] == str(
        tmp_path / "var" / "celery-broker" / "out"
    )
    assert (tmp_path / "var" / "celery-broker" / "out").is_dir()
    assert values["email_backend"] == "django.core.mail.backends.console.EmailBackend"
    assert values["time_zone"] == "Europe/Zurich" and values["use_tz"] is True
    assert values["session_engine"] == "django.contrib.sessions.backends.db"
    assert values["ssl_redirect"] is False


def test_redis_url_sets_broker_and_cache(tmp_path):
    values = settings_in(tmp_path, DJANGO_DEBUG="true", REDIS_URL="redis://redis.internal:6379/3")
    assert values["broker"] == "redis://redis.internal:6379/3"
    assert values["cache"] == "wsis_portal.redis_cache.RedisCache"
    # The cache has its own database (results take /4), so clearing it keeps queued tasks.
    assert values["cache_location"] == "redis://redis.internal:6379/5"


def test_database_url_selects_postgresql(tmp_path):
    values = settings_in(
        tmp_path, DJANGO_DEBUG="true", DATABASE_URL="postgres://wsis:pw@db.internal:5432/wsis"
    )
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["db_name"] == "wsis"


def test_email_url_configures_smtp(tmp_path):
    values = settings_in(tmp_path, DJANGO_DEBUG="true", EMAIL_URL="smtp://mail.internal:25")
    assert values["email_backend"] == "django.core.mail.backends.smtp.EmailBackend"


def test_production_without_secret_key_refuses_to_start(tmp_path):
    result = run_settings(tmp_path, DJANGO_DEBUG="false", DJANGO_ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is required" in result.stderr
    # Debug is off unless set: the same refusal without DJANGO_DEBUG at all.
    assert run_settings(tmp_path).returncode != 0


def test_production_mode_reads_key_and_hosts(tmp_path):
    key = secrets.token_urlsafe(60)
    values = settings_in(
        tmp_path, DJANGO_DEBUG="false", DJANGO_SECRET_KEY=key, DJANGO_ALLOWED_HOSTS="example.org"
    )
    assert values["secret_key"] == key
    assert values["debug"] is False
    assert values["allowed_hosts"] == ["example.org"]
    assert values["ssl_redirect"] is True
    assert not (tmp_path / "var" / "secret_key").exists()


def test_development_generates_secret_key_once_and_reuses_it(tmp_path):
    first = settings_in(tmp_path, DJANGO_DEBUG="true")["secret_key"]
    key_file = tmp_path / "var" / "secret_key"
    assert key_file.read_text().strip() == first
    assert len(first) >= 50
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"
    assert settings_in(tmp_path, DJANGO_DEBUG="true")["secret_key"] == first


def deploy_env(tmp_path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in CLEARED}
    env.update(
        DJANGO_VAR_DIR=str(tmp_path / "var"),
        DJANGO_SETTINGS_MODULE="wsis_portal.settings",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(60),
        DJANGO_ALLOWED_HOSTS="example.org",
    )
    return env


def test_check_deploy_is_clean_in_production_mode(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=deploy_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.django_db
def test_no_missing_migrations():
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_production_refuses_the_compose_placeholder_key(tmp_path):
    result = run_settings(
        tmp_path,
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="change-me-to-a-long-random-string",
        DJANGO_ALLOWED_HOSTS="example.org",
    )
    assert result.returncode != 0
    assert "placeholder" in result.stderr


def test_static_and_media_roots_from_environment(tmp_path):
    values = settings_in(
        tmp_path,
        DJANGO_DEBUG="true",
        DJANGO_STATIC_ROOT=str(tmp_path / "st"),
        DJANGO_MEDIA_ROOT=str(tmp_path / "media"),
    )
    assert values["media_root"] == str(tmp_path / "media")
    assert values["static_root"] == str(tmp_path / "st")
    assert (tmp_path / "st").is_dir()
