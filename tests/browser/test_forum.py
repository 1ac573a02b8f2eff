"""WSIS Forum journeys: registration from the home page, the programme filtered by Action Line."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from forum.models import Registration
from tests.browser.helpers import assert_accessible, sign_in
from tests.factories.accounts import StakeholderFactory
from tests.factories.forum import action_line
from tests.factories.forum_programme import EditionFactory, SessionFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def edition(db):
    """The 2027 Forum, its registration open now."""
    now = timezone.now()
    return EditionFactory(
        year=2027,
        registration_opens_at=now - timedelta(days=1),
        registration_closes_at=now + timedelta(days=30),
        in_person_capacity=10,
    )


def test_stakeholder_registers_for_the_forum_and_sees_it_on_my(page, edition):
    user = StakeholderFactory()
    sign_in(page, user.email)

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Forum").click()
    page.get_by_role("link", name="WSIS Forum 2027").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("WSIS Forum 2027")
    page.get_by_role("link", name="Register", exact=True).click()

    expect(page.locator("main")).to_contain_text("10 in-person places left.")
    page.get_by_label("In person").check()
    page.get_by_role("button", name="Register").click()

    expect(page).to_have_url("/my/")
    expect(page.get_by_role("status")).to_contain_text("You are registered for WSIS Forum 2027.")
    section = page.get_by_role("region", name="WSIS Forum registrations")
    expect(section).to_contain_text("WSIS Forum 2027")
    expect(section).to_contain_text("In person · Confirmed")
    assert Registration.objects.filter(edition=edition, user=user, mode="in_person").exists()
    assert any(
        user.email in message.to and "WSIS Forum 2027" in message.subject for message in mail.outbox
    )

    # Back on the edition page the registration shows instead of the Register button.
    page.goto("/forum/2027/")
    expect(page.locator("main")).to_contain_text("You are registered (In person)")
    expect(page.get_by_role("link", name="Register", exact=True)).to_have_count(0)


def test_registration_without_a_choice_shows_the_error_by_the_field(page, edition):
    user = StakeholderFactory()
    sign_in(page, user.email, start="/forum/2027/register/")
    page.get_by_role("button", name="Register").click()
    expect(page.locator("main")).to_contain_text(
        "Choose whether you will attend in person or remotely."
    )
    assert not Registration.objects.filter(user=user).exists()


def test_programme_filtered_by_action_line(page, edition, axe_source):
    SessionFactory(edition=edition, title="Measuring broadband", action_lines=[action_line("C2")])
    SessionFactory(
        edition=edition,
        title="Teachers and AI",
        action_lines=[action_line("C4")],
        starts_at=datetime(2027, 5, 10, 10, 0, tzinfo=UTC),
    )
    SessionFactory(edition=edition, title="Cybersecurity drills", action_lines=[action_line("C5")])

    page.goto("/forum/2027/")
    page.get_by_role("link", name="Programme").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Programme of WSIS Forum 2027")
    sessions = page.locator("main .session-list")
    expect(sessions.get_by_role("heading", level=3)).to_have_count(3)
    assert_accessible(page, axe_source)

    page.get_by_label("Action Line").select_option("C4")
    page.get_by_role("button", name="Show sessions").click()

    expect(page).to_have_url(re.compile(r"/forum/2027/programme/\?.*action_line=C4"))
    expect(sessions.get_by_role("heading", level=3)).to_have_text(["Teachers and AI"])
    expect(page.get_by_label("Action Line")).to_have_value("C4")

    page.get_by_role("link", name="Clear filters").click()
    expect(sessions.get_by_role("heading", level=3)).to_have_count(3)
