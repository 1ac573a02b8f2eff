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

    # Vote in C1: the voter then lands on C4, the next category not yet voted in.
    page.get_by_role("link", name=re.compile(r"^C1 ·")).click()
    page.get_by_role("link", name="Vote for Village broadband cooperative").click()
    expect(page.locator("main")).to_contain_text(
        "You are voting for “Village broadband cooperative”"
    )
    page.get_by_role("button", name="Cast my vote").click()
    expect(page.locator("main")).to_contain_text("Thank you: your vote has been recorded.")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Capacity building"))

    # Vote in C4: every category is done.
    page.get_by_role("link", name="Vote for Digital skills bus").click()
    page.get_by_role("button", name="Cast my vote").click()
    expect(page.locator("main")).to_contain_text("Thank you: your vote has been recorded.")
    expect(page.get_by_role("heading", name="You have voted in every category")).to_be_visible()
    expect(progress).to_contain_text("You have voted in 2 of")

    # The ballot offers no second vote in C1 ...
    page.get_by_role("link", name=re.compile(r"^C1 ·")).click()
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

    tab_to(page, page.get_by_role("link", name=re.compile(r"^C4 ·")))
    page.keyboard.press("Enter")
    vote_link = page.get_by_role("link", name="Vote for Digital skills bus")
    expect(vote_link).to_be_visible()
    assert_accessible(page, axe_source)
    tab_to(page, vote_link)
    page.keyboard.press("Enter")
    cast = page.get_by_role("button", name="Cast my vote")
    expect(cast).to_be_visible()
    assert_accessible(page, axe_source)
    tab_to(page, cast)
    page.keyboard.press("Enter")

    expect(page.locator("main")).to_contain_text("Thank you: your vote has been recorded.")
    assert Vote.objects.filter(voter=voter, project=projects["skills"]).exists()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_phone_voter_goes_from_tiles_to_category_to_next_category(
    new_page, voting_contest, javascript
):
    """At 390 px, with and without JavaScript: tiles, a category, the confirmation, the vote,
    and the next category not yet voted in."""
    contest, projects = voting_contest
    voter = StakeholderFactory()
    page = new_page(javascript=javascript)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/accounts/login/?next=/prizes/{contest.year}/vote/")
    page.get_by_label("Email").fill(voter.email)
    page.get_by_label("Password").fill(DEFAULT_PASSWORD)
    page.locator("main").get_by_role("button", name="Sign In").click()

    tiles = page.get_by_role("list", name="Categories")
    expect(tiles.get_by_role("listitem")).to_have_count(18)
    expect(page.get_by_role("status").filter(has_text="You have voted in")).to_contain_text(
        "You have voted in 0 of 2 categories."
    )
    tiles.get_by_role("link", name=re.compile(r"^C1 ·")).click()
    nominees = page.get_by_role("list", name="2 nominated projects")
    expect(nominees.get_by_role("listitem")).to_have_count(2)
    nominees.get_by_role("link", name="Vote for Open ICT policy lab").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your vote")
    page.get_by_role("button", name="Cast my vote").click()

    expect(page.get_by_role("status").filter(has_text="Thank you")).to_be_visible()
    expect(page).to_have_url(re.compile(rf"/prizes/{contest.year}/vote/C4/\?voted="))
    expect(page.get_by_role("status").filter(has_text="You have voted in")).to_contain_text(
        "You have voted in 1 of 2 categories."
    )
    expect(page.get_by_role("link", name="Vote for Digital skills bus")).to_be_visible()
    assert Vote.objects.filter(voter=voter, project=projects["policy"]).exists()
    if javascript:
        widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1], f"the page scrolls sideways: {widths}"
        page.goto(f"/prizes/{contest.year}/vote/")
        widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1], f"the ballot scrolls sideways: {widths}"


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

    # Another category's Champion is public, but its page offers no score form ...
    page.goto(f"/prizes/{contest.year}/projects/{theirs.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Coding clubs")
    expect(page.get_by_role("button", name="Save the score")).to_have_count(0)
    # ... and a score form pointed at it by hand (a tampered request) is refused.
    page.goto(f"/prizes/{contest.year}/review/")
    form = page.get_by_role("region", name="Community networks").locator("form")
    form.evaluate(
        "(form, url) => { form.action = url; }", f"/prizes/{contest.year}/review/{theirs.pk}/"
    )
    form.get_by_role("button", name="Save the score").click()
    expect(page.locator("main")).to_contain_text("You are not assigned to score this category.")
    assert list(ExpertScore.objects.values_list("project_id", "score")) == [(mine.pk, 8)]
