"""The vote POST keeps the voter's ballot row (the complete-ballot tally's source) in step."""

import pytest
from django.urls import reverse

from prizes.models import Vote, VoterBallot
from tests.factories.prizes import ProjectFactory, category

pytestmark = pytest.mark.django_db


def test_vote_post_keeps_the_voters_ballot_row(client, voting_contest, user):
    first = ProjectFactory(contest=voting_contest)
    ProjectFactory(contest=voting_contest, category=category(voting_contest, "C3"))
    client.force_login(user)
    response = client.post(reverse("prizes:vote", args=[voting_contest.year, first.pk]))
    assert response.status_code == 303
    assert response["Location"].startswith(
        reverse("prizes:ballot_category", args=[voting_contest.year, "C3"])
    )
    assert Vote.objects.filter(voter=user, project=first).exists()
    ballot = VoterBallot.objects.get(contest=voting_contest, voter=user)
    assert (ballot.valid_votes, ballot.projects) == (1, [first.pk])


def test_vote_post_refused_twice_keeps_one_vote_and_one_ballot_entry(client, voting_contest, user):
    project = ProjectFactory(contest=voting_contest)
    client.force_login(user)
    url = reverse("prizes:vote", args=[voting_contest.year, project.pk])
    assert client.post(url).status_code == 303
    again = client.post(url)
    assert again.status_code == 409
    assert Vote.objects.filter(voter=user).count() == 1
    assert VoterBallot.objects.get(voter=user).valid_votes == 1
