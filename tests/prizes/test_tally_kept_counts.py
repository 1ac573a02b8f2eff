"""The counts the database keeps for the tally (BallotCount, BallotChange) equal a recount of
the votes after every kind of write: the vote service, invalidation and reinstatement, the
ORM one by one and in bulk, raw SQL, a vote moved, a project withdrawn or moved to another
category, an account or a contest deleted, the demo seeder, TRUNCATE, and votes cast at
the same time from threads while the worker folds the changes."""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from django.utils import timezone

from prizes.demo import bulk_votes
from prizes.enums import PhaseKind, ProjectStatus
from prizes.models import BallotChange, BallotCount, Contest, Project, Vote, VoterBallot
from prizes.selectors import tally_counts, tally_counts_recount
from prizes.services import ballot_changes_fold, tally_compute, vote_cast, vote_invalidate
from tests.factories.accounts import UserFactory
from tests.factories.prizes import ProjectFactory, category, contest_at, vote
from tests.prizes.tally_checks import assert_tally_exact

CODES = ("C1", "C2", "C3")


def _contest() -> tuple[Contest, dict[str, list[Project]]]:
    contest = contest_at(timezone.now(), PhaseKind.VOTING, complete_ballot_required=True)
    projects = {
        code: [ProjectFactory(contest=contest, category=category(contest, code)) for _ in range(2)]
        for code in CODES
    }
    return contest, projects


def _cast(contest: Contest, voter, project: Project) -> None:
    vote_cast(voter=voter, year=contest.year, project_id=project.pk, ip="192.0.2.1", user_agent="t")


