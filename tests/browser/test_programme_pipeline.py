"""The programme pipeline in a browser: a stakeholder proposes a session, a reviewer scores
it, the Secretariat accepts, places and publishes it, the speaker confirms, and the public
sees it in the programme and on the speakers page."""

from __future__ import annotations

import re

import pytest
import time_machine
from django.core import mail
from playwright.sync_api import expect

from accounts.roles import SECRETARIAT, SESSION_REVIEWERS
from forum.models import Placement, Proposal
from tests.browser.helpers import assert_accessible, last_link_to, sign_in
from tests.factories.accounts import StakeholderFactory, UserFactory
from tests.factories.proposals import (
    DURING_CALL,
    DURING_REVIEW,
    ProposalCallFactory,
    ReviewCriterionFactory,
    RoomFactory,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def call(db):
    call = ProposalCallFactory(abstract_word_limit=60)
    ReviewCriterionFactory(call=call, name="Relevance", max_score=5)
    ReviewCriterionFactory(call=call, name="Diversity of speakers", max_score=5)
    RoomFactory(edition=call.edition, name="Room Popov")
    return call


def test_from_a_proposal_to_the_published_programme(new_page, call, axe_source):
    proposer = StakeholderFactory(profile__organisation_name="Rural Connect")
    reviewer = StakeholderFactory(groups=[SESSION_REVIEWERS], profile__organisation_name="UN DESA")
    staff = UserFactory(is_staff=True, groups=[SECRETARIAT])

    with time_machine.travel(DURING_CALL, tick=True):
        page = new_page()
        sign_in(page, proposer.email)
        page.goto("/forum/2027/call/")
        expect(page.locator("main")).to_contain_text("Relevance")
        page.get_by_role("link", name="Propose a session").click()
        assert_accessible(page, axe_source)
        page.locator("#id_proposal-title").fill("Community networks for the last mile")
        page.locator("#id_proposal-abstract").fill("word " * 61)
        page.get_by_label(re.compile(r"C2\. Information")).check()
        page.get_by_label("Tuesday 11 May").check()
        page.locator("#id_speakers-0-name").fill("Wanjiru Kamau")
        page.locator("#id_speakers-0-organisation").fill("Rural Connect")
        page.locator("#id_speakers-0-country").select_option("KE")
        page.locator("#id_speakers-0-email").fill("wanjiru@example.org")
        page.get_by_role("button", name="Save draft").click()
        # The word limit is shown next to the field, and nothing is saved.
        expect(page.locator("main")).to_contain_text("the limit is 60 words")
        assert not Proposal.objects.exists()
        page.locator("#id_proposal-abstract").fill("How community networks connect villages.")
        page.get_by_role("button", name="Save draft").click()
        expect(page.get_by_role("status")).to_contain_text("Your proposal is saved.")
        page.get_by_role("button", name="Save and submit").click()
        expect(page.get_by_role("status")).to_contain_text("Your proposal is submitted.")
        expect(page.locator("main")).to_contain_text("Submitted")
        assert any(proposer.email in m.to and "We received" in m.subject for m in mail.outbox)

    with time_machine.travel(DURING_REVIEW, tick=True):
        page = new_page()
        sign_in(page, reviewer.email)
        page.goto("/forum/2027/call/review/")
        page.get_by_role("link", name="Community networks for the last mile").click()
        page.get_by_label("Relevance").fill("5")
        page.get_by_label("Diversity of speakers").fill("4")
        page.get_by_label("Comment for the Secretariat").fill("Clear and useful.")
        page.get_by_role("button", name="Save the review").click()
        expect(page.get_by_role("status")).to_contain_text("Your review is saved.")
        expect(page.locator("table")).to_contain_text("9.0")

        page = new_page()
        sign_in(page, staff.email)
        page.goto("/forum/2027/call/review/")
        page.get_by_role("link", name="Community networks for the last mile").click()
        expect(page.locator("main")).to_contain_text("Clear and useful.")
        page.get_by_label("Accept", exact=True).check()
        page.get_by_label("Reason, sent to the proposer").fill("Strong, with regional speakers.")
        page.get_by_role("button", name="Record the decision").click()
        expect(page.get_by_role("status")).to_contain_text("The decision is recorded")
        assert any("A decision on your session proposal" in m.subject for m in mail.outbox)

        # The session is not public before the programme is published.
        visitor = new_page()
        visitor.goto("/forum/2027/programme/")
        expect(visitor.locator("main")).not_to_contain_text("Community networks")

        page.get_by_role("link", name="Schedule the accepted sessions").click()
        # A time outside the edition's days... there is none to choose; a time that ends
        # before it starts is refused next to the field.
        page.locator("select[name$='-room']").select_option(label="Room Popov")
        page.locator("select[name$='-day']").select_option(label="Tuesday 11 May 2027")
        page.get_by_label("Starts (Geneva time)").fill("10:00")
        page.get_by_label("Ends (Geneva time)").fill("09:00")
        page.get_by_role("button", name=re.compile("^Place")).click()
        expect(page.locator("main")).to_contain_text("The session must end after it starts.")
        page.get_by_label("Ends (Geneva time)").fill("11:30")
        page.get_by_role("button", name=re.compile("^Place")).click()
        expect(page.get_by_role("status")).to_contain_text("is placed")
        assert Placement.objects.get().room.name == "Room Popov"
        assert_accessible(page, axe_source)
        page.get_by_role("button", name="Publish the programme").click()
        expect(page.get_by_role("status")).to_contain_text("The programme is published.")

        speaker_page = new_page()
        speaker_page.goto(last_link_to("/forum/speakers/confirm/", to="wanjiru@example.org"))
        speaker_page.get_by_label("Position").fill("Director")
        speaker_page.get_by_role("button", name="I confirm that I will speak").click()
        expect(speaker_page.get_by_role("status")).to_contain_text("you are confirmed")

        visitor.goto("/forum/2027/programme/")
        expect(visitor.locator("main")).to_contain_text("Community networks for the last mile")
        visitor.goto("/forum/2027/speakers/")
        expect(visitor.locator("main")).to_contain_text("Wanjiru Kamau")
        expect(visitor.locator("main")).to_contain_text("Director, Rural Connect")
