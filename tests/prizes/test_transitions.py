"""End of voting exactly once: two ticks at once, a retried task, a worker killed half-way."""

import threading
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.db import connection, connections
from django.utils import timezone

from accounts.roles import EXPERT_GROUP
from prizes import tasks
from prizes.enums import PhaseKind, ProjectStatus
from prizes.models import Contest, ContestPhase, Project, Tally
from prizes.services import contest_voting_close, live_tally_queue, transitions_apply
from tests.conftest import start_worker, wait_for
from tests.factories.accounts import UserFactory
from tests.factories.prizes import ProjectFactory, contest_at, vote
from wsis_portal import tasks as portal_tasks
from wsis_portal.registry import registry


def _contest_with_votes(champions=2):
    contest = contest_at(timezone.now(), PhaseKind.VOTING, champions_per_category=champions)
    projects = [ProjectFactory(contest=contest) for _ in range(4)]
    for i, project in enumerate(projects):
        for _ in range(i + 1):
            vote(project)
    voting = ContestPhase.objects.get(contest=contest, kind=PhaseKind.VOTING)
    return contest, projects, voting


def test_tick_handler_is_registered():
    assert ("prizes", transitions_apply) in registry.tick


def test_voting_close_marks_top_n_champions_and_notifies_experts(
    db, django_capture_on_commit_callbacks
):
    UserFactory(groups=[EXPERT_GROUP])
    _contest, projects, voting = _contest_with_votes()
    assert contest_voting_close(phase_id=voting.pk) is False  # not yet due
    with time_machine.travel(voting.ends_at + timedelta(seconds=1), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            assert contest_voting_close(phase_id=voting.pk) is True
        assert contest_voting_close(phase_id=voting.pk) is False  # a retry does nothing
    statuses = dict(Project.objects.values_list("pk", "status"))
    assert statuses[projects[3].pk] == statuses[projects[2].pk] == ProjectStatus.CHAMPION
    assert statuses[projects[0].pk] == ProjectStatus.NOMINATED
    assert len(mail.outbox) == 1
    assert Tally.objects.get(project=projects[3]).rank == 1


def test_portal_tick_task_twice_applies_once(db, django_capture_on_commit_callbacks):
    UserFactory(groups=[EXPERT_GROUP])
    _contest, _projects, voting = _contest_with_votes()
    with time_machine.travel(voting.ends_at + timedelta(minutes=1), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            portal_tasks.tick()
            portal_tasks.tick()
            tasks.transitions_apply()
    voting.refresh_from_db()
    assert voting.end_applied_at is not None
    assert Project.objects.filter(status=ProjectStatus.CHAMPION).count() == 2
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_two_ticks_at_once_apply_once(postgres):
    _contest, _projects, voting = _contest_with_votes()
    now = voting.ends_at + timedelta(seconds=5)
    barrier = threading.Barrier(2)
    results = []

    def run():
        try:
            barrier.wait()
            results.append(contest_voting_close(phase_id=voting.pk, now=now))
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [False, True]
    assert Project.objects.filter(status=ProjectStatus.CHAMPION).count() == 2


def test_live_tally_throttled_per_contest(voting_contest, django_capture_on_commit_callbacks):
    ProjectFactory(contest=voting_contest)
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        assert live_tally_queue(contest_id=voting_contest.pk, now=now) is True
    assert Tally.objects.count() == 1
    assert live_tally_queue(contest_id=voting_contest.pk, now=now + timedelta(minutes=1)) is False
    assert live_tally_queue(contest_id=voting_contest.pk, now=now + timedelta(minutes=6)) is True


def test_voting_open_notifies_submitters_once(db, django_capture_on_commit_callbacks):
    contest = contest_at(timezone.now(), PhaseKind.NOMINATION)
    ProjectFactory(contest=contest)
    ProjectFactory(contest=contest, status=ProjectStatus.NOT_NOMINATED, status_reason="Scope")
    ProjectFactory(contest=contest, status=ProjectStatus.DRAFT)
    voting = ContestPhase.objects.get(contest=contest, kind=PhaseKind.VOTING)
    with time_machine.travel(voting.starts_at + timedelta(minutes=1), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            transitions_apply(timezone.now())
            transitions_apply(timezone.now())
    assert len(mail.outbox) == 2
    assert any("not nominated" in m.body for m in mail.outbox)


def test_worker_killed_half_way_loses_nothing(celery_worker, tmp_path):
    """The worker dies inside the end-of-voting transaction: the claim rolls back with the
    work, and the next tick on a new worker applies it, once."""
    _contest, projects, voting = _contest_with_votes()
    ContestPhase.objects.filter(pk=voting.pk).update(
        starts_at=voting.starts_at - timedelta(days=40),
        ends_at=timezone.now() - timedelta(seconds=1),
    )
    blocker = connections.create_connection("default")
    try:
        with blocker.cursor() as cursor:
            cursor.execute("BEGIN")
            # Holding the projects' rows makes the worker wait after it claimed the phase.
            cursor.execute("SELECT id FROM prizes_project FOR UPDATE")
            portal_tasks.tick.delay()

            def worker_waiting():
                with connection.cursor() as probe:
                    probe.execute(
                        "SELECT count(*) FROM pg_stat_activity "
                        "WHERE wait_event_type = 'Lock' AND datname = current_database()"
                    )
                    return probe.fetchone()[0] > 0

            wait_for(worker_waiting, timeout=30)
            celery_worker.kill()
            cursor.execute("ROLLBACK")
    finally:
        blocker.close()
    voting.refresh_from_db()
    assert voting.end_applied_at is None  # the claim died with the worker's transaction
    assert not Project.objects.filter(status=ProjectStatus.CHAMPION).exists()
    second = start_worker(tmp_path, name="w2")
    try:
        portal_tasks.tick.delay()
        portal_tasks.tick.delay()
        wait_for(
            lambda: ContestPhase.objects.filter(
                pk=voting.pk, end_applied_at__isnull=False
            ).exists(),
            timeout=60,
        )
        wait_for(lambda: Project.objects.filter(status=ProjectStatus.CHAMPION).count() == 2)
    finally:
        second.stop()
    assert set(
        Project.objects.filter(status=ProjectStatus.CHAMPION).values_list("pk", flat=True)
    ) == {
        projects[3].pk,
        projects[2].pk,
    }
    assert Contest.objects.count() == 1
