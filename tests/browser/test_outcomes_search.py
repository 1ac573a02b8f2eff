"""From a session's outcome report to the edition's Outcome Document, and the site search."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.roles import SECRETARIAT
from forum.models import OutcomeReport
from tests.browser.helpers import assert_accessible, sign_in
from tests.factories.accounts import DEFAULT_PASSWORD, StakeholderFactory, UserFactory
from tests.factories.forum import action_line, sdg
from tests.factories.forum_outcomes import OutcomeCallFactory, SessionOwnerFactory
from tests.factories.forum_programme import EditionFactory, SessionFactory
from tests.factories.stocktaking import EntryFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def owned_session(db):
    """A session of the 2027 Forum that took place two days ago, reports due in a week."""
    now = timezone.now()
    edition = EditionFactory(year=2027)
    OutcomeCallFactory(
        edition=edition, reminder_at=now - timedelta(days=1), due_at=now + timedelta(days=7)
    )
    session = SessionFactory(
        edition=edition,
        title="Community networks for the last mile",
        starts_at=now - timedelta(days=2, hours=1),
        ends_at=now - timedelta(days=2),
        action_lines=[action_line("C2")],
    )
    return SessionOwnerFactory(session=session, user=StakeholderFactory()).session


def test_owner_reports_and_the_secretariat_generates_the_outcome_document(
    new_page, owned_session, live_server, settings, axe_source
):
    settings.PORTAL_BASE_URL = live_server.url
    owner = owned_session.owners.get().user

    # The owner finds the session on My WSIS and writes its outcome report.
    page = new_page()
    sign_in(page, owner.email, start="/my/")
    section = page.get_by_role("region", name="Your Forum sessions")
    expect(section).to_contain_text("No outcome report yet.")
    section.get_by_role("link", name="Report the outcomes").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Outcome report of")
    assert_accessible(page, axe_source)
    page.get_by_label("Key messages").fill("Community networks reach the last villages.")
    page.get_by_label("Recommendations").fill("Fund community networks.")
    page.get_by_label("Link to the slides").fill("not a link")
    page.get_by_role("button", name="Submit the outcome report").click()
    # Nothing is saved while something is wrong; each error sits by its field.
    expect(page.get_by_role("alert")).to_contain_text("Tick at least one Action Line")
    expect(page.locator("main")).to_contain_text("Enter a valid URL.")
    assert not OutcomeReport.objects.exists()
    page.get_by_label("Link to the slides").fill("https://example.org/slides.pdf")
    page.get_by_role("checkbox", name="C2. Information and communication infrastructure").check()
    page.get_by_role("checkbox", name="Goal 9", exact=False).check()
    page.get_by_role("button", name="Submit the outcome report").click()
    expect(page.get_by_role("status")).to_contain_text("the outcome report of")
    outcomes = page.get_by_role("region", name="Outcomes")
    expect(outcomes).to_contain_text("Community networks reach the last villages.")
    expect(outcomes.get_by_role("link", name="Slides")).to_have_attribute(
        "href", "https://example.org/slides.pdf"
    )
    assert list(OutcomeReport.objects.get().sdgs.all()) == [sdg(9)]

    # The Secretariat generates the edition's Outcome Document from the admin.
    staff = UserFactory(is_staff=True, groups=[SECRETARIAT])
    admin = new_page()
    admin.goto("/admin/forum/outcomecall/")
    admin.get_by_label("Email address").fill(staff.email)
    admin.get_by_label("Password").fill(DEFAULT_PASSWORD)
    admin.get_by_role("button", name="Log in").click()
    admin.get_by_role("row").filter(has_text="WSIS Forum 2027").get_by_role("checkbox").check()
    admin.get_by_role("combobox", name="Action").select_option("generate_outcome_document")
    admin.get_by_role("button", name="Go").click()
    expect(admin.locator(".messagelist")).to_contain_text("the Outcome Document is published")

    # A visitor opens it from the edition page, grouped by Action Line, and downloads the PDF.
    visitor = new_page()
    visitor.goto("/forum/2027/")
    visitor.get_by_role("link", name="WSIS Forum 2027: Outcome Document").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(
        "WSIS Forum 2027: Outcome Document"
    )
    section = visitor.get_by_role("region", name="C2. Information and communication infrastructure")
    expect(section.get_by_role("heading", level=3)).to_have_text(
        "Community networks for the last mile"
    )
    expect(section).to_contain_text("Fund community networks.")
    assert_accessible(visitor, axe_source)
    pdf_link = visitor.get_by_role("link", name="Download as PDF")
    response = visitor.request.get(pdf_link.get_attribute("href"))
    assert response.status == 200 and response.body().startswith(b"%PDF-")


def test_visitor_searches_the_whole_site_from_the_header_without_javascript(
    new_page, owned_session, axe_source
):
    EntryFactory(title="Community networks in the Andes")
    page = new_page(javascript=False)
    page.goto("/")
    page.get_by_role("searchbox", name="Search the whole site").fill("community networks")
    page.get_by_role("search", name="Site search").get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Search the WSIS portal")
    results = page.get_by_role("region", name="2 results for “community networks”")
    expect(results.get_by_role("link", name="Community networks in the Andes")).to_be_visible()
    expect(results.get_by_role("link", name="Community networks for the last mile")).to_be_visible()
    kinds = page.get_by_role("navigation", name="Results by kind")
    kinds.get_by_role("link", name="Forum sessions (1)").click()
    expect(page.get_by_role("link", name="Community networks in the Andes")).to_have_count(0)
    page.get_by_label("Action Line").select_option("C5")
    page.get_by_role("button", name="Apply").click()
    expect(page.locator("main")).to_contain_text("Nothing matches.")
    # axe runs on the page's timers, which a browser without JavaScript never fires: the
    # same address is checked in a browser with JavaScript.
    checked = new_page()
    checked.goto(page.url)
    expect(checked.locator("main")).to_contain_text("Nothing matches.")
    assert_accessible(checked, axe_source)
