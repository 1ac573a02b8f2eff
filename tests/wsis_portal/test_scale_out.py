"""Beyond one machine (issue 16, item 7): two web processes, two Celery workers and two beat
processes on one PostgreSQL and one Redis, real processes all.

Phases are crossed by the real clock: the voting phase of a contest opens a few seconds after
the processes are up and closes twenty seconds later, and both beats send the tick every
second. Meanwhile every voter posts two votes in one category at the same instant, one to
each web process. Afterwards: each phase transition was applied once, each email was written
once (the workers' file backend keeps one file per email sent), and each voter has one vote,
as many votes as the web processes acknowledged.
"""

from __future__ import annotations

import http.client
import os
import re
import secrets
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone

from accounts.roles import EXPERT_GROUP
from prizes.enums import PhaseKind, ProjectStatus
from prizes.models import ContestPhase, Project, Vote
from prizes.services import contest_create
from tests.conftest import ROOT, WorkerProcess, database_url, wait_for
from tests.factories.accounts import UserFactory
from tests.factories.prizes import ProjectFactory, category, edition_around
from wsis_portal.models import ActivityLog, OutboxMessage, OutboxStatus

pytestmark = pytest.mark.services

SETTINGS = "tests.support.scale_settings"
VOTERS = 12


def _env(**extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": SETTINGS,
        "DATABASE_URL": database_url(),
        "PYTEST_XDIST_WORKER": settings.XDIST_WORKER,
        **extra,
    }


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _spawn(args: list[str], log: Path, env: dict[str, str]) -> WorkerProcess:
    with log.open("w") as handle:
        process = subprocess.Popen(args, cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT)
    return WorkerProcess(process, log)


