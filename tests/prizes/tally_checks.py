"""Checks shared by the tally tests: the kept counts against a recount of the votes."""

from __future__ import annotations

from django.db.models import Count

from prizes.models import Contest, Vote, VoterBallot
from prizes.selectors import tally_counts, tally_counts_recount
from prizes.services import ballot_changes_fold


def assert_tally_exact(contest: Contest) -> None:
    """The kept counts equal a recount of the votes, with and without the rule, before and
    after the changes are folded into the counts."""
    rule = contest.complete_ballot_required
    for _fold in (False, True):
        if _fold:
            ballot_changes_fold()
        for contest.complete_ballot_required in (True, False):
            assert tally_counts(contest=contest) == tally_counts_recount(contest=contest)
    contest.complete_ballot_required = rule
    ballots_match_votes(contest)


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
