"""The ballot a voter wants: category tiles with progress, one page per category, and the
next category not yet voted in after each vote."""

import re

import pytest
from django.urls import reverse

from prizes.enums import ProjectStatus
from prizes.models import Vote
from tests.factories.prizes import ProjectFactory, category, vote

pytestmark = pytest.mark.django_db


@pytest.fixture
def ballot(voting_contest):
    """Nominees in C1 (two), C3 and C5 (one each); C2 has only a draft."""
    c = voting_contest
    return {
        "C1": [ProjectFactory(contest=c), ProjectFactory(contest=c)],
        "C3": [ProjectFactory(contest=c, category=category(c, "C3"))],
        "C5": [ProjectFactory(contest=c, category=category(c, "C5"))],
        "draft": ProjectFactory(contest=c, category=category(c, "C2"), status=ProjectStatus.DRAFT),
    }


def tile_of(body: str, code: str) -> str:
    match = re.search(
        rf'<li>\s*<(?:a|span) class="ballot-tile[^"]*"[^>]*>\s*(?:(?!</li>).)*?<bdi>{code}</bdi>'
        r"(?:(?!</li>).)*</li>",
        body,
        re.S,
    )
    assert match, f"no tile for {code}"
    return match.group(0)


def test_ballot_tiles_show_every_category_and_the_voters_progress(client, ballot, user):
    year = ballot["C1"][0].contest.year
    vote(ballot["C3"][0], voter=user)
    client.force_login(user)
    response = client.get(reverse("prizes:ballot", args=[year]))
    body = response.content.decode()
    assert len(response.context["tiles"]) == 18
    assert "You have voted in 1 of 3 categories." in body
    assert '<progress max="3" value="1"' in body
    c3 = tile_of(body, "C3")
    assert "voted" in c3.split(">")[1] and "Voted" in c3
    assert f'href="{reverse("prizes:ballot_category", args=[year, "C3"])}"' in c3
    c1 = tile_of(body, "C1")
    assert "Not voted yet" in c1 and "2 nominated projects" in c1
    # A category with no project on the ballot is shown but leads nowhere.
    c2 = tile_of(body, "C2")
    assert "No nominated project" in c2 and "<a " not in c2


def test_ballot_category_lists_every_nominee_on_one_page_with_summary(client, voting_contest):
    projects = [
        ProjectFactory(contest=voting_contest, description=f"Summary {i} " + "word " * 80)
        for i in range(25)
    ]
    response = client.get(reverse("prizes:ballot_category", args=[voting_contest.year, "C1"]))
    body = response.content.decode()
    assert sorted(p.pk for p in response.context["projects"]) == sorted(p.pk for p in projects)
    assert "page=2" not in body
    assert "25 nominated projects" in body
    assert body.count('class="prize-summary"') == 25
    # The summary is a short excerpt, not the whole description.
    assert "Summary 3 word word" in body and "word " * 60 not in body


def test_ballot_category_unknown_is_404_and_lower_case_redirects(client, ballot):
    year = ballot["C1"][0].contest.year
    assert client.get(reverse("prizes:ballot_category", args=[year, "C99"])).status_code == 404
    response = client.get(reverse("prizes:ballot_category", args=[year, "c3"]))
    assert response.status_code == 302
    assert response["Location"] == reverse("prizes:ballot_category", args=[year, "C3"])


def test_vote_lands_on_next_category_not_yet_voted(client, ballot, user):
    year = ballot["C1"][0].contest.year
    vote(ballot["C3"][0], voter=user)
    client.force_login(user)
    response = client.post(reverse("prizes:vote", args=[year, ballot["C1"][1].pk]))
    # C2 has no nominee and C3 is done: the next category to vote in is C5.
    assert response.status_code == 303
    assert response["Location"] == (
        reverse("prizes:ballot_category", args=[year, "C5"]) + f"?voted={ballot['C1'][1].pk}"
    )
    page = client.get(response["Location"]).content.decode()
    assert "Thank you: your vote has been recorded." in page
    assert "You have voted in 2 of 3 categories." in page


def test_vote_wraps_round_to_an_earlier_category(client, ballot, user):
    year = ballot["C1"][0].contest.year
    client.force_login(user)
    response = client.post(reverse("prizes:vote", args=[year, ballot["C5"][0].pk]))
    assert response["Location"].startswith(reverse("prizes:ballot_category", args=[year, "C1"]))


def test_last_vote_lands_on_you_voted_in_every_category(client, ballot, user):
    year = ballot["C1"][0].contest.year
    vote(ballot["C1"][0], voter=user)
    vote(ballot["C3"][0], voter=user)
    client.force_login(user)
    response = client.post(reverse("prizes:vote", args=[year, ballot["C5"][0].pk]))
    assert response["Location"] == (
        reverse("prizes:ballot", args=[year]) + f"?voted={ballot['C5'][0].pk}"
    )
    page = client.get(response["Location"]).content.decode()
    assert "You have voted in every category" in page
    assert "You have voted in 3 of 3 categories." in page
    assert Vote.objects.filter(voter=user).count() == 3


def test_ballot_category_marks_the_voters_choice_and_offers_no_second_vote(client, ballot, user):
    year = ballot["C1"][0].contest.year
    chosen, other = ballot["C1"]
    vote(chosen, voter=user)
    client.force_login(user)
    body = client.get(reverse("prizes:ballot_category", args=[year, "C1"])).content.decode()
    assert "You have voted in this category. A vote cannot be changed" in body
    assert reverse("prizes:vote", args=[year, other.pk]) not in body
    assert "Your vote" in body


def test_vote_confirmation_cancels_back_to_its_category(client, ballot, user):
    year = ballot["C1"][0].contest.year
    client.force_login(user)
    body = client.get(reverse("prizes:vote", args=[year, ballot["C3"][0].pk])).content.decode()
    assert "Cast my vote" in body
    assert f'href="{reverse("prizes:ballot_category", args=[year, "C3"])}"' in body


def test_ballot_shows_the_voters_progress_as_an_accessible_chart(client, ballot, user):
    year = ballot["C1"][0].contest.year
    vote(ballot["C3"][0], voter=user)
    client.force_login(user)
    html = client.get(reverse("prizes:ballot", args=[year])).content.decode()
    assert 'role="img"' in html
    assert "Your votes: categories voted in and not yet voted in" in html
    # The chart's data table: one category voted in, two (C1 and C5) not yet.
    table = html[html.index("Your votes: categories voted in") :]
    assert re.search(r"Voted</th>\s*<td[^>]*>1</td>", table), table[:2000]
    assert re.search(r"Not voted yet</th>\s*<td[^>]*>2</td>", table)
