"""``make run`` on a machine with only Python: SQLite, no Redis. The migrations and the demo
data must go through there, PostgreSQL's own objects (triggers, functions, exclusion
constraints, trigram indexes) left out (wsis_portal/pg_constraints.py, wsis_portal/trigram.py),
the public pages must answer and a vote be cast (prizes/services/vote_portable.py)."""

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

# A vote, and a second one in the same category refused, by the ORM's copy of the vote function.
from datetime import timedelta
from allauth.account.models import EmailAddress
from accounts.models import User
from prizes.enums import BALLOT_STATES, PhaseKind
from prizes.models import ContestPhase, Project, Vote
from prizes.services import vote_cast_next
from wsis_portal.refusals import Refusal
phase = ContestPhase.objects.filter(kind=PhaseKind.VOTING).order_by("-starts_at").first()
project = Project.objects.filter(contest=phase.contest, status__in=BALLOT_STATES).first()
voter = User.objects.create_user(email="laptop-voter@example.org", password="x")
EmailAddress.objects.create(user=voter, email=voter.email, verified=True, primary=True)
kwargs = dict(voter=voter, year=phase.contest.year, project_id=project.pk, ip="", user_agent="",
              now=phase.starts_at + timedelta(seconds=1))
vote_cast_next(**kwargs)
assert Vote.objects.filter(voter=voter, project=project).count() == 1
try:
    vote_cast_next(**kwargs)
except Refusal as refusal:
    assert refusal.code == "already_voted", refusal.code
else:
    raise AssertionError("a second vote in one category was taken")
print("vote ok")
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
    assert "pages ok" in done.stdout and "vote ok" in done.stdout
