from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from stocktaking.enums import CallKind, EntryStatus
from stocktaking.models import Entry, EntryRevision
from tests.factories.accounts import StakeholderFactory, UserFactory
from tests.factories.stocktaking import CallFactory, EntryFactory, entry_data

pytestmark = pytest.mark.django_db


def test_submit_page_says_when_the_next_call_opens(stakeholder_client):
    opens = timezone.now() + timedelta(days=20)
    CallFactory(starts_at=opens, ends_at=opens + timedelta(days=30), year=2031)
    response = stakeholder_client.get(reverse("stocktaking:submit"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "No call is open" in text
    assert "opens on" in text
    response = stakeholder_client.post(reverse("stocktaking:submit"), entry_data())
    assert "No call is open" in response.content.decode()
    assert not Entry.objects.exists()


def test_submit_requires_sign_in_and_verified_email(client):
    CallFactory()
    response = client.get(reverse("stocktaking:submit"))
    assert response.status_code == 302
    unverified = UserFactory(verified=False)
    client.force_login(unverified)
    response = client.post(reverse("stocktaking:submit"), entry_data())
    assert response.status_code == 403
    assert "Confirm your email address" in response.content.decode()
    assert not Entry.objects.exists()


def test_draft_then_submit_through_the_pages(stakeholder_client):
    CallFactory()
    response = stakeholder_client.post(
        reverse("stocktaking:submit"), {**entry_data(), "action": "draft"}
    )
    entry = Entry.objects.get()
    assert response.status_code == 302 and entry.status == EntryStatus.DRAFT
    assert entry.region == "africa"
    response = stakeholder_client.post(
        reverse("stocktaking:edit", args=[entry.pk]),
        {**entry_data(title="Better title"), "action": "submit"},
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == EntryStatus.SUBMITTED and entry.title == "Better title"
    my = stakeholder_client.get(reverse("accounts:my")).content.decode()
    assert "Better title" in my and "Submitted, awaiting moderation" in my
    assert "private-person@example.net" not in my


def test_bad_input_is_reported_next_to_the_field(stakeholder_client):
    CallFactory()
    response = stakeholder_client.post(
        reverse("stocktaking:submit"),
        {
            **entry_data(action_lines=[], start_year="1800", contact_email="nope"),
            "action": "submit",
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) >= {"action_lines", "start_year", "contact_email"}
    assert not Entry.objects.exists()


def test_no_one_sees_another_users_draft(client):
    owner = StakeholderFactory()
    draft = EntryFactory(submitter=owner, status=EntryStatus.DRAFT)
    assert client.get(reverse("stocktaking:entry", args=[draft.pk])).status_code == 404
    client.force_login(StakeholderFactory())
    assert client.get(reverse("stocktaking:entry", args=[draft.pk])).status_code == 404
    assert client.get(reverse("stocktaking:edit", args=[draft.pk])).status_code == 404
    client.force_login(owner)
    assert client.get(reverse("stocktaking:entry", args=[draft.pk])).status_code == 200


def test_non_owner_cannot_update_a_published_entry(client):
    entry = EntryFactory(submitter=StakeholderFactory())
    CallFactory(kind=CallKind.UPDATES)
    client.force_login(StakeholderFactory())
    response = client.post(reverse("stocktaking:edit", args=[entry.pk]), entry_data())
    assert response.status_code == 403
    assert not EntryRevision.objects.exists()


def test_contact_email_is_never_on_public_pages(client):
    entry = EntryFactory(contact_email="never-public@example.net", is_success_story=True)
    call = CallFactory(year=2024, starts_at=timezone.now() - timedelta(days=60))
    Entry.objects.filter(pk=entry.pk).update(call=call)
    for url in [
        reverse("stocktaking:entry", args=[entry.pk]),
        reverse("stocktaking:search"),
        reverse("stocktaking:report", args=[call.report_year]),
        reverse("stocktaking:export_csv"),
        reverse("stocktaking:export_json"),
        "/api/stocktaking/entries/",
        f"/api/stocktaking/entries/{entry.pk}/",
    ]:
        response = client.get(url)
        body = (
            b"".join(response.streaming_content) if response.streaming else response.content
        ).decode()
        assert response.status_code == 200, url
        assert entry.title in body, url
        assert "never-public@example.net" not in body, url


def test_owner_proposes_update_and_public_page_keeps_published_version(client):
    owner = StakeholderFactory()
    entry = EntryFactory(submitter=owner, title="Published title")
    CallFactory(kind=CallKind.UPDATES)
    client.force_login(owner)
    response = client.get(reverse("stocktaking:edit", args=[entry.pk]))
    assert response.status_code == 200
    response = client.post(
        reverse("stocktaking:edit", args=[entry.pk]), entry_data(title="Proposed title")
    )
    assert response.status_code == 302
    assert EntryRevision.objects.get().data["title"] == "Proposed title"
    client.logout()
    page = client.get(reverse("stocktaking:entry", args=[entry.pk])).content.decode()
    assert "Published title" in page and "Proposed title" not in page


def test_update_page_closed_outside_an_update_call(client):
    owner = StakeholderFactory()
    entry = EntryFactory(submitter=owner)
    client.force_login(owner)
    response = client.get(reverse("stocktaking:edit", args=[entry.pk]))
    assert "No call is open" in response.content.decode()


def _search_queries(client, url, expected_total):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    assert response.context["total"] == expected_total
    assert len(response.context["entries"]) == expected_total
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "url",
    [
        "/stocktaking/",
        "/stocktaking/?q=broadband&region=africa&action_line=C2&sdg=9&sort=title",
        "/stocktaking/?country=KE&stakeholder_type=civil_society&year=2020&success_story=true&sort=oldest",
    ],
)
def test_search_page_runs_the_same_queries_for_1_and_3_entries(client, url):
    from django.core.cache import cache

    EntryFactory(is_success_story=True)
    cache.clear()
    one = _search_queries(client, url, 1)
    EntryFactory.create_batch(2, is_success_story=True, sdgs=[9, 4], action_lines=["C2", "C4"])
    cache.clear()
    three = _search_queries(client, url, 3)
    assert one == three
    assert three <= 10


def test_report_page_runs_the_same_queries_for_1_and_3_entries(
    client, django_assert_max_num_queries
):
    from django.core.cache import cache

    call = CallFactory(year=2024)
    EntryFactory(call=call, is_success_story=True)
    url = reverse("stocktaking:report", args=[call.report_year])
    cache.clear()
    with django_assert_max_num_queries(6):
        assert client.get(url).status_code == 200
    EntryFactory.create_batch(2, call=call, is_success_story=True, country="RU")
    cache.clear()
    with django_assert_max_num_queries(6):
        response = client.get(url)
    assert response.context["total"] == 3
    region = client.get(reverse("stocktaking:report_region", args=[call.report_year, "cis"]))
    assert region.context["total"] == 2


def test_report_page_draws_accessible_charts(client):
    call = CallFactory(year=2024)
    EntryFactory(call=call, is_success_story=True, title="Story one")
    body = client.get(reverse("stocktaking:report", args=[call.report_year])).content.decode()
    assert body.count('role="img"') == 4
    assert '<title id="chart-al-title">' in body and '<desc id="chart-al-desc">' in body
    assert '<th scope="col">' in body
    assert "Story one" in body
    assert client.get(reverse("stocktaking:report", args=[1999])).status_code == 404
    assert (
        client.get(
            reverse("stocktaking:report_region", args=[call.report_year, "mars"])
        ).status_code
        == 404
    )


def test_reports_list(client):
    call = CallFactory(year=2024)
    EntryFactory(call=call)
    body = client.get(reverse("stocktaking:reports")).content.decode()
    assert f"WSIS Stocktaking Report {call.report_year}" in body
    assert "1 published entry" in body


def test_bad_filter_value_is_explained_not_a_500(client):
    EntryFactory()
    response = client.get("/stocktaking/?region=atlantis&sort=random")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Some filters could not be used." in body
    assert response.context["total"] == 0


def test_cached_search_is_refreshed_when_published_data_changes(
    client, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    from stocktaking.services import search_cache_bump

    search_cache_bump()
    with django_capture_on_commit_callbacks(execute=True):
        EntryFactory(title="First entry")
    assert client.get("/stocktaking/").context["total"] == 1
    # A repeated search reads its facets and its page of results from the cache.
    with django_assert_max_num_queries(2):
        body = client.get("/stocktaking/").content.decode()
    assert "First entry" in body
    with django_capture_on_commit_callbacks(execute=True):
        EntryFactory(title="Second entry")
    response = client.get("/stocktaking/")
    assert response.context["total"] == 2
    assert "Second entry" in response.content.decode()


def test_owner_sees_the_rejection_reason_others_do_not(client):
    from stocktaking.enums import RevisionKind, RevisionStatus

    owner = StakeholderFactory()
    entry = EntryFactory(submitter=owner, status=EntryStatus.REJECTED)
    EntryRevision.objects.create(
        entry=entry,
        kind=RevisionKind.SUBMISSION,
        status=RevisionStatus.REJECTED,
        reason="Please describe the ICT component.",
        decided_at=timezone.now(),
    )
    client.force_login(owner)
    body = client.get(reverse("stocktaking:entry", args=[entry.pk])).content.decode()
    assert "Please describe the ICT component." in body
    client.force_login(StakeholderFactory())
    assert client.get(reverse("stocktaking:entry", args=[entry.pk])).status_code == 404


def test_submit_form_renders_labelled_fields(stakeholder_client):
    CallFactory()
    body = stakeholder_client.get(reverse("stocktaking:submit")).content.decode()
    assert body.count("<h1>") == 1
    for name in ("title", "description", "country", "contact_email", "start_year"):
        assert f'for="id_{name}"' in body
    assert 'name="action_lines"' in body and 'type="checkbox"' in body
    assert "never published" in body


def test_entry_posts_are_rate_limited(rate_hour_start, stakeholder_client):
    CallFactory()
    url = reverse("stocktaking:submit")
    statuses = [stakeholder_client.post(url, {"action": "draft"}).status_code for _ in range(31)]
    assert statuses[:30] == [200] * 30  # invalid form, shown again with its errors
    assert statuses[30] == 429
