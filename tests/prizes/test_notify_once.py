"""Prize emails reach each person once, even when their task is delivered twice."""

import pytest
from django.core import mail
from django.utils import timezone

from accounts.roles import EXPERT_GROUP
from prizes import tasks
from tests.factories.accounts import UserFactory
from tests.factories.prizes import contest_at
from wsis_portal.mail import email_send_once

pytestmark = pytest.mark.django_db


def test_expert_group_is_notified_once_when_the_task_runs_twice():
    contest = contest_at(timezone.now())
    UserFactory(groups=[EXPERT_GROUP])
    UserFactory(groups=[EXPERT_GROUP])
    assert tasks.expert_group_notify(contest.pk) == 2
    assert tasks.expert_group_notify(contest.pk) == 0
    assert len(mail.outbox) == 2


def test_a_failed_send_leaves_no_ledger_row_so_a_retry_sends(settings):
    settings.EMAIL_BACKEND = "tests.support.failing_email.EmailBackend"
    with pytest.raises(ConnectionRefusedError):
        email_send_once(key="test:retry", subject="s", body="b", to="a@example.org")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert email_send_once(key="test:retry", subject="s", body="b", to="a@example.org")
    assert len(mail.outbox) == 1
