from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.selectors import my_sections
from consultations.models import Consultation, Nomination
from consultations.selectors import consultation_get, process_state
from tests.factories.consultations import (
    SubmissionFactory,
    SubscriptionFactory,
    consultation_with_phases,
    deadline_of,
    phase_dates,
)
from wsis_portal.selectors import open_items

pytestmark = pytest.mark.django_db


def test_timeline_shows_six_phases_with_roman_numerals_and_current_marked(client):
    consultation = consultation_with_phases()
    html = client.get(consultation.get_absolute_url()).content.decode()
    for label in ("Phase I", "Phase II", "Phase III", "Phase IV", "Phase V", "Phase VI"):
        assert label in html
    assert html.count('aria-current="step"') == 1
    current_start = html.index('aria-current="step"')
    assert "Opening of the open consultations" in html[current_start : current_start + 400]
    assert "Send an official submission" in html
    # The next meeting is Phase II, with its venue and remote participation link.
    assert "Next meeting" in html
    assert "ITU Headquarters, Geneva" in html
    assert "https://remote.example.org/room" in html


def test_current_phase_and_next_meeting_follow_the_clock():
    consultation = consultation_with_phases()
    dates = phase_dates(consultation.phases.get(number=1).starts_at)
    with time_machine.travel(dates[3][1] + timedelta(hours=1), tick=False):
        state = process_state(
            consultation=consultation_get(slug=consultation.slug), now=timezone.now()
        )
        assert state.current.number == 3
        assert state.next_meeting.number == 5
        assert state.submissions_open
    with time_machine.travel(dates[6][0], tick=False):
        state = process_state(
            consultation=consultation_get(slug=consultation.slug), now=timezone.now()
        )
        assert state.current.number == 6
        assert not state.submissions_open
        assert state.final_brief_public
        assert state.next_meeting is None
    with time_machine.travel(dates[1][0] - timedelta(seconds=1), tick=False):
        state = process_state(
            consultation=consultation_get(slug=consultation.slug), now=timezone.now()
        )
        assert state.current is None and not state.has_started


def test_timeline_query_budget_is_constant(client, django_assert_max_num_queries):
    consultation = consultation_with_phases()
    with django_assert_max_num_queries(4) as captured:
        client.get(consultation.get_absolute_url())
    assert len(captured.captured_queries) <= 4


def test_consultation_list_query_budget(client, django_assert_max_num_queries):
    consultation_with_phases()
    with django_assert_max_num_queries(3) as one:
        client.get(reverse("consultations:list"))
    consultation_with_phases()
    consultation_with_phases()
    with django_assert_max_num_queries(3) as three:
        client.get(reverse("consultations:list"))
    assert len(one.captured_queries) == len(three.captured_queries)


def test_unknown_consultation_is_404(client):
    assert client.get("/consultations/nope/").status_code == 404


def test_home_lists_open_submission_window_and_next_meeting(client):
    consultation = consultation_with_phases()
    items = open_items(now=timezone.now())
    submit = [i for i in items if i.url.endswith("/submit/")]
    assert submit and submit[0].deadline == deadline_of(consultation)
    meeting = [i for i in items if "Phase II" in i.title]
    assert meeting and meeting[0].opens_at == consultation.phases.get(number=2).starts_at
    html = client.get("/").content.decode()
    assert consultation.title in html


def test_my_page_lists_own_submissions_and_subscriptions(stakeholder_client, stakeholder):
    mine = SubmissionFactory(user=stakeholder, organisation_name="My own org")
    SubmissionFactory(organisation_name="Somebody else's org")
    SubscriptionFactory(user=stakeholder)
    sections = my_sections(user=stakeholder)
    titles = [s.title for s in sections]
    assert "My consultation submissions" in titles
    html = stakeholder_client.get("/my/").content.decode()
    assert "My own org" in html and "Somebody else" not in html
    assert mine.consultation.title in html


def test_nomination_accepted_until_its_own_deadline(stakeholder_client):
    consultation = consultation_with_phases(nominations_deadline=timezone.now() + timedelta(days=2))
    url = reverse("consultations:nominate", args=[consultation.slug])
    data = {
        "nominee_name": "Dr Jane Doe",
        "nominee_email": "jane@example.org",
        "organisation": "Civil Society Coordination Mechanism",
        "stakeholder_group": "civil_society",
        "justification": "Experienced moderator of WSIS sessions.",
    }
    assert stakeholder_client.post(url, {**data, "justification": ""}).status_code == 200
    assert Nomination.objects.count() == 0
    assert stakeholder_client.post(url, data).status_code == 302
    assert Nomination.objects.get().nominated_by == stakeholder_client.user
    with time_machine.travel(consultation.nominations_deadline + timedelta(seconds=1), tick=False):
        response = stakeholder_client.post(url, data)
    assert response.status_code == 403
    assert Nomination.objects.count() == 1


def test_nomination_needs_sign_in(client):
    consultation = consultation_with_phases(nominations_deadline=timezone.now() + timedelta(days=2))
    response = client.get(reverse("consultations:nominate", args=[consultation.slug]))
    assert response.status_code == 302


def test_seed_demo_is_idempotent_and_opens_a_window_now(client):
    call_command("seed_demo", only=["consultations"])
    call_command("seed_demo", only=["consultations"])
    assert Consultation.objects.count() == 2
    current = consultation_get(slug="wsis-forum-open-consultation")
    state = process_state(consultation=current, now=timezone.now())
    assert state.submissions_open and current.phases.count() == 6
    assert current.discussions.count() == 2
    assert all(d.comments.exists() for d in current.discussions.all())
    past = consultation_get(slug="wsis-forum-past-open-consultation")
    assert process_state(consultation=past, now=timezone.now()).final_brief_public
    brief = client.get(reverse("consultations:final_brief", args=[past.slug]))
    assert brief.status_code == 200
    assert brief.context["brief"]["total"] > 0
