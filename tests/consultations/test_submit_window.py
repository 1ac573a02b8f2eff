"""The submit page and the submit action ask one rule, submission_window_check (issue 17)."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from consultations.enums import PhaseKind
from consultations.selectors import submission_window_check
from tests.factories.consultations import consultation_with_phases, deadline_of
from tests.support.refusals import refused
from wsis_portal.refusals import Refusal

pytestmark = pytest.mark.django_db


def check_message(consultation) -> str | None:
    """What the action's check says now, or None when it lets the submission through."""
    try:
        submission_window_check(consultation=consultation, now=timezone.now())
    except Refusal as refusal:
        return refusal.message
    return None


def page(client, consultation):
    return client.get(reverse("consultations:submit", args=[consultation.slug]))


@pytest.mark.parametrize(
    "moment",
    ["before opening", "open", "one second before the deadline", "at the deadline", "after"],
)
def test_the_page_is_closed_exactly_when_the_check_refuses_and_says_what_it_says(client, moment):
    consultation = consultation_with_phases(opening=timezone.now() + timedelta(days=2))
    opening = consultation.phases.get(number=1).starts_at
    deadline = deadline_of(consultation)
    at = {
        "before opening": opening - timedelta(seconds=1),
        "open": opening,
        "one second before the deadline": deadline - timedelta(seconds=1),
        "at the deadline": deadline,
        "after": deadline + timedelta(days=30),
    }[moment]
    with time_machine.travel(at, tick=False):
        message = check_message(consultation)
        response = page(client, consultation)
    templates = {t.name for t in response.templates}
    if message is None:
        assert "consultations/submit.html" in templates
        assert "consultations/submit_closed.html" not in templates
    else:
        assert "consultations/submit_closed.html" in templates
        assert escape(message) in response.content.decode()


def test_a_consultation_without_a_deadline_phase_is_closed_on_the_page_as_in_the_action(client):
    consultation = consultation_with_phases()
    consultation.phases.filter(kind=PhaseKind.SUBMISSIONS_DEADLINE).delete()
    with refused("closed"):
        submission_window_check(consultation=consultation, now=timezone.now())
    response = page(client, consultation)
    assert "This consultation does not take official submissions." in response.content.decode()
    assert "consultations/submit_closed.html" in {t.name for t in response.templates}
