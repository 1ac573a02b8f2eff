"""The tally read from the kept counts (BallotCount and the BallotChange log) equals a recount
of the votes themselves (grouping every vote by voter for the complete-ballot rule), on
randomized contests, after invalidations, deletions and withdrawals, folded or not."""

from __future__ import annotations

import random

import pytest
from django.utils import timezone

from prizes.enums import PhaseKind, ProjectStatus
from prizes.models import Category, Contest, Project, Vote
from prizes.services import vote_invalidate
from tests.factories.accounts import UserFactory
from tests.factories.prizes import ProjectFactory, contest_at
from tests.prizes.tally_checks import assert_tally_exact


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
    assert_tally_exact(contest)

    votes = list(Vote.objects.filter(contest=contest).order_by("pk"))
    for vote in rng.sample(votes, 6):
        vote_invalidate(vote=vote, by=stakeholder, reason="Same person, two accounts")
    Vote.objects.filter(pk__in=[v.pk for v in rng.sample(votes, 5)]).delete()
    Vote.objects.filter(pk__in=[v.pk for v in rng.sample(votes, 3)]).update(
        valid=False, invalid_reason="Bulk review"
    )
    # A reinstated vote counts again.
    Vote.objects.filter(pk=votes[-1].pk).update(valid=True, invalid_reason="")
    assert_tally_exact(contest)

    # A voter's account deleted, and a category emptied (fewer categories required).
    Vote.objects.filter(contest=contest).first().voter.delete()
    emptied = Project.objects.filter(contest=contest).first().category
    Project.objects.filter(category=emptied).update(status=ProjectStatus.NOT_NOMINATED)
    assert_tally_exact(contest)


def test_ballot_rows_follow_a_vote_moved_between_voters(db):
    rng = random.Random(7)
    contest = random_contest(rng, voters=6, full_share=0.5)
    vote = Vote.objects.filter(contest=contest).first()
    newcomer = UserFactory()
    Vote.objects.filter(pk=vote.pk).update(voter=newcomer)
    assert_tally_exact(contest)
