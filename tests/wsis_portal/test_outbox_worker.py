"""Side effects survive a broker that is down and a worker killed mid-delivery (issue 11).

Real PostgreSQL, a real Celery worker on Redis, its emails written to files by the
worker process itself: what is counted here is what left the portal.
"""

from __future__ import annotations

import email
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection, connections
from django.urls import reverse
from django.utils import timezone

from accounts.roles import EXPERT_GROUP
from consultations.models import ConsultationPhase
from consultations.services import subscription_set
from forum.models import Registration
from prizes.enums import PhaseKind, ProjectStatus
from prizes.models import ContestPhase, Project
from stocktaking.enums import EntryStatus, RevisionKind, RevisionStatus
from stocktaking.models import EntryRevision
from tests.conftest import CLOSED_BROKER_URL, broker_use, start_worker, wait_for
from tests.consultations.test_submissions import form_data
from tests.factories.accounts import StakeholderFactory, UserFactory
from tests.factories.consultations import consultation_with_phases
from tests.factories.forum_programme import EditionFactory
from tests.factories.prizes import ProjectFactory, contest_at
from tests.factories.stocktaking import EntryFactory
from wsis_portal import tasks as portal_tasks
from wsis_portal.models import OutboxMessage, OutboxStatus, SentEmail

pytestmark = pytest.mark.services


@pytest.fixture
def worker_mail_dir(monkeypatch, tmp_path) -> Path:
    """A worker started after this fixture writes each email it sends to a file here."""
    directory = tmp_path / "mail"
    directory.mkdir()
    monkeypatch.setenv("EMAIL_URL", f"filemail:///{directory}")
    return directory


def sent_to(mail_dir: Path) -> list[str]:
    """The recipient of every email written by the worker's file backend, one per email."""
    separator = "\n" + "-" * 79 + "\n"
    recipients = []
    for path in sorted(mail_dir.iterdir()):
        for chunk in path.read_text(errors="replace").split(separator):
            if chunk.strip():
                recipients.append(email.message_from_string(chunk)["To"])
    return sorted(recipients)


@pytest.fixture
def broker(transactional_db, postgres, redis_broker):
    """This process sends tasks through Redis (not eagerly); ``broker_use`` switches it off."""
    broker_use(redis_broker)
    yield redis_broker
    broker_use(redis_broker, eager=True)


def _pending() -> int:
    return OutboxMessage.objects.filter(status=OutboxStatus.PENDING).count()