def test_counts_follow_every_kind_of_write(db, stakeholder):
    contest, projects = _contest()
    voters = [UserFactory() for _ in range(6)]
    for i, voter in enumerate(voters):  # the vote service: some ballots complete, some not
        for code in CODES[: 1 + i % 3]:
            _cast(contest, voter, projects[code][i % 2])
    assert_tally_exact(contest)
    assert tally_counts(contest=contest)  # not vacuously equal

    # Invalidation by the Secretariat, and a bulk reinstatement.
    invalid = Vote.objects.filter(voter=voters[2]).first()
    vote_invalidate(vote=invalid, by=stakeholder, reason="Two accounts")
    assert_tally_exact(contest)
    Vote.objects.filter(pk=invalid.pk).update(valid=True, invalid_reason="")
    assert_tally_exact(contest)

    # ORM one by one and in bulk, raw SQL insert, update and delete.
    late = UserFactory()
    vote(projects["C1"][0], voter=late)
    Vote.objects.bulk_create(
        [
            Vote(contest=contest, category=p.category, project=p, voter=u)
            for u in (UserFactory(), UserFactory())
            for p in (projects["C1"][1], projects["C2"][0], projects["C3"][1])
        ]
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO prizes_vote (contest_id, category_id, project_id, voter_id, cast_at, "
            "ip_hash, user_agent_hash, valid, invalid_reason) "
            "SELECT DISTINCT ON (category_id) %s, category_id, id, %s, now(), '', '', true, '' "
            "FROM prizes_project "
            "WHERE contest_id = %s AND category_id <> %s",
            [contest.pk, late.pk, contest.pk, projects["C1"][0].category_id],
        )
        cursor.execute(
            "UPDATE prizes_vote SET valid = false, invalid_reason = 'raw' WHERE voter_id = %s",
            [voters[5].pk],
        )
        cursor.execute("DELETE FROM prizes_vote WHERE voter_id = %s", [voters[4].pk])
    assert_tally_exact(contest)

    # A vote moved to another project and to another voter.
    moved = Vote.objects.filter(voter=voters[3], category=projects["C1"][0].category).get()
    Vote.objects.filter(pk=moved.pk).update(project=projects["C1"][0])
    Vote.objects.filter(pk=moved.pk).update(voter=UserFactory())
    assert_tally_exact(contest)

    # A project withdrawn (its category still has another), then a whole category emptied:
    # fewer categories are required, so more ballots become complete.
    Project.objects.filter(pk=projects["C2"][0].pk).update(status=ProjectStatus.NOT_NOMINATED)
    assert_tally_exact(contest)
    Project.objects.filter(category=projects["C3"][0].category).update(
        status=ProjectStatus.NOT_NOMINATED
    )
    assert_tally_exact(contest)
    Project.objects.filter(category=projects["C3"][0].category).update(
        status=ProjectStatus.NOMINATED
    )

    # A project moved to another category: a voter of it votes for it again there, so one
    # ballot holds the project twice; invalidating one of those votes leaves the other.
    twice = projects["C1"][1]
    holder = Vote.objects.filter(project=twice, valid=True).first().voter
    Vote.objects.filter(voter=holder, category=projects["C2"][1].category).delete()
    Project.objects.filter(pk=twice.pk).update(category=projects["C2"][1].category)
    vote(Project.objects.get(pk=twice.pk), voter=holder)
    assert_tally_exact(contest)
    first = Vote.objects.filter(voter=holder, project=twice).order_by("pk").first()
    vote_invalidate(vote=first, by=stakeholder, reason="Moved project")
    assert_tally_exact(contest)

    # An account deleted (Django deletes its votes and its ballot row, in either order).
    voters[0].delete()
    assert_tally_exact(contest)


def test_demo_seeder_and_tally_compute_match_the_recount(db):
    contest, _projects = _contest()
    bulk_votes(contest=contest, count=60, prefix="tally-kept-")
    Vote.objects.filter(pk__in=Vote.objects.filter(contest=contest).order_by("pk")[:7]).delete()
    assert_tally_exact(contest)  # folds
    Vote.objects.filter(pk=Vote.objects.filter(contest=contest).order_by("pk")[7].pk).update(
        valid=False, invalid_reason="After the last fold"
    )
    kept = {t.project_id: (t.votes, t.rank) for t in tally_compute(contest=contest)}
    recount = {
        t.project_id: (t.votes, t.rank) for t in tally_compute(contest=contest, recount=True)
    }
    assert kept == recount and any(votes for votes, _rank in kept.values())
    # The final tally reads the changes not yet folded; the tick's fold empties the log.
    assert BallotChange.objects.exists()
    ballot_changes_fold()
    assert not BallotChange.objects.exists()
    assert {t.project_id: (t.votes, t.rank) for t in tally_compute(contest=contest)} == kept


def test_a_deleted_contest_or_truncated_votes_leave_no_count(db):
    contest, projects = _contest()
    other, other_projects = _contest()
    for voter in (UserFactory(), UserFactory()):
        for code in CODES:
            vote(projects[code][0], voter=voter)
            vote(other_projects[code][1], voter=voter)
    ballot_changes_fold()
    vote(projects["C1"][1], voter=UserFactory())  # a change not yet folded
    # As the benchmark cleans up: the votes by raw SQL, then the projects and the contest.
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM prizes_vote WHERE contest_id = %s", [contest.pk])
    Project.objects.filter(contest=contest).delete()
    contest.delete()
    ballot_changes_fold()  # the deleted contest's changes are dropped, not folded
    assert not BallotCount.objects.filter(contest_id=contest.pk).exists()
    assert_tally_exact(other)
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no deferred check left pending
        cursor.execute("TRUNCATE prizes_vote")
    assert not VoterBallot.objects.exists()
    assert not BallotCount.objects.exists() and not BallotChange.objects.exists()
    assert tally_counts(contest=other) == {} == tally_counts_recount(contest=other)


def _threads(work, count: int) -> list[str]:
    barrier = threading.Barrier(count)
    errors: list[str] = []

    def run(i: int) -> None:
        try:
            barrier.wait()
            work(i)
        except Exception as exc:  # every failure is reported by the caller's assert
            errors.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


@pytest.mark.django_db(transaction=True)
def test_parallel_votes_completing_ballots_while_the_worker_folds(postgres):
    contest, projects = _contest()
    voters = [UserFactory() for _ in range(8)]
    # Each voter already has one vote; then all their other votes (which complete the
    # ballot) are cast at once, two per voter in parallel, beside the folding worker.
    for i, voter in enumerate(voters):
        _cast(contest, voter, projects["C1"][i % 2])
    jobs = [(voter, projects[code][i % 2]) for i, voter in enumerate(voters) for code in CODES[1:]]

    def work(i: int) -> None:
        if i >= len(jobs):
            for _ in range(5):
                ballot_changes_fold()
            return
        voter, project = jobs[i]
        _cast(contest, voter, project)

    assert _threads(work, len(jobs) + 2) == []
    assert VoterBallot.objects.filter(contest=contest, valid_votes=3).count() == len(voters)
    assert_tally_exact(contest)

    # Many voters on the same two projects at once, some of them twice in one category (the
    # unique constraint keeps one), while two workers fold.
    crowd = [UserFactory() for _ in range(12)]

    def rush(i: int) -> None:
        if i >= 24:
            ballot_changes_fold()
            return
        voter = crowd[i % 12]
        try:
            _cast(contest, voter, projects["C1"][i // 12])
        except Exception as exc:  # the second vote of a voter in C1 is refused
            if getattr(exc, "code", "") != "already_voted":
                raise

    assert _threads(rush, 26) == []
    assert Vote.objects.filter(voter__in=crowd).count() == 12
    assert_tally_exact(contest)
