import re
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from consultations.enums import PhaseKind
from consultations.models import CommentDelivery, ConsultationPhase, Subscription
from consultations.reminders import phase_reminders_send
from consultations.services import comment_digests_queue, subscription_set
from tests.conftest import wait_for
from tests.factories.accounts import StakeholderFactory
from tests.factories.consultations import (
    CommentFactory,
    DiscussionFactory,
    SubscriptionFactory,
    consultation_with_phases,
)
from wsis_portal import outbox
from wsis_portal.models import OutboxMessage, OutboxStatus


@pytest.mark.django_db
def test_subscriber_gets_new_comments_batched_and_never_twice(
    django_capture_on_commit_callbacks,
):
    subscription = SubscriptionFactory()
    topic = subscription.discussion
    CommentFactory(
        discussion=topic, body="Before subscribing", created_at=timezone.now() - timedelta(days=1)
    )
    CommentFactory(discussion=topic, body="First new comment")
    CommentFactory(discussion=topic, body="Second new comment")
    CommentFactory(discussion=topic, author=subscription.user, body="My own comment")
    CommentFactory(discussion=topic, body="Hidden comment", is_hidden=True)

    with django_capture_on_commit_callbacks(execute=True):
        assert comment_digests_queue(timezone.now()) == 1  # the eager task sends the digest
    with django_capture_on_commit_callbacks(execute=True):
        assert comment_digests_queue(timezone.now()) == 0
    assert outbox.deliver_pending() == 0

    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert mail.outbox[0].to == [subscription.user.email]
    assert "First new comment" in body and "Second new comment" in body
    assert "Before subscribing" not in body
    assert "My own comment" not in body and "Hidden comment" not in body
    assert CommentDelivery.objects.filter(subscription=subscription).count() == 2

    CommentFactory(discussion=topic, body="Third new comment")
    with django_capture_on_commit_callbacks(execute=True):
        comment_digests_queue(timezone.now())
    assert len(mail.outbox) == 2
    assert "Third new comment" in mail.outbox[1].body
    assert "First new comment" not in mail.outbox[1].body


@pytest.mark.django_db
def test_subscribe_and_unsubscribe_through_the_page(stakeholder_client):
    topic = DiscussionFactory(consultation=consultation_with_phases())
    url = reverse("consultations:discussion_subscribe", args=[topic.consultation.slug, topic.pk])
    stakeholder_client.post(url, {"subscribe": "1"})
    stakeholder_client.post(url, {"subscribe": "1"})
    assert Subscription.objects.filter(discussion=topic).count() == 1
    stakeholder_client.post(url, {"subscribe": "0"})
    assert not Subscription.objects.filter(discussion=topic).exists()


