"""The vote's PL/pgSQL function (migration prizes/0014) answers every rule as ``vote_check``
does from the same facts read by the ORM, and names the next category in Action Line order."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.selectors import user_has_verified_email
from prizes.enums import BALLOT_STATES, PhaseKind
from prizes.models import ContestPhase, Project, Vote
from prizes.selectors.rules import vote_check
from prizes.services import vote_cast_next
from tests.factories.accounts import UserFactory
from tests.factories.prizes import ProjectFactory, category, contest_at
from wsis_portal.refusals import Refusal

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["function", "portable"])
def engine(request, monkeypatch):
    """The PL/pgSQL function, or the ORM's copy of it that a laptop's SQLite runs
    (``prizes/services/vote_portable.py``), asked the same questions on PostgreSQL."""
    if request.param == "portable":
        from prizes.services import voting
        from prizes.services.vote_portable import vote_row_portable

        monkeypatch.setattr(
            voting,
            "_vote_row",
            lambda params, voter: vote_row_portable(**{**params, "voter": voter}),
        )
    return request.param


MICRO = timedelta(microseconds=1)


def python_answer(*, voter, year, project_id, now):
    """What ``vote_check`` says from facts read with the ORM: a refusal code, or None."""
    project = Project.objects.filter(
        pk=project_id, contest__year=year, status__in=BALLOT_STATES
    ).first()
    phase = (
        ContestPhase.objects.filter(contest_id=project.contest_id, kind=PhaseKind.VOTING).first()
        if project
        else None
    )
    try:
        vote_check(
            on_ballot=project is not None,
            verified=user_has_verified_email(user=voter),
            voting_starts=phase.starts_at if phase else None,
            voting_ends=phase.ends_at if phase else None,
            already_voted=bool(project)
            and Vote.objects.filter(
                voter=voter, contest_id=project.contest_id, category_id=project.category_id
            ).exists(),
            now=now,
        )
    except Refusal as refusal:
        return refusal.code
    return None


def function_answer(*, voter, year, project_id, now):
    """What the vote (the function, then ``vote_check`` on what it returns) says."""
    before = Vote.objects.count()
    try:
        cast = vote_cast_next(
            voter=voter,
            year=year,
            project_id=project_id,
            ip="198.51.100.7",
            user_agent="UA",
            now=now,
        )
    except Refusal as refusal:
        assert Vote.objects.count() == before, "a refused vote wrote a row"
        return refusal.code
    assert Vote.objects.count() == before + 1
    assert Vote.objects.get(pk=cast.vote_id).project_id == project_id
    return None


def _voting(contest):
    return ContestPhase.objects.get(contest=contest, kind=PhaseKind.VOTING)


def _scenario(name, contest, voter):
    """Prepare one case; return (voter, year, project id, now)."""
    voting = _voting(contest)
    mid = voting.starts_at + (voting.ends_at - voting.starts_at) / 2
    project = ProjectFactory(contest=contest)
    year = contest.year
    if name == "first_vote":
        return voter, year, project.pk, mid
    if name == "already_voted":
        Vote.objects.create(
            contest=contest,
            category=project.category,
            project=ProjectFactory(contest=contest),
            voter=voter,
        )
        return voter, year, project.pk, mid
    if name == "already_voted_window_closed":
        Vote.objects.create(
            contest=contest,
            category=project.category,
            project=ProjectFactory(contest=contest),
            voter=voter,
        )
        return voter, year, project.pk, voting.ends_at
    if name == "already_voted_unverified":
        unverified = UserFactory(verified=False)
        Vote.objects.create(
            contest=contest, category=project.category, project=project, voter=unverified
        )
        return unverified, year, ProjectFactory(contest=contest).pk, mid
    if name in {"submitted", "rejected_unverified"}:
        other = ProjectFactory(contest=contest, status="submitted")
        who = voter if name == "submitted" else UserFactory(verified=False)
        return who, year, other.pk, mid
    if name == "winner_on_ballot":
        return voter, year, ProjectFactory(contest=contest, status="winner").pk, mid
    if name == "other_year":
        return voter, year + 1, project.pk, mid
    if name == "no_such_project":
        return voter, year, project.pk + 10_000, mid
    if name == "unverified":
        return UserFactory(verified=False), year, project.pk, mid
    if name == "unverified_window_closed":
        return UserFactory(verified=False), year, project.pk, voting.ends_at + MICRO
    if name == "at_opening":
        return voter, year, project.pk, voting.starts_at
    if name == "just_before_opening":
        return voter, year, project.pk, voting.starts_at - MICRO
    if name == "just_before_close":
        return voter, year, project.pk, voting.ends_at - MICRO
    if name == "at_close":
        return voter, year, project.pk, voting.ends_at
    if name == "no_voting_phase":
        voting.delete()
        return voter, year, project.pk, mid
    raise AssertionError(name)


CASES = {
    "first_vote": None,
    "already_voted": "already_voted",
    "already_voted_window_closed": "closed",
    "already_voted_unverified": "unverified",
    "submitted": "not_on_ballot",
    "rejected_unverified": "not_on_ballot",
    "winner_on_ballot": None,
    "other_year": "not_on_ballot",
    "no_such_project": "not_on_ballot",
    "unverified": "unverified",
    "unverified_window_closed": "unverified",
    "at_opening": None,
    "just_before_opening": "closed",
    "just_before_close": None,
    "at_close": "closed",
    "no_voting_phase": "closed",
}


@pytest.mark.parametrize("name", list(CASES))
def test_vote_function_answers_each_rule_as_vote_check(
    postgres, engine, voting_contest, user, name
):
    voter, year, project_id, now = _scenario(name, voting_contest, user)
    expected = python_answer(voter=voter, year=year, project_id=project_id, now=now)
    assert expected == CASES[name]  # the case tests the rule it is named after
    assert function_answer(voter=voter, year=year, project_id=project_id, now=now) == expected


def test_vote_function_names_next_category_in_action_line_order_wrapping(postgres, engine, user):
    contest = contest_at(timezone.now(), PhaseKind.VOTING)
    first, third, fifth = (
        ProjectFactory(contest=contest, category=category(contest, code))
        for code in ("C1", "C3", "C5")
    )
    # C4 has a project that is not on the ballot: it is never named.
    ProjectFactory(contest=contest, category=category(contest, "C4"), status="submitted")

    def cast(project):
        return vote_cast_next(
            voter=user, year=contest.year, project_id=project.pk, ip="", user_agent=""
        ).next_category

    assert cast(third) == "C5"
    assert cast(fifth) == "C1"  # wraps around to the first not voted in
    assert cast(first) is None  # every category with nominees has this voter's vote


@pytest.fixture
def index_plans(postgres):
    """The plans the function gets at WSIS scale, where indexes find these rows. On a test's
    few rows PostgreSQL may read a whole small table instead, and the function's plans are
    kept per connection from whichever tests ran on it before (a CI run's 1,459 tests over
    two connections gave 47 project rows read here): no sequential scan for the rest of the
    test, and the kept plans made again."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("DISCARD PLANS")


