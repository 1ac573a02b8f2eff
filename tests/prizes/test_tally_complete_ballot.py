"""The complete-ballot tally read from VoterBallot equals the grouping of every vote by
voter that it replaced, on randomized contests, after invalidations, deletions and
withdrawals, whichever side (complete or incomplete voters) it reads."""

from __future__ import annotations

import random

import pytest
from django.db.models import Count
from django.utils import timezone

from prizes.enums import BALLOT_STATES, PhaseKind, ProjectStatus
from prizes.models import Category, Contest, Project, Vote, VoterBallot
from prizes.selectors import tally_counts
from prizes.services import vote_invalidate
from tests.factories.accounts import UserFactory
from tests.factories.prizes import ProjectFactory, contest_at


def reference_counts(contest: Contest) -> dict[int, int]:
    """The computation before VoterBallot: group every valid vote by voter."""
    required = (
        Category.objects.filter(contest=contest, projects__status__in=BALLOT_STATES)
        .distinct()
        .count()
    )
    complete = (
        Vote.objects.filter(contest=contest, valid=True)
        .order_by()
        .values("voter_id")
        .annotate(n=Count("*"))
        .filter(n__gte=required)
        .values("voter_id")
    )
    votes = Vote.objects.filter(contest=contest, valid=True, voter_id__in=complete).order_by()
    return {
        row["project_id"]: row["n"]
        for row in votes.values("category_id", "project_id").annotate(n=Count("*"))
    }


def ballots_match_votes(contest: Contest) -> None:
    expected = {}
    for voter_id, n in (
        Vote.objects.filter(contest=contest, valid=True)
        .values("voter_id")
        .annotate(n=Count("*"))
        .values_list("voter_id", "n")
    ):
        projects = Vote.objects.filter(contest=contest, valid=True, voter_id=voter_id)
        expected[voter_id] = (n, sorted(projects.values_list("project_id", flat=True)))
    actual = {
        b.voter_id: (b.valid_votes, sorted(b.projects))
        for b in VoterBallot.objects.filter(contest=contest)
        if b.valid_votes
    }
    assert actual == expected


def random_contest(rng: random.Random, *, voters: int, full_share: float) -> Contest:
    contest = contest_at(timezone.now(), PhaseKind.VOTING, complete_ballot_required=True)
    categories = list(Category.objects.filter(contest=contest).order_by("pk")[:4])
    projects: dict[int, list[Project]] = {
        c.pk: [ProjectFactory(contest=contest, category=c) for _ in range(3)] for c in categories
    }
    rows = []
    for _ in range(voters):
        voter = UserFactory()
        chosen = categories if rng.random() < full_share else rng.sample(categories, 2)
        for c in chosen:
            project = rng.choice(projects[c.pk])
            rows.append(Vote(contest=contest, category=c, project=project, voter=voter, valid=True))
    half = len(rows) // 2
    Vote.objects.bulk_create(rows[:half])  # one statement for many rows
    for row in rows[half:]:  # one statement each, as votes are cast
        row.save()
    return contest


@pytest.mark.parametrize("full_share", [0.2, 0.8])
def test_complete_ballot_tally_equals_grouping_by_voter(db, stakeholder, full_share):
    rng = random.Random(int(full_share * 100))
    contest = random_contest(rng, voters=40, full_share=full_share)
    ballots_match_votes(contest)
    assert tally_counts(contest=contest) == reference_counts(contest)

    votes = list(Vote.objects.filter(contest=contest).order_by("pk"))
    for vote in rng.sample(votes, 6):
        vote_invalidate(vote=vote, by=stakeholder, reason="Same person, two accounts")
    Vote.objects.filter(pk__in=[v.pk for v in rng.sample(votes, 5)]).delete()
    Vote.objects.filter(pk__in=[v.pk for v in rng.sample(votes, 3)]).update(
        valid=False, invalid_reason="Bulk review"
    )
    # A reinstated vote counts again.
    Vote.objects.filter(pk=votes[-1].pk).update(valid=True, invalid_reason="")
    ballots_match_votes(contest)
    assert tally_counts(contest=contest) == reference_counts(contest)

    # A voter's account deleted, and a category emptied (fewer categories required).
    Vote.objects.filter(contest=contest).first().voter.delete()
    emptied = Project.objects.filter(contest=contest).first().category
    Project.objects.filter(category=emptied).update(status=ProjectStatus.NOT_NOMINATED)
    ballots_match_votes(contest)
    assert tally_counts(contest=contest) == reference_counts(contest)


def test_ballot_rows_follow_a_vote_moved_between_voters(db):
    rng = random.Random(7)
    contest = random_contest(rng, voters=6, full_share=0.5)
    vote = Vote.objects.filter(contest=contest).first()
    newcomer = UserFactory()
    Vote.objects.filter(pk=vote.pk).update(voter=newcomer)
    ballots_match_votes(contest)
    assert tally_counts(contest=contest) == reference_counts(contest)
