from django.utils import timezone

from prizes.enums import PhaseKind
from prizes.models import Tally
from prizes.selectors import tally_counts
from prizes.services import tally_compute, vote_invalidate
from tests.factories.accounts import UserFactory
from tests.factories.prizes import ProjectFactory, category, contest_at, vote


def test_tally_counts_valid_votes_and_ranks(nominated):
    a, b, c = nominated
    for _ in range(3):
        vote(b)
    vote(a)
    vote(c)
    tallies = {t.project_id: t for t in tally_compute(contest=a.contest)}
    assert (tallies[b.pk].votes, tallies[b.pk].rank) == (3, 1)
    assert (tallies[a.pk].votes, tallies[a.pk].rank) == (1, 2)
    assert (tallies[c.pk].votes, tallies[c.pk].rank) == (1, 1)


def test_tally_upsert_is_idempotent(nominated):
    vote(nominated[0])
    tally_compute(contest=nominated[0].contest)
    tally_compute(contest=nominated[0].contest)
    assert Tally.objects.count() == 3
    assert Tally.objects.get(project=nominated[0]).votes == 1


def test_tally_after_invalidation_excludes_vote(nominated, stakeholder):
    a, b, _c = nominated
    first = vote(a)
    vote(a)
    vote(b)
    tally_compute(contest=a.contest)
    assert Tally.objects.get(project=a).votes == 2
    vote_invalidate(vote=first, by=stakeholder, reason="Duplicate accounts")
    tally_compute(contest=a.contest)
    assert Tally.objects.get(project=a).votes == 1
    # a tie now: broken deterministically by earlier submission, then id
    ranks = dict(Tally.objects.filter(category=a.category).values_list("project_id", "rank"))
    assert sorted(ranks.values()) == [1, 2]


def test_tally_ties_broken_by_submission_time(voting_contest):
    now = timezone.now()
    late = ProjectFactory(contest=voting_contest, submitted_at=now)
    early = ProjectFactory(contest=voting_contest, submitted_at=now - timezone.timedelta(days=3))
    vote(late)
    vote(early)
    ranks = {t.project_id: t.rank for t in tally_compute(contest=voting_contest)}
    assert ranks == {early.pk: 1, late.pk: 2}


def test_tally_complete_ballot_counts_only_complete_voters(db):
    contest = contest_at(timezone.now(), PhaseKind.VOTING, complete_ballot_required=True)
    c1 = ProjectFactory(contest=contest)
    c2 = ProjectFactory(contest=contest, category=category(contest, "C2"))
    complete = UserFactory()
    partial = UserFactory()
    vote(c1, voter=complete)
    vote(c2, voter=complete)
    vote(c1, voter=partial)
    assert tally_counts(contest=contest) == {c1.pk: 1, c2.pk: 1}
    # Without the rule, every valid vote counts.
    contest.complete_ballot_required = False
    assert tally_counts(contest=contest) == {c1.pk: 2, c2.pk: 1}


def test_tally_complete_ballot_with_invalidated_vote_is_incomplete(db, stakeholder):
    contest = contest_at(timezone.now(), PhaseKind.VOTING, complete_ballot_required=True)
    c1 = ProjectFactory(contest=contest)
    c2 = ProjectFactory(contest=contest, category=category(contest, "C2"))
    voter = UserFactory()
    vote(c1, voter=voter)
    bad = vote(c2, voter=voter)
    vote_invalidate(vote=bad, by=stakeholder, reason="Fraud")
    assert tally_counts(contest=contest) == {}
