"""Settings of the processes the scale-out test starts (tests/wsis_portal/test_scale_out.py):
the test settings, with tasks sent through Redis from every process, as in production."""

from wsis_portal.test_settings import *  # noqa: F403

CELERY_TASK_ALWAYS_EAGER = False
# Several processes on one machine share the test's cache: keep the production logs quiet.
LOG_FORMAT = "json"
