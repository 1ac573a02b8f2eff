"""Prize emails reach each person once, even when their task is delivered twice."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from accounts.roles import EXPERT_GROUP
from prizes.emails import EXPERTS_READY
from prizes.enums import PhaseKind
from prizes.models import ContestPhase
from prizes.services import contest_voting_close
from tests.factories.accounts import UserFactory
from tests.factories.prizes import contest_at
from wsis_portal import outbox
from wsis_portal.mail import email_send_once
from wsis_portal.models import OutboxMessage
from wsis_portal.tasks import outbox_deliver

pytestmark = pytest.mark.django_db


def test_expert_group_is_notified_once_when_the_delivery_runs_twice(
    django_capture_on_commit_callbacks,
):
    contest = contest_at(timezone.now(), PhaseKind.VOTING)
    UserFactory(groups=[EXPERT_GROUP])
    UserFactory(groups=[EXPERT_GROUP])
    voting = ContestPhase.objects.get(contest=contest, kind=PhaseKind.VOTING)
    with time_machine.travel(voting.ends_at + timedelta(seconds=1), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            assert contest_voting_close(phase_id=voting.pk) is True
        ids = list(OutboxMessage.objects.filter(purpose=EXPERTS_READY).values_list("pk", flat=True))
        assert len(ids) == 2
        # A re-delivered task and the periodic delivery find nothing left to send.
        assert [outbox_deliver(message_id) for message_id in ids] == [False, False]
        assert outbox.deliver_pending() == 0
    assert len(mail.outbox) == 2


def test_a_failed_send_leaves_no_ledger_row_so_a_retry_sends(settings):
    settings.EMAIL_BACKEND = "tests.support.failing_email.EmailBackend"
    with pytest.raises(ConnectionRefusedError):
        email_send_once(key="test:retry", subject="s", body="b", to="a@example.org")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert email_send_once(key="test:retry", subject="s", body="b", to="a@example.org")
    assert len(mail.outbox) == 1
