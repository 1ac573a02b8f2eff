"""Phase reminders are claimed per subscriber: later subscribers are reminded too, once."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from consultations.models import ConsultationPhase
from consultations.reminders import phase_reminders_send
from consultations.services import subscription_set
from tests.factories.accounts import StakeholderFactory
from tests.factories.consultations import DiscussionFactory, consultation_with_phases
from wsis_portal import outbox
from wsis_portal.models import OutboxMessage

pytestmark = pytest.mark.django_db


def _deliver() -> None:
    outbox.deliver_pending()


def test_subscriber_who_joins_after_the_window_opened_is_reminded_once():
    consultation = consultation_with_phases()
    meeting = consultation.phases.get(number=3)
    early = StakeholderFactory(email="early@example.org")
    subscription_set(user=early, consultation=consultation, discussion=None, subscribed=True)
    with time_machine.travel(meeting.starts_at - timedelta(days=3), tick=False):
        assert phase_reminders_send(timezone.now()) == 1
        _deliver()
    assert [m.to for m in mail.outbox] == [["early@example.org"]]
    first_claim = ConsultationPhase.objects.get(pk=meeting.pk).reminder_sent_at

    # A day into the window someone subscribes (to a discussion only): the next tick
    # reminds them, and nobody else a second time.
    late = StakeholderFactory(email="late@example.org")
    topic = DiscussionFactory(consultation=consultation)
    with time_machine.travel(meeting.starts_at - timedelta(days=2), tick=False):
        subscription_set(user=late, consultation=consultation, discussion=topic, subscribed=True)
        assert phase_reminders_send(timezone.now()) == 1
        assert phase_reminders_send(timezone.now()) == 0
        _deliver()
    assert sorted(m.to[0] for m in mail.outbox) == ["early@example.org", "late@example.org"]
    # The first claim's date stays: it says when the reminders started.
    assert ConsultationPhase.objects.get(pk=meeting.pk).reminder_sent_at == first_claim

    # Once the meeting has started nobody is reminded any more.
    latest = StakeholderFactory(email="latest@example.org")
    subscription_set(user=latest, consultation=consultation, discussion=None, subscribed=True)
    with time_machine.travel(meeting.starts_at + timedelta(minutes=1), tick=False):
        assert phase_reminders_send(timezone.now()) == 0


def test_nobody_subscribed_at_the_first_tick_does_not_use_up_the_reminder():
    consultation = consultation_with_phases()
    meeting = consultation.phases.get(number=3)
    with time_machine.travel(meeting.starts_at - timedelta(days=3), tick=False):
        assert phase_reminders_send(timezone.now()) == 0
    assert ConsultationPhase.objects.get(pk=meeting.pk).reminder_sent_at is None
    with time_machine.travel(meeting.starts_at - timedelta(days=1), tick=False):
        user = StakeholderFactory()
        subscription_set(user=user, consultation=consultation, discussion=None, subscribed=True)
        assert phase_reminders_send(timezone.now()) == 1
        _deliver()
    assert [m.to for m in mail.outbox] == [[user.email]]


def test_a_moved_date_is_a_new_window_and_unsubscribing_stops_a_queued_reminder(
    django_capture_on_commit_callbacks,
):
    consultation = consultation_with_phases()
    meeting = consultation.phases.get(number=3)
    stays, leaves = StakeholderFactory(), StakeholderFactory()
    for user in (stays, leaves):
        subscription_set(user=user, consultation=consultation, discussion=None, subscribed=True)
    with time_machine.travel(meeting.starts_at - timedelta(days=2), tick=False):
        # Queued but not delivered (no on-commit callbacks run): then one unsubscribes.
        assert phase_reminders_send(timezone.now()) == 2
        subscription_set(user=leaves, consultation=consultation, discussion=None, subscribed=False)
        _deliver()
    assert [m.to for m in mail.outbox] == [[stays.email]]
    assert OutboxMessage.objects.filter(status="sent").count() == 2  # one had nothing to send

    # The Secretariat moves the meeting a day later: still subscribed people hear of it.
    ConsultationPhase.objects.filter(pk=meeting.pk).update(
        starts_at=meeting.starts_at + timedelta(days=1), ends_at=meeting.ends_at + timedelta(days=1)
    )
    with time_machine.travel(meeting.starts_at - timedelta(days=1), tick=False):
        assert phase_reminders_send(timezone.now()) == 1
        assert phase_reminders_send(timezone.now()) == 0
        _deliver()
    assert [m.to[0] for m in mail.outbox] == [stays.email, stays.email]


def test_a_draft_consultation_reminds_nobody():
    consultation = consultation_with_phases()
    meeting = consultation.phases.get(number=3)
    subscription_set(
        user=StakeholderFactory(), consultation=consultation, discussion=None, subscribed=True
    )
    type(consultation).objects.filter(pk=consultation.pk).update(published_at=None)
    with time_machine.travel(meeting.starts_at - timedelta(days=2), tick=False):
        assert phase_reminders_send(timezone.now()) == 0
