from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from forum.base.selectors import matrix_cell, tagged_counts
from stocktaking import demo
from stocktaking.enums import CallKind, EntryStatus, RevisionKind
from stocktaking.models import Entry, EntryRevision
from stocktaking.selectors import matrix_counts
from tests.conftest import wait_for
from tests.factories.accounts import StakeholderFactory, UserFactory
from tests.factories.forum import action_line, sdg
from tests.factories.stocktaking import CallFactory, EntryFactory
from wsis_portal.selectors import open_items

pytestmark = pytest.mark.django_db


def test_matrix_counts_published_entries_per_pair(client):
    EntryFactory(action_lines=["C2", "C4"], sdgs=[9, 4], title="Counted")
    EntryFactory(action_lines=["C2"], sdgs=[9])
    EntryFactory(action_lines=["C2"], sdgs=[9], status=EntryStatus.DRAFT, title="Not counted")
    counts = matrix_counts()
    assert counts[("C2", 9)] == 2
    assert counts[("C4", 4)] == 1 and counts[("C2", 4)] == 1
    assert tagged_counts()[("C2", 9)] >= 2
    cell = matrix_cell(action_line=action_line("C4"), sdg=sdg(4))
    titles = [item.title for _, items in cell["groups"] for item in items]
    assert titles == ["Counted"]
    body = client.get("/matrix/C2/9/").content.decode()
    assert "Counted" in body and "Not counted" not in body


def test_matrix_counts_follow_a_publication(django_capture_on_commit_callbacks):
    from stocktaking.services import revision_publish

    EntryFactory(action_lines=["C5"], sdgs=[16])
    assert matrix_counts()[("C5", 16)] == 1
    entry = EntryFactory(action_lines=["C5"], sdgs=[16], status=EntryStatus.SUBMITTED)
    revision = EntryRevision.objects.create(entry=entry, kind=RevisionKind.SUBMISSION)
    with django_capture_on_commit_callbacks(execute=True):
        revision_publish(revision=revision, by=UserFactory(is_staff=True))
    assert matrix_counts()[("C5", 16)] == 2


def test_home_shows_the_open_call_and_its_deadline(client):
    now = timezone.now()
    CallFactory(kind=CallKind.NEW_ENTRIES, year=2030, ends_at=now + timedelta(days=9))
    CallFactory(kind=CallKind.UPDATES, year=2031, starts_at=now + timedelta(days=40))
    items = [i for i in open_items(now=now) if i.process == "WSIS Stocktaking"]
    assert [i.deadline is not None for i in items] == [True, False]
    assert items[1].opens_at is not None
    body = client.get("/").content.decode()
    assert "New entries call 2030" in body and "/stocktaking/submit/" in body


def test_my_page_lists_own_entries_only(stakeholder_client):
    EntryFactory(submitter=stakeholder_client.user, title="Mine", status=EntryStatus.DRAFT)
    EntryFactory(submitter=StakeholderFactory(), title="Someone else's")
    body = stakeholder_client.get("/my/").content.decode()
    assert "Mine" in body and "Draft" in body
    assert "Someone else" not in body


def test_seed_demo_is_idempotent_and_spans_every_region():
    call_command("seed_demo", "--only", "stocktaking")
    count = Entry.objects.filter(is_demo=True).count()
    assert count == demo.DEMO_ENTRIES
    call_command("seed_demo", "--only", "stocktaking")
    assert Entry.objects.filter(is_demo=True).count() == count
    regions = set(Entry.objects.values_list("region", flat=True))
    assert regions == {"africa", "americas", "arab-states", "asia-pacific", "cis", "europe"}
    assert all(e.action_lines.exists() for e in Entry.objects.all()[:20])


def test_seed_demo_large_set_in_bulk(django_assert_max_num_queries):
    # Calls are looked up one by one; entries and their tags go in by thousands.
    # (SQLite splits bulk inserts into smaller batches than PostgreSQL.)
    with django_assert_max_num_queries(100):
        made = demo.seed(entries=1200)
    assert made == 1200
    assert Entry.objects.filter(is_demo=True, status=EntryStatus.PUBLISHED).count() == 1200


@pytest.mark.services
def test_decision_email_task_runs_on_a_real_worker(celery_worker):
    from stocktaking.services import revision_publish

    owner = StakeholderFactory()
    entry = EntryFactory(submitter=owner, status=EntryStatus.SUBMITTED)
    revision = EntryRevision.objects.create(
        entry=entry, kind=RevisionKind.SUBMISSION, proposed_by=owner
    )
    revision_publish(revision=revision, by=UserFactory(is_staff=True))
    wait_for(
        lambda: EntryRevision.objects.filter(pk=revision.pk, notified_at__isnull=False).exists()
    )
