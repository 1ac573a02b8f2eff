import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.roles import SECRETARIAT
from stocktaking.enums import EntryStatus, RevisionKind, RevisionStatus
from stocktaking.models import Entry, EntryRevision
from tests.factories.accounts import StakeholderFactory, UserFactory
from tests.factories.stocktaking import CallFactory, EntryFactory

pytestmark = pytest.mark.django_db

QUEUE = "admin:stocktaking_moderationitem_changelist"


@pytest.fixture
def secretariat_client(client):
    from django.contrib.auth.models import Permission

    from accounts.signals import ensure_groups

    ensure_groups()
    staff = UserFactory(is_staff=True, groups=[SECRETARIAT])
    assert Permission.objects.filter(group__name=SECRETARIAT, codename="change_moderationitem")
    client.force_login(staff)
    client.user = staff
    return client


def _submitted(title: str, owner=None) -> EntryRevision:
    owner = owner or StakeholderFactory()
    entry = EntryFactory(title=title, submitter=owner, status=EntryStatus.SUBMITTED)
    return EntryRevision.objects.create(
        entry=entry, kind=RevisionKind.SUBMISSION, proposed_by=owner
    )


def test_queue_lists_pending_items_oldest_first(secretariat_client):
    first = _submitted("First submitted")
    second = _submitted("Second submitted")
    decided = _submitted("Already decided")
    EntryRevision.objects.filter(pk=decided.pk).update(status=RevisionStatus.REJECTED)
    response = secretariat_client.get(reverse(QUEUE))
    assert response.status_code == 200
    body = response.content.decode()
    assert body.index("First submitted") < body.index("Second submitted")
    assert "Already decided" not in body
    assert [r.pk for r in response.context["cl"].result_list] == [first.pk, second.pk]


def test_stakeholder_cannot_reach_the_queue(stakeholder_client):
    response = stakeholder_client.get(reverse(QUEUE))
    assert response.status_code == 302  # to the admin login


def test_publish_action_asks_then_publishes_and_emails(
    secretariat_client, django_capture_on_commit_callbacks
):
    revision = _submitted("To publish")
    url = reverse(QUEUE)
    data = {"action": "publish_selected", "_selected_action": [revision.pk]}
    response = secretariat_client.post(url, data)
    assert response.status_code == 200  # the intermediate form
    assert "To publish" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat_client.post(url, {**data, "apply": "1", "reason": "Welcome."})
    assert response.status_code == 302
    revision.refresh_from_db()
    assert revision.status == RevisionStatus.PUBLISHED
    assert revision.decided_by == secretariat_client.user
    assert Entry.objects.get(pk=revision.entry_id).status == EntryStatus.PUBLISHED
    assert len(mail.outbox) == 1 and "Welcome." in mail.outbox[0].body


def test_reject_action_requires_a_reason(secretariat_client):
    revision = _submitted("To reject")
    data = {"action": "reject_selected", "_selected_action": [revision.pk], "apply": "1"}
    response = secretariat_client.post(reverse(QUEUE), {**data, "reason": ""})
    assert response.status_code == 200
    assert "Give the submitter a reason" in response.content.decode()
    revision.refresh_from_db()
    assert revision.status == RevisionStatus.PENDING
    secretariat_client.post(reverse(QUEUE), {**data, "reason": "Out of scope."})
    revision.refresh_from_db()
    assert revision.status == RevisionStatus.REJECTED and revision.reason == "Out of scope."


def test_entry_admin_shows_the_revision_history(secretariat_client):
    entry = EntryFactory(title="Kept")
    EntryRevision.objects.create(
        entry=entry,
        kind=RevisionKind.UPDATE,
        status=RevisionStatus.PUBLISHED,
        changes={"title": ["Old name", "Kept"]},
    )
    body = secretariat_client.get(
        reverse("admin:stocktaking_entry_change", args=[entry.pk])
    ).content.decode()
    assert "Old name" in body and "revision history" in body.lower()


HEADER = "title,description,organisation,stakeholder_type,country,action_lines,sdgs,start_year,website,contact_email,success_story,report_year\n"


def _upload(client, text: str):
    upload = SimpleUploadedFile("legacy.csv", text.encode(), content_type="text/csv")
    return client.post(reverse("admin:stocktaking_entry_import"), {"file": upload})


def test_import_reports_every_bad_row_and_imports_nothing(secretariat_client):
    CallFactory(year=2015, report_year=2016)
    text = HEADER + (
        "Good one,Desc,Org,government,KE,C2;C4,9,2015,https://example.org,a@example.org,yes,2016\n"
        "Bad AL,Desc,Org,government,KE,C99,9,2015,,a@example.org,no,\n"
        "Bad country,Desc,Org,academia,XX,C1,,2015,,a@example.org,,\n"
        "Bad email,Desc,Org,academia,FR,C1,42,20x5,,not-an-email,maybe,1999\n"
    )
    response = _upload(secretariat_client, text)
    assert response.status_code == 200
    errors = dict(response.context["errors"])
    assert set(errors) == {3, 4, 5}
    assert "C99" in errors[3]
    assert "country" in errors[4]
    assert "contact_email" in errors[5] and "42" in errors[5] and "1999" in errors[5]
    assert "start_year" in errors[5] and "success_story" in errors[5]
    assert not Entry.objects.exists()


def test_import_creates_published_entries_in_one_go(secretariat_client):
    CallFactory(year=2015, report_year=2016)
    text = HEADER + (
        "Good one,Desc,Org,Government,KE,C2;C4,9;4,2015,https://example.org,a@example.org,yes,2016\n"
        'Second,"Multi\nline",Org,private_sector,RU,C5,,2012,,b@example.org,,\n'
    )
    response = _upload(secretariat_client, text)
    assert response.status_code == 302
    first = Entry.objects.get(title="Good one")
    assert first.status == EntryStatus.PUBLISHED and first.is_success_story
    assert first.region == "africa" and first.call.report_year == 2016
    assert sorted(first.action_lines.values_list("code", flat=True)) == ["C2", "C4"]
    assert Entry.objects.get(title="Second").region == "cis"


def test_import_rejects_a_file_missing_columns(secretariat_client):
    response = _upload(secretariat_client, "title,description\nA,B\n")
    assert "Missing columns" in response.content.decode()
    assert not Entry.objects.exists()


def test_entry_status_is_changed_only_through_moderation_actions():
    from django.contrib import admin as django_admin

    from stocktaking.models import Entry

    entry_admin = django_admin.site._registry[Entry]
    assert "status" in entry_admin.readonly_fields


def test_entry_list_reads_one_page_and_never_every_day(secretariat_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    EntryFactory(country="KE", title="Kenyan entry")
    EntryFactory(country="RU", status="draft", published_at=None)
    with CaptureQueriesContext(connection) as ctx:
        response = secretariat_client.get("/admin/stocktaking/entry/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Kenyan entry" in body and "Kenya" in body and "Russia" in body
    sqls = [q["sql"] for q in ctx.captured_queries]
    # The date drill-down reads the first and last date, never the distinct days of every entry.
    assert not [s for s in sqls if "DATE_TRUNC" in s.upper() or "DISTINCT" in s.upper()]
    # Django's tag and the queryset each ask for the two ends once.
    assert len([s for s in sqls if 'MIN("stocktaking_entry"."created_at")' in s]) <= 2
    assert response.context["cl"].paginator.count == 2
