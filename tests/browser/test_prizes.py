"""WSIS Prizes journeys: voting from the home page, keyboard voting, expert scoring."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.roles import EXPERT_GROUP
from prizes.enums import PhaseKind, ProjectStatus
from prizes.models import ExpertAssignment, ExpertScore, Vote
from tests.browser.helpers import assert_accessible, sign_in, tab_to
from tests.factories.accounts import DEFAULT_PASSWORD, StakeholderFactory, UserFactory
from tests.factories.prizes import ProjectFactory, category, contest_at

pytestmark = pytest.mark.browser


@pytest.fixture
def voting_contest(db):
    """A contest in its voting phase with nominated projects in C1 (two) and C4 (one)."""
    contest = contest_at(timezone.now(), PhaseKind.VOTING)
    c1, c4 = category(contest, "C1"), category(contest, "C4")
    projects = {
        "broadband": ProjectFactory(
            contest=contest, category=c1, title="Village broadband cooperative"
        ),
        "policy": ProjectFactory(contest=contest, category=c1, title="Open ICT policy lab"),
        "skills": ProjectFactory(contest=contest, category=c4, title="Digital skills bus"),
    }
    return contest, projects


def show_category(page, code: str) -> None:
    page.get_by_label("Category").select_option(code)
    page.get_by_role("button", name="Show").click()


def test_voter_votes_in_two_categories_is_refused_a_second_vote_and_sees_them_on_my(
    page, voting_contest
):
    contest, projects = voting_contest
    voter = StakeholderFactory()

    # From the home page's "Open now" to the ballot; signing in comes back to it.
    page.goto("/")
    page.get_by_role("link", name=f"{contest.title}: Public online voting").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("nominated projects")
    page.get_by_role("link", name="Sign in to vote").click()
    page.get_by_label("Email").fill(voter.email)
    page.get_by_label("Password").fill(DEFAULT_PASSWORD)
    page.locator("main").get_by_role("button", name="Sign In").click()
    progress = page.get_by_role("status").filter(has_text="You have voted in")
    expect(progress).to_have_text(re.compile(r"You have voted in 0 of \d+ categories\."))

    # A second tab with the confirmation of the other C1 project, opened before voting.
    other_tab = page.context.new_page()
    other_tab.goto(f"/prizes/{contest.year}/vote/{projects['policy'].pk}/")
    expect(other_tab.get_by_role("button", name="Cast my vote")).to_be_visible()

    # Vote in C1.
    show_category(page, "C1")
    page.get_by_role("link", name="Vote for Village broadband cooperative").click()
    expect(page.locator("main")).to_contain_text(
        "You are voting for “Village broadband cooperative”"
    )
    page.get_by_role("button", name="Cast my vote").click()
    expect(page.locator("main")).to_contain_text("Thank you: your vote has been recorded.")

    # Vote in C4.
    show_category(page, "C4")
    page.get_by_role("link", name="Vote for Digital skills bus").click()
    page.get_by_role("button", name="Cast my vote").click()
    expect(page.locator("main")).to_contain_text("Thank you: your vote has been recorded.")
    expect(progress).to_contain_text("You have voted in 2 of")

    # The ballot offers no second vote in C1 ...
    show_category(page, "C1")
    card = page.locator(f"#project-{projects['policy'].pk}")
    expect(card).to_contain_text("You have voted in this category.")
    expect(card.get_by_role("link", name=re.compile("^Vote"))).to_have_count(0)
    # ... and the server refuses the one cast from the tab opened earlier.
    other_tab.get_by_role("button", name="Cast my vote").click()
    expect(other_tab.get_by_role("heading", level=1)).to_have_text("Your vote was not recorded")
    expect(other_tab.get_by_role("alert")).to_contain_text("already voted")

    # /my/ lists the two votes.
    page.get_by_role("link", name="My WSIS").click()
    votes = page.get_by_role("region", name="My WSIS Prizes votes")
    expect(votes.get_by_role("row")).to_have_count(3)  # header + two votes
    expect(votes).to_contain_text("Village broadband cooperative")
    expect(votes).to_contain_text("Digital skills bus")
    expect(votes).not_to_contain_text("Open ICT policy lab")
    assert Vote.objects.filter(voter=voter).count() == 2


def test_keyboard_only_vote(page, voting_contest, axe_source):
    contest, projects = voting_contest
    voter = StakeholderFactory()
    sign_in(page, voter.email, start=f"/prizes/{contest.year}/vote/")
    assert_accessible(page, axe_source)

    vote_link = page.get_by_role("link", name="Vote for Digital skills bus")
    tab_to(page, vote_link)
    page.keyboard.press("Enter")
    cast = page.get_by_role("button", name="Cast my vote")
    expect(cast).to_be_visible()
    assert_accessible(page, axe_source)
    tab_to(page, cast)
    page.keyboard.press("Enter")

    expect(page.locator("main")).to_contain_text("Thank you: your vote has been recorded.")
    assert Vote.objects.filter(voter=voter, project=projects["skills"]).exists()


def test_expert_scores_champions_of_their_category_and_cannot_score_another(page):
    contest = contest_at(timezone.now(), PhaseKind.SELECTION)
    c1, c4 = category(contest, "C1"), category(contest, "C4")
    mine = ProjectFactory(
        contest=contest, category=c1, title="Community networks", status=ProjectStatus.CHAMPION
    )
    theirs = ProjectFactory(
        contest=contest, category=c4, title="Coding clubs", status=ProjectStatus.CHAMPION
    )
    expert = UserFactory(groups=[EXPERT_GROUP])
    assignment = ExpertAssignment.objects.create(contest=contest, expert=expert)
    assignment.categories.add(c1)

    sign_in(page, expert.email, start=f"/prizes/{contest.year}/review/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Expert Group scoring")
    review = page.get_by_role("region", name="Community networks")
    review.get_by_label(re.compile("Score")).fill("8")
    review.get_by_role("button", name="Save the score").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Your score for “Community networks” is saved."
    )
    expect(page.get_by_role("region", name="Community networks")).to_contain_text("Your score: 8")
    # Only their category is offered.
    expect(page.locator("main")).not_to_contain_text("Coding clubs")

    # Opening another category's Champion for scoring is refused.
    csrf = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    response = page.request.post(
        f"/prizes/{contest.year}/review/{theirs.pk}/",
        form={"csrfmiddlewaretoken": csrf, f"p{theirs.pk}-score": "10"},
        max_redirects=0,
    )
    assert response.status == 403
    assert "You are not assigned to score this category." in response.text()
    assert list(ExpertScore.objects.values_list("project_id", "score")) == [(mine.pk, 8)]