@pytest.mark.django_db
def test_phase_reminders_sent_exactly_once_before_meeting_and_deadline(
    django_capture_on_commit_callbacks,
):
    consultation = consultation_with_phases()
    users = [StakeholderFactory(), StakeholderFactory()]
    for user in users:
        subscription_set(user=user, consultation=consultation, discussion=None, subscribed=True)
    # A discussion subscriber is reminded too, once.
    topic = DiscussionFactory(consultation=consultation)
    subscription_set(user=users[0], consultation=consultation, discussion=topic, subscribed=True)
    meeting = consultation.phases.get(number=3)
    deadline = consultation.phases.get(kind=PhaseKind.SUBMISSIONS_DEADLINE)

    with time_machine.travel(meeting.starts_at - timedelta(days=5), tick=False):
        assert phase_reminders_send(timezone.now()) == 0  # too early
    with time_machine.travel(meeting.starts_at - timedelta(days=2), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            assert phase_reminders_send(timezone.now()) == 2
            assert phase_reminders_send(timezone.now()) == 0
        assert outbox.deliver_pending() == 0
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in users)
    assert "Second physical meeting" in mail.outbox[0].subject
    assert "ITU Headquarters" in mail.outbox[0].body
    meeting.refresh_from_db()
    assert meeting.reminder_sent_at is not None

    mail.outbox.clear()
    with time_machine.travel(deadline.ends_at - timedelta(days=1), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            assert phase_reminders_send(timezone.now()) == 2
            assert phase_reminders_send(timezone.now()) == 0
    assert len(mail.outbox) == 2
    assert "submissions deadline" in mail.outbox[0].body


@pytest.mark.django_db
def test_phase_reminder_not_sent_after_the_date_passed():
    consultation = consultation_with_phases()
    subscription_set(
        user=StakeholderFactory(), consultation=consultation, discussion=None, subscribed=True
    )
    meeting = consultation.phases.get(number=2)
    with time_machine.travel(meeting.starts_at + timedelta(hours=1), tick=False):
        phase_reminders_send(timezone.now())
    assert mail.outbox == []
    assert ConsultationPhase.objects.get(pk=meeting.pk).reminder_sent_at is None


@pytest.fixture
def mail_dir(monkeypatch, tmp_path):
    """Emails of a worker started after this fixture are written here, one file per send.

    Request it before ``celery_worker`` so the worker process inherits ``EMAIL_URL``.
    """
    directory = tmp_path / "mail"
    directory.mkdir()
    monkeypatch.setenv("EMAIL_URL", f"filemail:///{directory}")
    return directory


def _subjects(mail_dir: Path) -> list[str]:
    return [
        line
        for path in mail_dir.iterdir()
        for line in path.read_text(errors="replace").splitlines()
        if line.startswith("Subject:")
    ]


@pytest.mark.services
def test_real_worker_delivers_a_comment_once_when_the_tick_runs_twice(mail_dir, celery_worker):
    from wsis_portal.tasks import tick

    worker = celery_worker
    subscription = SubscriptionFactory()
    comment = CommentFactory(discussion=subscription.discussion, body="Worker comment")

    tick.delay()
    tick.delay()

    def all_tasks_finished():
        # Both ticks ran and every task the worker took from Redis has finished (a digest
        # may run inside its tick, since the worker's settings run nested tasks eagerly).
        log = worker.output()
        received = set(re.findall(r"\[([0-9a-f-]{36})\] received", log))
        finished = set(re.findall(r"\[([0-9a-f-]{36})\] (?:succeeded|raised)", log))
        ticks = re.findall(r"tasks\.tick\[[0-9a-f-]{36}\] succeeded", log)
        return len(ticks) >= 2 and received <= finished

    try:
        wait_for(all_tasks_finished, timeout=60)
        wait_for(lambda: _subjects(mail_dir), timeout=10)
    except AssertionError:
        pytest.fail(
            f"no digest (deliveries={CommentDelivery.objects.count()}, files={list(mail_dir.iterdir())}):\n"
            + worker.output()[-3000:]
        )
    assert " raised " not in worker.output()
    assert CommentDelivery.objects.filter(subscription=subscription, comment=comment).count() == 1
    subjects = _subjects(mail_dir)
    assert len(subjects) == 1, subjects
    text = "".join(path.read_text(errors="replace") for path in mail_dir.iterdir())
    assert f"To: {subscription.user.email}" in text
    assert "Worker comment" in text


@pytest.mark.django_db
def test_phase_reminder_failing_half_way_resends_only_to_those_not_reached(
    settings, django_capture_on_commit_callbacks
):
    consultation = consultation_with_phases()
    reached = StakeholderFactory(email="a-reached@example.org")
    failing = StakeholderFactory(email="fail-later@example.org")
    for user in (reached, failing):
        subscription_set(user=user, consultation=consultation, discussion=None, subscribed=True)
    meeting = consultation.phases.get(number=3)
    settings.EMAIL_BACKEND = "tests.support.failing_email.FailsForSomeBackend"
    with time_machine.travel(meeting.starts_at - timedelta(days=2), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            assert phase_reminders_send(timezone.now()) == 2
        assert [m.to for m in mail.outbox] == [["a-reached@example.org"]]
        waiting = OutboxMessage.objects.get(status=OutboxStatus.PENDING)
        assert waiting.to_email == "fail-later@example.org"
        assert "mailbox unavailable" in waiting.last_error
        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        assert outbox.deliver_pending() == 0  # it backs off before the next attempt
        assert outbox.deliver_pending(now=waiting.next_attempt_at) == 1
        assert phase_reminders_send(timezone.now()) == 0
    assert sorted(m.to[0] for m in mail.outbox) == [
        "a-reached@example.org",
        "fail-later@example.org",
    ]