def _web(tmp_path: Path, name: str) -> tuple[WorkerProcess, int]:
    """gunicorn with the production configuration file, one process of four threads."""
    port = _free_port()
    command = [sys.executable, "-m", "gunicorn", "wsis_portal.wsgi:application"]
    command += ["--config", "python:wsis_portal.gunicorn_conf", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", "1", "--threads", "4"]
    return _spawn(command, tmp_path / f"{name}.log", _env()), port


def _worker(tmp_path: Path, name: str) -> WorkerProcess:
    """A Celery worker as tests/conftest.py starts one, without waiting for it to be ready
    (the six processes start side by side)."""
    command = [sys.executable, "-m", "celery", "-A", "wsis_portal", "worker", "--pool=solo"]
    command += ["--loglevel=INFO", "--without-gossip", "--without-mingle"]
    command += ["-n", f"{name}-{settings.XDIST_WORKER}@%h"]
    return _spawn(command, tmp_path / f"celery-{name}.log", _env())


def _wait_ready(worker: WorkerProcess) -> None:
    def ready() -> bool:
        if worker.process.poll() is not None:
            raise AssertionError("worker exited:\n" + worker.output())
        return "ready." in worker.output()

    wait_for(ready, timeout=90)


def _beat(tmp_path: Path, name: str) -> WorkerProcess:
    command = [sys.executable, "-m", "celery", "-A", "wsis_portal", "beat", "--loglevel=INFO"]
    command += ["--schedule", str(tmp_path / f"{name}-schedule")]
    return _spawn(command, tmp_path / f"{name}.log", _env(CELERY_TICK_SECONDS="1"))


def _wait_up(port: int, process: WorkerProcess) -> None:
    def answers() -> bool:
        if process.process.poll() is not None:
            raise AssertionError("web process exited:\n" + process.output())
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            conn.request("GET", "/healthz/web")
            return conn.getresponse().status == 200
        except OSError:
            return False
        finally:
            conn.close()

    wait_for(answers, timeout=60)


def _signed_in(user) -> str:
    """A database session of ``user``, as a sign-in would leave it."""
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key


def _post(port: int, path: str, session: str) -> int:
    csrf = secrets.token_hex(16)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request(
        "POST",
        path,
        headers={
            "Cookie": f"sessionid={session}; csrftoken={csrf}",
            "X-CSRFToken": csrf,
            "Content-Length": "0",
        },
    )
    response = conn.getresponse()
    response.read()
    conn.close()
    return response.status


def _contest(voting_opens_in: float, voting_lasts: float):
    now = timezone.now()
    opens = now + timedelta(seconds=voting_opens_in)
    closes = opens + timedelta(seconds=voting_lasts)
    phases = {
        PhaseKind.SUBMISSION.value: (now - timedelta(days=40), now - timedelta(days=10)),
        PhaseKind.NOMINATION.value: (now - timedelta(days=10), opens),
        PhaseKind.VOTING.value: (opens, closes),
        PhaseKind.SELECTION.value: (closes, closes + timedelta(days=10)),
        PhaseKind.CEREMONY.value: (closes + timedelta(days=10), closes + timedelta(days=12)),
    }
    year = 2990
    edition = edition_around(*phases[PhaseKind.CEREMONY.value], year=year)
    return contest_create(
        year=year,
        title="WSIS Prizes scale-out",
        phases=phases,
        edition=edition,
        champions_per_category=1,
        published=True,
    )


def _open_voting_soon(contest, *, opens_in: float, lasts: float) -> ContestPhase:
    phases = {p.kind: p for p in ContestPhase.objects.filter(contest=contest)}
    opens = timezone.now() + timedelta(seconds=opens_in)
    closes = opens + timedelta(seconds=lasts)
    ContestPhase.objects.filter(pk=phases[PhaseKind.NOMINATION].pk).update(ends_at=opens)
    ContestPhase.objects.filter(pk=phases[PhaseKind.SELECTION].pk).update(starts_at=closes)
    ContestPhase.objects.filter(pk=phases[PhaseKind.VOTING].pk).update(
        starts_at=opens, ends_at=closes
    )
    return ContestPhase.objects.get(pk=phases[PhaseKind.VOTING].pk)


def _emails(mail_dir: Path) -> Counter:
    """(recipient, subject) of every email file the workers wrote."""
    sent: Counter = Counter()
    for path in mail_dir.iterdir():
        text = path.read_text(errors="replace")
        # The file backend appends every message of one connection to one file.
        for message in text.split("\n" + "-" * 79 + "\n"):
            to = re.search(r"^To: (.+)$", message, re.M)
            subject = re.search(r"^Subject: (.+)$", message, re.M)
            if to and subject:
                sent[(to.group(1).strip(), subject.group(1).strip())] += 1
    return sent


@pytest.mark.django_db(transaction=True)
def test_two_of_each_process_apply_each_transition_and_send_each_email_once(
    postgres, redis_broker, tmp_path, monkeypatch
):
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    monkeypatch.setenv("EMAIL_URL", f"filemail:///{mail_dir}")
    processes: list[WorkerProcess] = []
    try:
        # Two of each, started side by side; each beat ticks every second into its own
        # schedule file.
        webs = [_web(tmp_path, f"web{i}") for i in (1, 2)]
        workers = [_worker(tmp_path, f"scale{i}") for i in (1, 2)]
        processes += [p for p, _ in webs] + workers
        processes += [_beat(tmp_path, f"beat{i}") for i in (1, 2)]
        for port, process in ((p, w) for w, p in webs):
            _wait_up(port, process)
        for worker in workers:
            _wait_ready(worker)

        # Everything is up. The contest is made with voting an hour away, then its voting
        # phase is moved to open in 2 s and last 20 s: the clock does the rest.
        contest = _contest(voting_opens_in=3600, voting_lasts=20)
        c1 = category(contest, "C1")
        projects = [ProjectFactory(contest=contest, category=c1) for _ in range(3)]
        ProjectFactory(contest=contest, category=c1, status=ProjectStatus.NOT_NOMINATED)
        experts = [UserFactory(groups=[EXPERT_GROUP]) for _ in range(2)]
        voters = [UserFactory() for _ in range(VOTERS)]
        sessions = [_signed_in(v) for v in voters]
        voting = _open_voting_soon(contest, opens_in=2, lasts=20)
        while timezone.now() < voting.starts_at:
            time.sleep(0.1)
        # Each voter posts two votes in category C1 at the same instant, one per web process.
        statuses: list[tuple[int, int, int]] = []
        barrier = threading.Barrier(2 * VOTERS)

        def cast(index: int, port: int, project: Project) -> None:
            barrier.wait()
            url = f"/prizes/{contest.year}/vote/{project.pk}/"
            statuses.append((index, port, _post(port, url, sessions[index])))

        threads = [
            threading.Thread(target=cast, args=(i, port, projects[(i + k) % 2]))
            for i in range(VOTERS)
            for k, (_, port) in enumerate(webs)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
        assert timezone.now() < voting.ends_at, "votes were cast after voting closed"

        for field in ("transition_applied_at", "end_applied_at"):
            wait_for(
                lambda field=field: ContestPhase.objects.filter(
                    pk=voting.pk, **{f"{field}__isnull": False}
                ).exists(),
                timeout=40,
            )
        # Wait for both emails of each kind: 4 submitters at opening, 2 experts at closing.
        wait_for(lambda: sum(_emails(mail_dir).values()) >= 6, timeout=40)
        time.sleep(2)  # more ticks from both beats, and any duplicate would have landed
    finally:
        for process in processes:
            process.stop()
    logs = {p.log.name: p.output() for p in processes}

    # Votes: one per voter whatever the race; the acknowledged ones are the rows.
    accepted = Counter(i for i, _, status in statuses if status == 303)
    assert len(statuses) == 2 * VOTERS
    assert sorted(accepted.values()) == [1] * VOTERS, statuses
    # The other vote of each pair was refused as already cast (409), not a server error.
    assert {s for _, _, s in statuses} == {303, 409}, statuses
    assert Counter(port for _, port, _ in statuses) == {port: VOTERS for _, port in webs}
    assert Vote.objects.filter(contest=contest).count() == VOTERS
    assert Vote.objects.filter(contest=contest).values("voter").distinct().count() == VOTERS

    # Transitions: the start and the end of voting applied once; one Champion, logged once.
    voting.refresh_from_db()
    assert voting.transition_applied_at and voting.end_applied_at
    champion = Project.objects.get(contest=contest, status=ProjectStatus.CHAMPION)
    assert ActivityLog.objects.filter(action="contest_voting_close").count() == 1
    assert champion.pk in {p.pk for p in projects[:2]}
    closed = sum(len(re.findall(r"voting closed for", text)) for text in logs.values())
    assert closed == 1, logs

    # Emails: each once, though both workers delivered and both beats ticked.
    sent = _emails(mail_dir)
    assert all(count == 1 for count in sent.values()), sent
    recipients = Counter(to for to, _ in sent)
    submitters = Project.objects.filter(contest=contest).values_list("submitter__email", flat=True)
    assert set(recipients) == set(submitters) | {e.email for e in experts}, sent
    assert all(count == 1 for count in recipients.values()), recipients
    assert not OutboxMessage.objects.exclude(status=OutboxStatus.SENT).exists()

    # Both beats sent ticks and both workers ran tasks.
    assert all("wsis_portal.tasks.tick" in logs[f"beat{i}.log"] for i in (1, 2)), logs
    for i in (1, 2):
        assert "tasks.tick" in logs[f"celery-scale{i}.log"], f"worker {i} ran no tick"
    assert not any(" raised " in text or "Traceback" in text for text in logs.values()), logs
