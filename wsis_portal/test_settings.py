"""Settings for the test suite: the real settings, with a key and fast password hashing."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-not-secret")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")

from wsis_portal.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
ALLOWED_HOSTS = ["*"]
AXES_FAILURE_LIMIT = 5
# Browser tests talk plain HTTP to a live server.
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
MEDIA_ROOT = VAR_DIR / "test-media"  # noqa: F405
PRIVATE_MEDIA_ROOT = VAR_DIR / "test-private-media"  # noqa: F405

# Tasks run inline unless a test starts a real worker (tests/conftest.py: celery_worker).
CELERY_TASK_ALWAYS_EAGER = True

# Each pytest-xdist worker gets its own Redis databases for the broker and the cache, so
# parallel test processes never consume each other's tasks or clear each other's cache.
# TEST_REDIS_DB_BASE lets several checkouts on one machine test side by side.
XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
XDIST_INDEX = int(XDIST_WORKER[2:]) if XDIST_WORKER.startswith("gw") else 0
_REDIS_DB_BASE = int(os.environ.get("TEST_REDIS_DB_BASE", "1"))
if REDIS_URL:  # noqa: F405
    _base = REDIS_URL.rsplit("/", 1)[0] if REDIS_URL.count("/") > 2 else REDIS_URL  # noqa: F405
    CELERY_BROKER_URL = f"{_base}/{_REDIS_DB_BASE + 2 * XDIST_INDEX}"
    CACHES["default"]["LOCATION"] = f"{_base}/{_REDIS_DB_BASE + 1 + 2 * XDIST_INDEX}"  # noqa: F405
    # Tasks ignore their results; none is stored, so no third database per test process.
    CELERY_RESULT_BACKEND = "disabled"

# PostgreSQL for tests, two differences. A transactional test's flush deletes rows rather than
# truncating tables (much faster for the few rows a test writes): tests/support/
# postgresql_fast_flush. Commits do not wait for the WAL to reach the disk: a crash may lose a
# test database's last commits, nothing else changes (a commit is visible to other connections
# when it returns, as before), and transactional tests commit on every write.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"]["ENGINE"] = "tests.support.postgresql_fast_flush"  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"  # noqa: F405
