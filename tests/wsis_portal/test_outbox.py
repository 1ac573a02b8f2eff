"""The transactional outbox: written with the change, delivered once, never raising."""

import threading
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from tests.factories.accounts import UserFactory
from wsis_portal import outbox
from wsis_portal.mail import Email
from wsis_portal.models import OutboxMessage, OutboxStatus, SentEmail
from wsis_portal.registry import registry

pytestmark = pytest.mark.django_db

CALLS: list[int] = []


def _hello(message):
    CALLS.append(message.pk)
    return Email(subject="Hello", body=f"Message {message.data.get('n')}", to=message.to_email)


def _broken(message):
    raise ConnectionRefusedError("mail server unreachable")


@pytest.fixture(autouse=True)
def test_purposes():
    CALLS.clear()
    registry.add_outbox("test.hello", _hello)
    registry.add_outbox("test.broken", _broken)
    yield
    for purpose in ("test.hello", "test.broken"):
        registry.outbox.pop(purpose, None)


def test_a_message_commits_and_rolls_back_with_the_change():
    with pytest.raises(RuntimeError), transaction.atomic():
        outbox.add(purpose="test.hello", to="a@example.org")
        raise RuntimeError("the change failed")
    assert not OutboxMessage.objects.exists()
    with transaction.atomic():
        outbox.add(purpose="test.hello", to="a@example.org")
    assert OutboxMessage.objects.get().status == OutboxStatus.PENDING


def test_fast_path_delivers_on_commit_through_the_ledger(django_capture_on_commit_callbacks):
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        message = outbox.add(purpose="test.hello", obj=user, to=user, data={"n": 1})
        assert mail.outbox == []  # nothing leaves before the commit
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT and message.delivered_at
    assert message.attempts == 1
    assert message.recipient == user and message.obj == user
    assert [m.to for m in mail.outbox] == [[user.email]]
    assert SentEmail.objects.filter(key=message.ledger_key).exists()
    # A re-delivered task, or the periodic path, sends nothing more.
    assert outbox.deliver(message_id=message.pk) is False
    assert outbox.deliver_pending() == 0
    assert len(mail.outbox) == 1 and CALLS == [message.pk]


def test_an_unknown_purpose_is_refused_when_added():
    with pytest.raises(ValueError):
        outbox.add(purpose="test.nobody-handles-this", to="a@example.org")


def test_a_second_add_with_the_same_key_is_ignored_inside_a_usable_transaction():
    with transaction.atomic():
        first = outbox.add(purpose="test.hello", to="a@example.org", key="test:k")
        second = outbox.add(purpose="test.hello", to="a@example.org", key="test:k")
        assert second is None and first is not None
        assert OutboxMessage.objects.count() == 1  # the transaction still works


def test_fast_path_never_raises_when_the_broker_is_down(broker_down, caplog):
    with transaction.atomic():
        message = outbox.add(purpose="test.hello", to="a@example.org")
    # Outside a test transaction the commit ran the fast path; it failed quietly.
    assert outbox.send_fast(message.pk) is False
    assert "broker unreachable" in caplog.text
    assert OutboxMessage.objects.get().status == OutboxStatus.PENDING
    assert outbox.deliver_pending() == 1
    assert len(mail.outbox) == 1


def test_failures_back_off_then_give_up_and_the_admin_can_retry(settings):
    settings.OUTBOX_MAX_ATTEMPTS = 3
    message = outbox.add(purpose="test.broken", to="a@example.org")
    start = timezone.now()
    assert outbox.deliver(message_id=message.pk, now=start) is False
    message.refresh_from_db()
    assert message.attempts == 1 and message.status == OutboxStatus.PENDING
    assert "ConnectionRefusedError: mail server unreachable" in message.last_error
    assert message.next_attempt_at == start + timedelta(seconds=settings.OUTBOX_RETRY_BASE)
    # Not due yet: neither path touches it.
    assert outbox.deliver_pending(now=start + timedelta(seconds=1)) == 0
    assert outbox.deliver_pending(now=message.next_attempt_at) == 0
    message.refresh_from_db()
    assert message.attempts == 2
    assert message.next_attempt_at == start + timedelta(seconds=3 * settings.OUTBOX_RETRY_BASE)
    outbox.deliver_pending(now=message.next_attempt_at)
    message.refresh_from_db()
    assert message.status == OutboxStatus.FAILED and message.attempts == 3
    assert outbox.deliver_pending(now=start + timedelta(days=1)) == 0

    registry.outbox["test.broken"] = _hello  # the mail server is back
    assert outbox.retry(message_ids=[message.pk]) == 1
    assert outbox.deliver_pending() == 1
    assert len(mail.outbox) == 1


