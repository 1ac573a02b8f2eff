"""Outcome reports (issue 15, item 4): the owner's form, the deadline, the reminder."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from forum.models import OutcomeReport
from forum.outcomes.services import OUTCOME_REMINDER, outcome_reminders_send
from tests.factories.accounts import StakeholderFactory
from tests.factories.forum import action_line, sdg
from tests.factories.forum_outcomes import (
    OutcomeCallFactory,
    OutcomeReportFactory,
    SessionOwnerFactory,
)
from tests.factories.forum_programme import SessionFactory
from wsis_portal.models import ActivityLog, OutboxMessage
from wsis_portal.outbox import deliver_pending

pytestmark = pytest.mark.django_db

AFTER_SESSION = "2027-05-20 10:00Z"  # the session ended on 10 May; due by 15 June
REMINDER_DAY = "2027-06-08 09:00Z"
AFTER_DEADLINE = "2027-06-15 22:00:01Z"


@pytest.fixture
def owned():
    owner = SessionOwnerFactory(
        session=SessionFactory(action_lines=[action_line("C2")], sdgs=[sdg(9)])
    )
    OutcomeCallFactory(edition=owner.session.edition)
    return owner


def form_url(session) -> str:
    return reverse("forum:outcome_report", args=[session.edition.year, session.pk])


def valid_data(**changes) -> dict:
    data = {
        "key_messages": "Connectivity first.\nSkills next.",
        "recommendations": "Fund community networks.",
        "action_lines": [action_line("C2").pk, action_line("C4").pk],
        "sdgs": [sdg(9).pk],
        "slides_url": "https://example.org/slides.pdf",
        "recording_url": "https://example.org/video",
    }
    data.update(changes)
    return data


@time_machine.travel(AFTER_SESSION, tick=False)
def test_owner_submits_the_report_and_it_is_logged(client, owned):
    client.force_login(owned.user)
    assert client.get(form_url(owned.session)).status_code == 200
    response = client.post(form_url(owned.session), valid_data())
    assert response.status_code == 302
    assert response["Location"].endswith("#outcomes")
    report = OutcomeReport.objects.get(session=owned.session)
    assert report.submitted_by == owned.user
    assert sorted(a.code for a in report.action_lines.all()) == ["C2", "C4"]
    assert report.key_message_lines == ["Connectivity first.", "Skills next."]
    log = ActivityLog.objects.get(action="outcome_report_submit")
    assert log.actor == owned.user and log.after == "submitted"
    page = client.get(owned.session.get_absolute_url()).content.decode()
    assert "Connectivity first." in page and "Edit the outcome report" in page


@time_machine.travel(AFTER_SESSION, tick=False)
def test_owner_edits_the_report_until_the_deadline(client, owned):
    client.force_login(owned.user)
    client.post(form_url(owned.session), valid_data())
    form = client.get(form_url(owned.session)).content.decode()
    assert "Connectivity first." in form
    client.post(form_url(owned.session), valid_data(recommendations="Measure use."))
    assert OutcomeReport.objects.get().recommendations == "Measure use."
    assert ActivityLog.objects.filter(action="outcome_report_submit").count() == 2


@time_machine.travel(AFTER_SESSION, tick=False)
def test_someone_else_cannot_see_or_send_the_form(client, owned):
    client.force_login(StakeholderFactory())
    response = client.get(form_url(owned.session))
    assert response.status_code == 403
    assert "<textarea" not in response.content.decode()
    assert client.post(form_url(owned.session), valid_data()).status_code == 403
    assert not OutcomeReport.objects.exists()


def test_anonymous_visitor_is_sent_to_sign_in(client, owned):
    response = client.get(form_url(owned.session))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@time_machine.travel(AFTER_DEADLINE, tick=False)
def test_a_late_report_is_refused_by_the_clock(client, owned):
    client.force_login(owned.user)
    response = client.get(form_url(owned.session))
    assert response.status_code == 403
    assert "deadline has passed" in response.content.decode()
    assert client.post(form_url(owned.session), valid_data()).status_code == 403
    assert not OutcomeReport.objects.exists()


@time_machine.travel("2027-05-10 07:30Z", tick=False)
def test_no_report_before_the_session_has_taken_place(client, owned):
    client.force_login(owned.user)
    response = client.get(form_url(owned.session))
    assert response.status_code == 403
    assert "once it has taken place" in response.content.decode()


@time_machine.travel(AFTER_SESSION, tick=False)
def test_no_report_before_the_secretariat_sets_a_deadline(client):
    owner = SessionOwnerFactory()
    client.force_login(owner.user)
    assert client.get(form_url(owner.session)).status_code == 403


@time_machine.travel(AFTER_SESSION, tick=False)
@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"slides_url": "not a link"}, "slides_url", "Enter a valid URL."),
        ({"recording_url": "ftp://example.org/x"}, "recording_url", "Enter a valid URL."),
        ({"action_lines": []}, "action_lines", "Tick at least one Action Line"),
        ({"key_messages": ""}, "key_messages", "This field is required."),
        ({"key_messages": "x" * 4001}, "key_messages", "at most 4000 characters"),
    ],
)
def test_bad_input_is_shown_next_to_its_field_and_nothing_is_saved(
    client, owned, changes, field, message
):
    client.force_login(owned.user)
    response = client.post(form_url(owned.session), valid_data(**changes))
    assert response.status_code == 400
    assert any(message in error for error in response.context["form"].errors[field])
    html = response.content.decode()
    assert f'id="id_{field}-error"' in html or f'id="id_{field}-error"' in html.replace("_0", "")
    assert not OutcomeReport.objects.exists()


def test_reminder_goes_once_to_each_owner_without_a_report(owned):
    second_session = SessionFactory(edition=owned.session.edition)
    SessionOwnerFactory(session=second_session, user=owned.user)
    reported = SessionOwnerFactory(session=SessionFactory(edition=owned.session.edition))
    OutcomeReportFactory(session=reported.session)
    with time_machine.travel("2027-06-07 09:00Z", tick=False):
        assert outcome_reminders_send(datetime.now(UTC)) == 0
    with time_machine.travel(REMINDER_DAY, tick=False):
        now = datetime.now(UTC)
        assert outcome_reminders_send(now) == 1
        assert outcome_reminders_send(now + timedelta(hours=1)) == 0
        deliver_pending()
    assert OutboxMessage.objects.filter(purpose=OUTCOME_REMINDER).count() == 1
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [owned.user.email]
    assert owned.session.title in email.body and second_session.title in email.body
    assert form_url(owned.session) in email.body
    with time_machine.travel(AFTER_DEADLINE, tick=False):
        assert outcome_reminders_send(datetime.now(UTC)) == 0


def test_reminder_sends_nothing_when_the_report_came_meanwhile(owned):
    with time_machine.travel(REMINDER_DAY, tick=False):
        outcome_reminders_send(datetime.now(UTC))
        OutcomeReportFactory(session=owned.session)
        deliver_pending()
    assert len(mail.outbox) == 0


@time_machine.travel(AFTER_SESSION, tick=False)
def test_my_page_lists_the_owned_sessions(client, owned):
    client.force_login(owned.user)
    html = client.get(reverse("accounts:my")).content.decode()
    assert owned.session.title in html and form_url(owned.session) in html
