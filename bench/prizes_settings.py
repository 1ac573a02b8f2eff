"""Settings for the WSIS Prizes benchmark only: the portal's settings, plus the baseline URL.

Never used in production: ``bench/prizes_vote.py`` starts gunicorn with it on 127.0.0.1.
"""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only-not-secret")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")

from wsis_portal.settings import *  # noqa: F403

ROOT_URLCONF = "bench.prizes_urls"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# Persistent connections, as a production gunicorn would run.
DATABASES["default"]["CONN_MAX_AGE"] = 60  # noqa: F405
CACHES["default"]["KEY_PREFIX"] = "bench-prizes"  # noqa: F405
# Every request comes from 127.0.0.1: the per-IP limit is raised so that it still counts
# (same cache round trips as production) without refusing the load.
PRIZES_VOTE_RATE_IP = "10000000/m"
# No collectstatic for a benchmark: error pages render with plain static URLs.
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
# `bench/prizes_vote.py --phases`: where each request's time goes, written per worker.
if os.environ.get("BENCH_PHASES_DIR"):
    MIDDLEWARE = ["bench.prizes_phases.PhasesMiddleware", *MIDDLEWARE]  # noqa: F405