def _project_rows_read() -> int:
    """Rows of prizes_project read so far in this transaction (index and sequential scans)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT COALESCE(seq_tup_read, 0) + COALESCE(idx_tup_fetch, 0) "
            "FROM pg_stat_xact_user_tables WHERE relname = 'prizes_project'"
        )
        row = cursor.fetchone()
    return row[0] if row else 0


def test_vote_function_reads_the_next_categorys_projects_not_the_contests(index_plans, user):
    """The next-category probe tests one category at a time, in order, and stops at the
    first that passes: a vote reads a few project rows, not every project of the contest
    (1,000 at WSIS scale; migration prizes/0017)."""
    contest = contest_at(timezone.now(), PhaseKind.VOTING)
    voted = ProjectFactory(contest=contest, category=category(contest, "C1"))
    for code in ("C2", "C3", "C4"):
        ProjectFactory.create_batch(15, contest=contest, category=category(contest, code))
    before = _project_rows_read()
    cast = vote_cast_next(voter=user, year=contest.year, project_id=voted.pk, ip="", user_agent="")
    assert cast.next_category == "C2"
    assert _project_rows_read() - before <= 4


def test_vote_function_next_category_counts_invalid_votes_and_ignores_other_contests(
    postgres, engine, user
):
    """A category where the voter's vote was invalidated is still voted in (a second vote
    there is refused); another contest's categories and votes do not count."""
    contest = contest_at(timezone.now(), PhaseKind.VOTING)
    other = contest_at(timezone.now(), PhaseKind.VOTING, year=contest.year + 1)
    first, second, third = (
        ProjectFactory(contest=contest, category=category(contest, code))
        for code in ("C1", "C2", "C3")
    )
    Vote.objects.create(
        contest=contest,
        category=second.category,
        project=second,
        voter=user,
        valid=False,
        invalid_reason="test",
    )
    ProjectFactory(contest=other, category=category(other, "C9"))
    Vote.objects.create(
        contest=other,
        category=category(other, "C3"),
        project=ProjectFactory(contest=other, category=category(other, "C3")),
        voter=user,
    )

    def cast(project):
        return vote_cast_next(
            voter=user, year=contest.year, project_id=project.pk, ip="", user_agent=""
        ).next_category

    assert cast(first) == "C3"  # C2 has the invalidated vote; C3 voted only in the other contest
    assert cast(third) is None


def _category_rows_read() -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT COALESCE(seq_tup_read, 0) + COALESCE(idx_tup_fetch, 0) "
            "FROM pg_stat_xact_user_tables WHERE relname = 'prizes_category'"
        )
        row = cursor.fetchone()
    return row[0] if row else 0


def test_vote_function_tries_the_next_action_line_first(index_plans, user):
    """Voting in Action Line order (where each vote leads), the next category is found by
    the next Action Line's number, reading that category's row only, not every category of
    the contest (migration prizes/0019); out of order, the full probe answers."""
    contest = contest_at(timezone.now(), PhaseKind.VOTING)
    projects = {
        code: ProjectFactory(contest=contest, category=category(contest, code))
        for code in ("C1", "C2", "C3", "C4", "C5", "C6")
    }

    def cast(code):
        return vote_cast_next(
            voter=user, year=contest.year, project_id=projects[code].pk, ip="", user_agent=""
        ).next_category

    before = _category_rows_read()
    assert cast("C1") == "C2"
    # The vote's own category (its facts) and the next one: 3 category rows read by their
    # indexes, where the probe over every category reads 22 (out of order, below).
    assert _category_rows_read() - before <= 3
    assert cast("C3") == "C4"
    before = _category_rows_read()
    assert cast("C2") == "C4"  # the next Action Line's category (C3) is voted in: the probe
    assert _category_rows_read() - before > 10
    assert cast("C6") == "C4"  # the last Action Line: the probe wraps around
