"""WSIS Stocktaking journeys: from a new stakeholder's entry to a visitor finding it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from accounts.roles import SECRETARIAT
from stocktaking.enums import EntryStatus
from stocktaking.models import Entry
from tests.browser.helpers import (
    admin_action,
    admin_sign_in,
    assert_accessible,
    sign_up_and_confirm,
    tab_to,
)
from tests.factories.accounts import UserFactory
from tests.factories.stocktaking import CallFactory, EntryFactory

pytestmark = pytest.mark.browser

TITLE = "Solar kiosks for rural telecentres"


def submit_entry(page) -> None:
    """Fill in and send the entry form from the Stocktaking page."""
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Stocktaking").click()
    page.locator("main").get_by_role("link", name="Submit an entry").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Submit an entry")
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Description").fill(
        "Telecentres powered by solar kiosks bring connectivity to off-grid villages."
    )
    page.get_by_label(re.compile(r"^Organisation:?$")).fill("Sunlit Networks")
    page.get_by_label("Stakeholder type").select_option("private_sector")
    page.get_by_label("Country").select_option("GH")
    page.get_by_label("Start year").fill("2022")
    page.get_by_label("Contact email").fill("projects@sunlit.example.org")
    page.get_by_role("checkbox", name=re.compile(r"^C4\b")).check()
    page.get_by_role("checkbox", name=re.compile(r"^Goal 7\b")).check()
    page.get_by_role("button", name="Submit for moderation").click()


def test_entry_from_sign_up_to_moderation_to_search_and_matrix(new_page, axe_source):
    CallFactory()  # the call for new entries is open
    EntryFactory(title="Solar mapping of schools", action_lines=["C2"], sdgs=[7])
    EntryFactory(title="Teacher training in rural areas", action_lines=["C4"], sdgs=[4])
    staff = UserFactory(is_staff=True, groups=[SECRETARIAT])

    # A new stakeholder signs up, confirms the email, completes the profile, submits an entry.
    stakeholder = new_page()
    email = "kwame@sunlit.example.org"
    sign_up_and_confirm(
        stakeholder,
        email,
        full_name="Kwame Mensah",
        organisation="Sunlit Networks",
        country="Ghana",
        stakeholder_type="Private Sector",
    )
    stakeholder.get_by_role("navigation", name="Account").get_by_role(
        "link", name="Profile"
    ).click()
    stakeholder.get_by_label("Job title").fill("Founder")
    stakeholder.get_by_role("button", name="Save profile").click()
    expect(stakeholder.get_by_role("status")).to_contain_text("Your profile has been saved.")

    submit_entry(stakeholder)
    expect(stakeholder.get_by_role("status")).to_contain_text("Your entry has been submitted.")
    expect(stakeholder.get_by_role("heading", level=1)).to_have_text(TITLE)
    assert_accessible(stakeholder, axe_source)

    stakeholder.get_by_role("link", name="My WSIS").click()
    mine = stakeholder.get_by_role("region", name="WSIS Stocktaking entries")
    expect(mine.get_by_role("row").filter(has_text=TITLE)).to_contain_text("Submitted")
    entry = Entry.objects.get(title=TITLE)
    assert entry.status == EntryStatus.SUBMITTED

    # Not public yet.
    visitor = new_page()
    visitor.goto("/stocktaking/?q=solar")
    expect(visitor.locator("main")).not_to_contain_text(TITLE)

    # The secretariat publishes it from the moderation queue.
    admin = new_page()
    admin_sign_in(admin, staff.email)
    admin.get_by_role("link", name="Moderation queue").click()
    admin_action(admin, TITLE, "publish_selected")
    admin.get_by_role("button", name="Publish").click()
    expect(admin.locator(".messagelist")).to_contain_text("1 item published.")
    entry.refresh_from_db()
    assert entry.status == EntryStatus.PUBLISHED

    # An anonymous visitor finds it by text and the Action Line facet ...
    visitor.goto("/")
    visitor.get_by_role("navigation", name="Main").get_by_role("link", name="Stocktaking").click()
    visitor.get_by_label("Search entries").fill("solar")
    visitor.get_by_role("main").get_by_role("button", name="Search", exact=True).click()
    results = visitor.get_by_role("region", name=re.compile(r"^\d+ entr"))
    expect(results.get_by_role("heading", level=3)).to_have_count(2)  # both "solar" entries
    visitor.get_by_role("checkbox", name=re.compile(r"^C4\b")).check()
    visitor.get_by_role("button", name="Apply filters").click()
    expect(visitor).to_have_url(re.compile(r"q=solar.*action_line=C4|action_line=C4.*q=solar"))
    expect(results.get_by_role("heading", level=3)).to_have_text([TITLE])
    assert_accessible(visitor, axe_source)
    results.get_by_role("link", name=TITLE).click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(visitor.locator("main")).not_to_contain_text("projects@sunlit.example.org")

    # ... and on its matrix cell (C4 x SDG 7).
    visitor.get_by_role("navigation", name="Main").get_by_role("link", name="Matrix").click()
    cell = visitor.get_by_role("link", name=re.compile(r"^C4 × SDG 7:"))
    expect(cell).to_contain_text("1 tagged items")
    cell.click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("C4 × SDG 7")
    expect(visitor.locator("main").get_by_role("link", name=TITLE)).to_be_visible()
    assert_accessible(visitor, axe_source)


def test_keyboard_only_search(page):
    EntryFactory(title="Mobile health records", action_lines=["C7-EHEA"], sdgs=[3])
    EntryFactory(title="Mobile money for farmers", action_lines=["C7-EAGR"], sdgs=[1])
    page.goto("/stocktaking/")

    search = page.get_by_label("Search entries")
    tab_to(page, search)
    page.keyboard.type("mobile")
    page.keyboard.press("Enter")
    results = page.get_by_role("region", name=re.compile(r"^\d+ entr"))
    expect(results.get_by_role("heading", level=3)).to_have_count(2)

    # Tab to the facet of E-agriculture, tick it with Space, submit with Enter on the button.
    facet = page.get_by_role("checkbox", name=re.compile(r"^C7-EAGR\b"))
    tab_to(page, facet)
    page.keyboard.press("Space")
    assert facet.is_checked()
    tab_to(page, page.get_by_role("button", name="Apply filters"))
    page.keyboard.press("Enter")
    expect(results.get_by_role("heading", level=3)).to_have_text(["Mobile money for farmers"])
