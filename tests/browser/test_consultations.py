"""Open Consultation journeys: official submissions and the deadline, discussion moderation."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from playwright.sync_api import expect

from accounts.roles import SECRETARIAT
from consultations.models import Comment, Submission
from tests.browser.helpers import assert_accessible, last_link_to, sign_in
from tests.factories.accounts import DEFAULT_PASSWORD, StakeholderFactory, UserFactory
from tests.factories.consultations import (
    DiscussionFactory,
    consultation_with_phases,
    deadline_of,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def consultation(db):
    """A consultation in Phase I: submissions open, deadline in about five weeks."""
    return consultation_with_phases(title="WSIS Forum 2027 Open Consultation", slug="wsis-2027")


def fill_submission(page, *, name: str, email: str, theme: str) -> None:
    page.get_by_label("Full name").fill(name)
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Organisation name").fill("Digital Commons Network")
    page.get_by_label("Organisation country").select_option("KE")
    page.get_by_label("Individual input").check()
    page.get_by_label("Thematic aspects").fill(theme)
    page.get_by_label("C4. Capacity building").check()


def test_submission_before_the_deadline_is_received(page, consultation, axe_source):
    page.goto("/")
    page.get_by_role("link", name="WSIS Forum 2027 Open Consultation").first.click()
    if "/submit/" not in page.url:
        page.get_by_role("link", name="Send an official submission").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Official submission form")
    assert_accessible(page, axe_source)

    fill_submission(page, name="Amina Diallo", email="amina@example.org", theme="Rural access")
    page.get_by_role("button", name="Send the submission").click()

    # Double opt-in: an address typed by an anonymous visitor is confirmed before it counts.
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Check your inbox to confirm your address"
    )
    submission = Submission.objects.get(email="amina@example.org")
    assert submission.thematic_aspects == "Rural access"
    assert list(submission.action_lines.values_list("code", flat=True)) == ["C4"]

    # The private link asks for confirmation first, then shows the submission.
    page.goto(last_link_to("/submissions/", to="amina@example.org"))
    expect(page.locator("main")).not_to_contain_text("Rural access")
    page.get_by_role("button", name="Confirm my address").click()
    expect(page.locator("main")).to_contain_text("Rural access")


def test_submission_sent_after_the_deadline_is_refused(page, consultation):
    deadline = deadline_of(consultation)
    page.goto("/consultations/wsis-2027/submit/")
    fill_submission(page, name="Late Comer", email="late@example.org", theme="Late thoughts")

    # The form was opened in time; it is sent one minute after the deadline.
    with time_machine.travel(deadline + timedelta(minutes=1), tick=True):
        page.get_by_role("button", name="Send the submission").click()
        expect(page.get_by_role("alert")).to_contain_text("has passed")
        expect(page.get_by_role("alert")).to_contain_text("Nothing was saved.")

        # Opening the form again shows it closed.
        page.goto("/consultations/wsis-2027/submit/")
        expect(page.get_by_role("button", name="Send the submission")).to_have_count(0)

    assert not Submission.objects.filter(email="late@example.org").exists()


def test_comment_is_posted_flagged_and_hidden_by_the_secretariat(new_page, consultation):
    topic = DiscussionFactory(consultation=consultation, title="Bridging the gender gap")
    author = StakeholderFactory(profile__full_name="Comment Author")
    reader = StakeholderFactory(profile__full_name="Careful Reader")
    staff = UserFactory(is_staff=True, groups=[SECRETARIAT])
    text = "Buy cheap followers at spam dot example"

    # The author posts a comment.
    author_page = new_page()
    sign_in(author_page, author.email, start=topic.get_absolute_url())
    author_page.get_by_label("Your comment").fill(text)
    author_page.get_by_role("button", name="Post the comment").click()
    expect(author_page.get_by_role("status")).to_contain_text("Your comment is posted.")
    comment = Comment.objects.get(discussion=topic, author=author)
    expect(author_page.locator(f"#comment-{comment.pk}")).to_contain_text(text)

    # Another stakeholder flags it.
    reader_page = new_page()
    sign_in(reader_page, reader.email, start=topic.get_absolute_url())
    reader_page.locator(f"#comment-{comment.pk}").get_by_role(
        "link", name="Flag for moderation"
    ).click()
    reader_page.get_by_label("What is wrong with it?").fill("Advertising")
    reader_page.get_by_role("button", name="Flag the comment").click()
    expect(reader_page.get_by_role("status")).to_contain_text(
        "Thank you. The moderators will look at this comment."
    )
    expect(reader_page.locator(f"#comment-{comment.pk}")).to_contain_text(
        "You flagged this comment."
    )

    # The secretariat hides it from the admin, most flagged first, with a reason.
    admin = new_page()
    admin.goto("/admin/consultations/comment/")
    admin.get_by_label("Email address").fill(staff.email)
    admin.get_by_label("Password").fill(DEFAULT_PASSWORD)
    admin.get_by_role("button", name="Log in").click()
    row = admin.get_by_role("row").filter(has_text=text)
    expect(row).to_contain_text("1")  # flag count
    row.get_by_role("checkbox").check()
    admin.get_by_role("combobox", name="Action").select_option("hide_comments")
    admin.get_by_role("button", name="Go").click()
    admin.get_by_label("Reason").fill("Advertising is not allowed.")
    admin.get_by_role("button", name="Confirm").click()
    expect(admin.locator(".messagelist")).to_contain_text("1 comment updated.")

    # Everyone now sees the moderators' note instead of the text.
    reader_page.reload()
    hidden = reader_page.locator(f"#comment-{comment.pk}")
    expect(hidden).to_contain_text(
        "This comment was hidden by the moderators: Advertising is not allowed."
    )
    expect(hidden).not_to_contain_text(text)
    comment.refresh_from_db()
    assert comment.is_hidden
