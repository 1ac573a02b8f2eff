from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from stocktaking import services
from stocktaking.emails import REVISION_DECIDED
from stocktaking.enums import CallKind, EntryStatus, RevisionKind, RevisionStatus
from stocktaking.models import Entry, EntryRevision
from stocktaking.selectors.calls import open_call
from tests.factories.accounts import StakeholderFactory, UserFactory
from tests.factories.forum import action_line, sdg
from tests.factories.stocktaking import CallFactory, EntryFactory
from tests.support.refusals import refused
from wsis_portal.models import OutboxMessage
from wsis_portal.tasks import outbox_deliver

pytestmark = pytest.mark.django_db


def _data(**kw):
    data = {
        "title": "Village Wi-Fi",
        "description": "Internet for rural schools.",
        "organisation": "Rural Connect",
        "stakeholder_type": "civil_society",
        "country": "EG",
        "start_year": 2021,
        "website": "",
        "contact_email": "hidden@example.net",
    }
    data.update(kw)
    return data


def _draft(user, **kw):
    return services.entry_save_draft(
        user=user, data=_data(**kw), action_lines=[action_line("C2")], sdgs=[sdg(4)]
    )


def test_open_call_follows_the_clock():
    start = timezone.now() + timedelta(days=10)
    call = CallFactory(starts_at=start, ends_at=start + timedelta(days=5))
    assert open_call(kind=CallKind.NEW_ENTRIES) is None
    with time_machine.travel(start + timedelta(hours=1)):
        assert open_call(kind=CallKind.NEW_ENTRIES) == call
        assert open_call(kind=CallKind.UPDATES) is None
    with time_machine.travel(start + timedelta(days=5)):
        assert open_call(kind=CallKind.NEW_ENTRIES) is None


def test_draft_saved_and_region_derived_from_country():
    CallFactory()
    user = StakeholderFactory()
    entry = _draft(user)
    assert entry.status == EntryStatus.DRAFT
    assert entry.region == "arab-states"
    assert list(entry.action_lines.values_list("code", flat=True)) == ["C2"]
    assert entry.call is not None


def test_draft_refused_when_no_call_is_open():
    start = timezone.now() + timedelta(days=3)
    CallFactory(starts_at=start, ends_at=start + timedelta(days=3))
    with refused("closed"):
        _draft(StakeholderFactory())
    assert not Entry.objects.exists()


def test_draft_needs_an_action_line_and_saves_nothing_without():
    CallFactory()
    with pytest.raises(ValidationError) as error:
        services.entry_save_draft(user=StakeholderFactory(), data=_data(), action_lines=[], sdgs=[])
    assert "action_lines" in error.value.message_dict
    assert not Entry.objects.exists()


def test_submit_creates_a_pending_submission_and_locks_the_draft():
    CallFactory()
    user = StakeholderFactory()
    entry = _draft(user)
    revision = services.entry_submit(entry=entry, user=user)
    entry.refresh_from_db()
    assert entry.status == EntryStatus.SUBMITTED and entry.submitted_at
    assert revision.kind == RevisionKind.SUBMISSION and revision.status == RevisionStatus.PENDING
    with refused("locked"):
        services.entry_save_draft(
            user=user, data=_data(title="x"), action_lines=[action_line("C1")], sdgs=[], entry=entry
        )


def test_only_the_owner_edits_a_draft():
    CallFactory()
    entry = _draft(StakeholderFactory())
    with refused("not_owner"):
        services.entry_save_draft(
            user=StakeholderFactory(),
            data=_data(title="Taken over"),
            action_lines=[action_line("C1")],
            sdgs=[],
            entry=entry,
        )
    entry.refresh_from_db()
    assert entry.title == "Village Wi-Fi"


def test_status_moves_only_along_the_table():
    entry = EntryFactory(status=EntryStatus.DRAFT)
    with refused("transition"):
        services.entry_status_change(entry=entry, to=EntryStatus.PUBLISHED)


