"""``make run`` on a machine with only Python: SQLite, no Redis. The migrations and the demo
data must go through there, PostgreSQL's own objects (triggers, functions, exclusion
constraints, trigram indexes) left out (wsis_portal/pg_constraints.py, wsis_portal/trigram.py),
and the public pages must answer."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PAGES = """
from django.test import Client
client = Client()
for path in ("/", "/prizes/2025/results/", "/stocktaking/", "/search/?q=broadband",
             "/forum/2027/programme/", "/matrix/", "/stocktaking/reports/"):
    status = client.get(path).status_code
    assert status == 200, (path, status)
print("pages ok")
"""


def test_migrate_seed_and_pages_on_sqlite(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE")
        and not key.startswith("PYTEST")
    }
    env.update(
        DJANGO_DEBUG="true",
        DJANGO_VAR_DIR=str(tmp_path),
        DJANGO_SETTINGS_MODULE="wsis_portal.settings",
        DJANGO_ALLOWED_HOSTS="testserver",
    )
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--noinput"], ["seed_demo"], ["shell", "-c", PAGES]):
        done = subprocess.run(
            manage + command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
        )
        assert done.returncode == 0, f"{command}:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
    assert "pages ok" in done.stdout