def test_broker_down_every_action_answers_and_commits_then_each_email_leaves_once(
    broker, worker_mail_dir, tmp_path, client
):
    now = timezone.now()
    # --- what the actions act on ------------------------------------------------------
    edition = EditionFactory(
        registration_opens_at=now - timedelta(days=1),
        registration_closes_at=now + timedelta(days=30),
    )
    registrant = StakeholderFactory(email="registrant@example.org")
    secretariat = UserFactory(is_staff=True, is_superuser=True)
    owner = StakeholderFactory(email="entry-owner@example.org")
    entry = EntryFactory(title="Broker-down entry", submitter=owner, status=EntryStatus.SUBMITTED)
    revision = EntryRevision.objects.create(
        entry=entry, kind=RevisionKind.SUBMISSION, proposed_by=owner
    )
    open_consultation = consultation_with_phases()
    reminded = consultation_with_phases(opening=now - timedelta(days=400))
    ConsultationPhase.objects.filter(consultation=reminded, number=3).update(
        starts_at=now + timedelta(days=1), ends_at=now + timedelta(days=2)
    )
    follower = StakeholderFactory(email="follower@example.org")
    subscription_set(user=follower, consultation=reminded, discussion=None, subscribed=True)
    contest = contest_at(now, PhaseKind.NOMINATION)
    ProjectFactory(contest=contest, submitter=StakeholderFactory(email="nominated@example.org"))
    ProjectFactory(
        contest=contest,
        status=ProjectStatus.NOT_NOMINATED,
        status_reason="Out of scope",
        submitter=StakeholderFactory(email="not-nominated@example.org"),
    )
    UserFactory(email="expert@example.org", groups=[EXPERT_GROUP])
    voting = ContestPhase.objects.get(contest=contest, kind=PhaseKind.VOTING)
    ContestPhase.objects.filter(pk=voting.pk).update(starts_at=now - timedelta(minutes=1))

    # --- the broker goes down; every action answers and commits -----------------------
    broker_use(CLOSED_BROKER_URL)
    client.force_login(registrant)
    started = time.monotonic()
    response = client.post(reverse("forum:register", args=[edition.year]), {"mode": "remote"})
    assert response.status_code == 302
    # kombu's default publish retries would hold the request for about 6 s.
    assert time.monotonic() - started < 5
    assert Registration.objects.filter(user=registrant, edition=edition).exists()

    client.force_login(secretariat)
    queue = reverse("admin:stocktaking_moderationitem_changelist")
    response = client.post(
        queue,
        {
            "action": "publish_selected",
            "_selected_action": [revision.pk],
            "apply": "1",
            "reason": "Welcome.",
        },
    )
    assert response.status_code == 302
    assert EntryRevision.objects.get(pk=revision.pk).status == RevisionStatus.PUBLISHED

    client.logout()
    response = client.post(
        reverse("consultations:submit", args=[open_consultation.slug]),
        form_data(email="submitter@example.org"),
    )
    assert response.status_code == 302

    # The beat tick, as the worker runs it: the consultation's reminder and voting opening.
    done = portal_tasks.tick()
    assert "prizes" in done and "consultations.phase_reminders" in done
    assert ConsultationPhase.objects.get(consultation=reminded, number=3).reminder_sent_at
    voting.refresh_from_db()
    assert voting.transition_applied_at is not None  # voting opened, and it committed
    ContestPhase.objects.filter(pk=voting.pk).update(ends_at=timezone.now() - timedelta(seconds=1))
    portal_tasks.tick()
    voting.refresh_from_db()
    assert voting.end_applied_at is not None  # voting closed
    assert Project.objects.filter(contest=contest, status=ProjectStatus.CHAMPION).exists()

    expected = sorted(
        [
            "registrant@example.org",
            "entry-owner@example.org",
            "submitter@example.org",
            "follower@example.org",
            "nominated@example.org",
            "not-nominated@example.org",
            "expert@example.org",
        ]
    )
    assert SentEmail.objects.count() == 0
    assert _pending() >= len(expected)  # the emails, and the live tally's recount

    # --- the broker is back: beat's periodic delivery sends each email once -----------
    broker_use(broker)
    worker = start_worker(tmp_path, name="back")
    try:
        portal_tasks.outbox_deliver_pending.delay()
        portal_tasks.outbox_deliver_pending.delay()  # two beats at once
        wait_for(lambda: _pending() == 0, timeout=90)
        # Re-deliveries of every message (a duplicated fast-path task) send nothing more.
        for message_id in OutboxMessage.objects.values_list("pk", flat=True):
            portal_tasks.outbox_deliver.delay(message_id)
        portal_tasks.outbox_deliver_pending.delay()
        wait_for(lambda: worker.output().count("succeeded") >= 3 + OutboxMessage.objects.count())
    finally:
        worker.stop()
    assert " raised " not in worker.output(), worker.output()[-3000:]
    assert sent_to(worker_mail_dir) == expected
    assert SentEmail.objects.count() == len(expected)
    assert not OutboxMessage.objects.exclude(status=OutboxStatus.SENT).exists()


def test_worker_killed_mid_delivery_still_sends_once(broker, worker_mail_dir, tmp_path):
    from forum.programme.services import registration_create

    now = timezone.now()
    edition = EditionFactory(
        registration_opens_at=now - timedelta(days=1),
        registration_closes_at=now + timedelta(days=30),
    )
    user = StakeholderFactory(email="killed@example.org")
    broker_use(CLOSED_BROKER_URL)  # written while the broker is down: the row waits
    registration = registration_create(edition=edition, user=user, mode="remote")
    message = OutboxMessage.objects.get(object_id=registration.pk)
    broker_use(broker)
    first = start_worker(tmp_path, name="first")
    blocker = connections.create_connection("default")
    try:
        with blocker.cursor() as cursor:
            cursor.execute("BEGIN")
            # Holding the registration makes the worker wait inside the delivery: the
            # message is locked and its email rendered, not yet sent.
            cursor.execute(
                "SELECT id FROM forum_registration WHERE id = %s FOR UPDATE", [registration.pk]
            )
            portal_tasks.outbox_deliver.delay(message.pk)

            def worker_waiting():
                with connection.cursor() as probe:
                    probe.execute(
                        "SELECT count(*) FROM pg_stat_activity "
                        "WHERE wait_event_type = 'Lock' AND datname = current_database()"
                    )
                    return probe.fetchone()[0] > 0

            wait_for(worker_waiting, timeout=30)
            first.kill()
            cursor.execute("ROLLBACK")
    finally:
        blocker.close()
        first.stop()
    message.refresh_from_db()
    assert message.status == OutboxStatus.PENDING  # the delivery died with the worker
    assert sent_to(worker_mail_dir) == []
    assert not SentEmail.objects.exists()

    second = start_worker(tmp_path, name="second")
    try:
        portal_tasks.outbox_deliver_pending.delay()
        portal_tasks.outbox_deliver.delay(message.pk)
        wait_for(lambda: _pending() == 0, timeout=60)
        portal_tasks.outbox_deliver_pending.delay()
        wait_for(lambda: second.output().count("succeeded") >= 3)
    finally:
        second.stop()
    assert sent_to(worker_mail_dir) == ["killed@example.org"]
    assert SentEmail.objects.filter(key=message.ledger_key).count() == 1
    assert Registration.objects.get(pk=registration.pk).confirmation_sent_at is not None