def test_retry_delay_doubles_up_to_the_cap(settings):
    settings.OUTBOX_RETRY_BASE = 60
    settings.OUTBOX_RETRY_MAX = 3600
    delays = [outbox.retry_delay(n).total_seconds() for n in range(1, 9)]
    assert delays == [60, 120, 240, 480, 960, 1920, 3600, 3600]


def test_a_failed_send_leaves_no_ledger_row(settings):
    settings.EMAIL_BACKEND = "tests.support.failing_email.EmailBackend"
    message = outbox.add(purpose="test.hello", to="a@example.org")
    assert outbox.deliver(message_id=message.pk) is False
    assert not SentEmail.objects.exists()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert outbox.deliver(message_id=message.pk, now=timezone.now() + timedelta(hours=1))
    assert SentEmail.objects.count() == 1 and len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_two_deliverers_at_once_deliver_a_row_once(postgres):
    """Both start together; the row lock (SKIP LOCKED) leaves the message to one of them."""
    # Written without the fast path, as when the broker was down.
    ids = [
        OutboxMessage.objects.create(purpose="test.hello", to_email=f"u{i}@example.org").pk
        for i in range(20)
    ]
    barrier = threading.Barrier(2)
    delivered = []

    def run():
        try:
            barrier.wait()
            delivered.append(outbox.deliver_pending())
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(delivered) == 20
    assert sorted(CALLS) == ids
    assert len(mail.outbox) == 20
    assert SentEmail.objects.count() == 20


def test_healthz_shows_the_oldest_pending_message_and_fails_when_too_old(client, settings):
    from wsis_portal.tasks import heartbeat

    heartbeat()
    settings.OUTBOX_MAX_PENDING_AGE = 600
    outbox.add(purpose="test.hello", to="a@example.org")
    with time_machine.travel(timezone.now() + timedelta(seconds=120), tick=False):
        heartbeat()
        response = client.get("/healthz")
        assert response.status_code == 200, response.json()
        assert response.json()["outbox"] == {
            "pending": 1,
            "failed": 0,
            "oldest_pending_age_seconds": 120,
        }
    with time_machine.travel(timezone.now() + timedelta(seconds=700), tick=False):
        heartbeat()
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["outbox"] == (
        "oldest pending outbox message 700 s old (1 pending)"
    )


def test_admin_lists_messages_with_the_oldest_pending_age_and_hides_secrets(
    admin_client,
):
    outbox.add(purpose="test.hello", to="a@example.org", secret={"link": "https://x/SECRET"})
    with time_machine.travel(timezone.now() + timedelta(minutes=7), tick=False):
        response = admin_client.get(reverse("admin:wsis_portal_outboxmessage_changelist"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "the oldest was written 7 minutes ago" in content
    message = OutboxMessage.objects.get()
    detail = admin_client.get(
        reverse("admin:wsis_portal_outboxmessage_change", args=[message.pk])
    ).content.decode()
    assert "a@example.org" in detail and "SECRET" not in detail


def test_admin_action_delivers_again(admin_client, settings):
    settings.OUTBOX_MAX_ATTEMPTS = 1
    message = outbox.add(purpose="test.broken", to="a@example.org")
    outbox.deliver(message_id=message.pk)
    message.refresh_from_db()
    assert message.status == OutboxStatus.FAILED
    registry.outbox["test.broken"] = _hello
    response = admin_client.post(
        reverse("admin:wsis_portal_outboxmessage_changelist"),
        {"action": "retry_now", "_selected_action": [message.pk], "confirm": "yes"},
        follow=True,
    )
    assert "1 message queued for delivery." in response.content.decode()
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT
    assert len(mail.outbox) == 1


def test_periodic_delivery_stops_at_its_time_budget(settings):
    settings.OUTBOX_BATCH_SECONDS = 0
    for i in range(3):
        OutboxMessage.objects.create(purpose="test.hello", to_email=f"u{i}@example.org")
    # A zero budget lets the first message through and leaves the rest to the next run.
    assert outbox.deliver_pending() <= 1
    settings.OUTBOX_BATCH_SECONDS = 60
    assert outbox.deliver_pending() >= 2
    assert OutboxMessage.objects.filter(status=OutboxStatus.SENT).count() == 3