def test_publish_and_email_the_submitter_once(django_capture_on_commit_callbacks):
    CallFactory()
    user = StakeholderFactory()
    staff = UserFactory(is_staff=True)
    entry = _draft(user)
    revision = services.entry_submit(entry=entry, user=user)
    with django_capture_on_commit_callbacks(execute=True):
        services.revision_publish(revision=revision, by=staff, reason="Well documented.")
    entry.refresh_from_db()
    assert entry.status == EntryStatus.PUBLISHED and entry.published_at
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]
    assert "Well documented." in mail.outbox[0].body
    # A re-delivered task sends nothing more.
    message = OutboxMessage.objects.get(object_id=revision.pk, purpose=REVISION_DECIDED)
    assert outbox_deliver(message.pk) is False
    assert len(mail.outbox) == 1
    with refused("decided"):
        services.revision_publish(revision=revision, by=staff)


def test_reject_needs_a_reason_and_emails_it(django_capture_on_commit_callbacks):
    CallFactory()
    user = StakeholderFactory()
    entry = _draft(user)
    revision = services.entry_submit(entry=entry, user=user)
    staff = UserFactory(is_staff=True)
    with refused("reason"):
        services.revision_reject(revision=revision, by=staff, reason="  ")
    with django_capture_on_commit_callbacks(execute=True):
        services.revision_reject(revision=revision, by=staff, reason="Not an ICT project.")
    entry.refresh_from_db()
    assert entry.status == EntryStatus.REJECTED
    assert "Not an ICT project." in mail.outbox[0].body
    assert "not accepted" in mail.outbox[0].subject


def test_update_goes_to_moderation_while_published_version_stays():
    user = StakeholderFactory()
    entry = EntryFactory(submitter=user, title="Old title", country="KE")
    CallFactory(kind=CallKind.UPDATES)
    revision = services.entry_update_propose(
        entry=entry,
        user=user,
        data=_data(title="New title", country="RU"),
        action_lines=[action_line("C2"), action_line("C4")],
        sdgs=[sdg(9)],
    )
    entry.refresh_from_db()
    assert entry.title == "Old title" and entry.status == EntryStatus.PUBLISHED
    assert revision.changes["title"] == ["Old title", "New title"]
    assert revision.changes["action_lines"] == [["C2"], ["C2", "C4"]]
    # A second proposal replaces the pending one.
    services.entry_update_propose(
        entry=entry,
        user=user,
        data=_data(title="Newer title", country="RU"),
        action_lines=[action_line("C4")],
        sdgs=[],
    )
    assert EntryRevision.objects.filter(entry=entry, status="pending").count() == 1
    pending = EntryRevision.objects.get(entry=entry, status="pending")
    services.revision_publish(revision=pending, by=UserFactory(is_staff=True))
    entry.refresh_from_db()
    assert entry.title == "Newer title"
    assert entry.region == "cis"
    assert list(entry.action_lines.values_list("code", flat=True)) == ["C4"]
    assert list(entry.sdgs.all()) == []
    pending.refresh_from_db()
    assert pending.changes["title"] == ["Old title", "Newer title"]
    assert pending.changes["sdgs"] == [[9], []]


def test_update_refused_outside_an_update_call_or_for_others():
    user = StakeholderFactory()
    entry = EntryFactory(submitter=user)
    CallFactory(kind=CallKind.NEW_ENTRIES)
    kwargs = {"data": _data(title="New"), "action_lines": [action_line("C2")], "sdgs": []}
    with refused("closed"):
        services.entry_update_propose(entry=entry, user=user, **kwargs)
    CallFactory(kind=CallKind.UPDATES)
    with refused("not_owner"):
        services.entry_update_propose(entry=entry, user=StakeholderFactory(), **kwargs)
    assert not EntryRevision.objects.exists()


def test_update_with_no_change_is_refused():
    user = StakeholderFactory()
    entry = EntryFactory(submitter=user, sdgs=[])
    CallFactory(kind=CallKind.UPDATES)
    same = {
        "title": entry.title,
        "description": entry.description,
        "organisation": entry.organisation,
        "stakeholder_type": entry.stakeholder_type,
        "country": "KE",
        "start_year": entry.start_year,
        "website": entry.website,
        "contact_email": entry.contact_email,
    }
    with pytest.raises(ValidationError):
        services.entry_update_propose(
            entry=entry, user=user, data=same, action_lines=[action_line("C2")], sdgs=[]
        )
