"""axe-core on the portal's pages: no serious or critical violation (WCAG 2.1 AA and more)."""

from __future__ import annotations

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from prizes.enums import PhaseKind
from tests.browser.helpers import assert_accessible, axe_violations, sign_in
from tests.factories.accounts import StakeholderFactory
from tests.factories.consultations import (
    CommentFactory,
    DiscussionFactory,
    consultation_with_phases,
)
from tests.factories.forum import MatrixLinkFactory, action_line
from tests.factories.forum_programme import EditionFactory, SessionFactory
from tests.factories.prizes import ProjectFactory, category, contest_at
from tests.factories.stocktaking import CallFactory, EntryFactory

pytestmark = pytest.mark.browser


def test_axe_reports_a_violation_it_is_shown(page, axe_source):
    """The check itself can fail: an unlabelled field and an image without text are caught."""
    page.goto("/")
    page.evaluate(
        """() => {
            const main = document.querySelector('main');
            main.insertAdjacentHTML('beforeend', '<input type="text"><img src="/x.png">');
        }"""
    )
    found = {violation["id"] for violation in axe_violations(page, axe_source)}
    assert {"label", "image-alt"} <= found


@pytest.mark.parametrize(
    "path",
    ["/", "/matrix/", "/matrix/C2/9/", "/action-lines/C7-EGOV/", "/sdgs/9/"],
)
def test_public_page_is_accessible(page, axe_source, path):
    MatrixLinkFactory()  # C2 x SDG 9: the matrix and the cell have a link to show.
    page.goto(path)
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    assert_accessible(page, axe_source)


@pytest.mark.parametrize("path", ["/accounts/signup/", "/accounts/login/"])
def test_account_form_is_accessible_blank_and_with_errors(page, axe_source, path):
    page.goto(path)
    assert_accessible(page, axe_source)
    # Submitted empty (the browser's own checks off, as without JavaScript validation).
    page.locator("main form").evaluate("form => form.setAttribute('novalidate', '')")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("This field is required.")
    assert_accessible(page, axe_source)


def test_signed_in_pages_are_accessible(page, axe_source):
    user = StakeholderFactory()
    sign_in(page, user.email, start="/accounts/login/")
    for path in ("/my/", "/my/profile/"):
        page.goto(path)
        assert_accessible(page, axe_source)


def test_forum_pages_are_accessible(page, axe_source):
    edition = EditionFactory(year=2027)
    session = SessionFactory(
        edition=edition, title="Measuring broadband", action_lines=[action_line("C2")]
    )
    for path in (
        "/forum/",
        "/forum/2027/",
        "/forum/2027/programme/",
        "/forum/2027/programme/?action_line=C2",
        f"/forum/2027/sessions/{session.pk}/",
    ):
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_have_count(1)
        assert_accessible(page, axe_source)


def test_ungis_pages_are_accessible(page, axe_source):
    for path in ("/ungis/", "/ungis/members/", "/ungis/members/ITU/", "/ungis/chairs/"):
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_have_count(1)
        assert_accessible(page, axe_source)


def test_consultation_pages_are_accessible(page, axe_source):
    consultation = consultation_with_phases(title="WSIS Forum 2027 Open Consultation", slug="oc")
    topic = DiscussionFactory(consultation=consultation, title="Bridging the gender gap")
    CommentFactory(discussion=topic, body="Women's digital skills first.")
    user = StakeholderFactory()
    paths = ["/consultations/", "/consultations/oc/", "/consultations/oc/submit/"]
    paths += ["/consultations/oc/discussions/", topic.get_absolute_url()]
    for path in paths:
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_have_count(1)
        assert_accessible(page, axe_source)
    # Signed in, the discussion shows the whole thread and the comment form.
    sign_in(page, user.email, start=topic.get_absolute_url())
    expect(page.get_by_label("Your comment")).to_be_visible()
    assert_accessible(page, axe_source)


def test_prizes_pages_are_accessible(page, axe_source):
    contest = contest_at(timezone.now(), PhaseKind.VOTING)
    project = ProjectFactory(contest=contest, category=category(contest, "C4"), title="Skills bus")
    year = contest.year
    for path in (
        "/prizes/",
        f"/prizes/{year}/",
        f"/prizes/{year}/vote/",
        f"/prizes/{year}/vote/?category=C4",
        f"/prizes/{year}/projects/{project.pk}/",
        f"/prizes/{year}/results/",
    ):
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_have_count(1)
        assert_accessible(page, axe_source)


def test_stocktaking_pages_are_accessible(page, axe_source):
    CallFactory()
    entry = EntryFactory(title="Community broadband", action_lines=["C2"], sdgs=[9])
    user = StakeholderFactory()
    for path in (
        "/stocktaking/",
        "/stocktaking/?q=broadband&action_line=C2",
        entry.get_absolute_url(),
        "/stocktaking/reports/",
    ):
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_have_count(1)
        assert_accessible(page, axe_source)
    sign_in(page, user.email, start="/stocktaking/submit/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Submit an entry")
    assert_accessible(page, axe_source)
    # The form sent empty shows its errors accessibly too.
    page.get_by_role("button", name="Submit for moderation").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert_accessible(page, axe_source)
